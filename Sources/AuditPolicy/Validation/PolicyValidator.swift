/// kube-apiserver's validation of an audit policy, with each error located in the source.
///
/// Upstream: `k8s.io/apiserver/pkg/apis/audit/validation/validation.go`, `ValidatePolicy` and the
/// functions it calls, in the same order, so that the aggregated message matches.
public enum PolicyValidator {
    /// The stage names `omitStages` accepts, in upstream's order (`validOmitStages`).
    static let validStages = ["RequestReceived", "ResponseStarted", "ResponseComplete", "Panic"]
    /// The level names a rule accepts, in upstream's order (`validLevels`).
    static let validLevels = ["None", "Metadata", "Request", "RequestResponse"]

    /// All validation errors of `policy` for the given Kubernetes release, in upstream's order.
    public static func validate(_ policy: Policy, kubernetesVersion: KubernetesVersion = .latest) -> [FieldError] {
        var errors = omitStagesErrors(policy.omitStages, path: "omitStages")
        for (index, rule) in policy.rules.enumerated() {
            errors += ruleErrors(rule, path: "rules[\(index)]", kubernetesVersion: kubernetesVersion)
        }
        return errors
    }

    /// Upstream: `validatePolicyRule`.
    private static func ruleErrors(_ rule: PolicyRule, path: String, kubernetesVersion: KubernetesVersion) -> [FieldError] {
        var errors = levelErrors(rule, path: "\(path).level")
        errors += nonResourceURLErrors(rule.nonResourceURLs, path: "\(path).nonResourceURLs")
        errors += resourceErrors(rule.resources, path: "\(path).resources", kubernetesVersion: kubernetesVersion)
        errors += omitStagesErrors(rule.omitStages, path: "\(path).omitStages")
        if !rule.nonResourceURLs.isEmpty, !rule.resources.isEmpty || !rule.namespaces.isEmpty {
            errors.append(FieldError(
                kind: .invalid,
                field: "\(path).nonResourceURLs",
                renderedValue: GoValueRendering.json(rule.nonResourceURLs.map(\.value)),
                detail: "rules cannot apply to both regular resources and non-resource URLs",
                location: rule.fieldLocations["nonResourceURLs"] ?? rule.location
            ))
        }
        return errors
    }

    /// Upstream: `validateLevel`. `audit.Level` is a named string type, so `field.NotSupported`
    /// renders it through encoding/json rather than `%q`.
    private static func levelErrors(_ rule: PolicyRule, path: String) -> [FieldError] {
        let level = rule.level?.value ?? ""
        if validLevels.contains(where: { $0.bytesEqual(level) }) { return [] }
        let location = rule.level?.location ?? rule.fieldLocations["level"] ?? rule.location
        if level.isEmpty {
            return [FieldError(kind: .required, field: path, renderedValue: nil, detail: "", location: location)]
        }
        return [FieldError(
            kind: .notSupported,
            field: path,
            renderedValue: GoValueRendering.json(level),
            detail: "supported values: " + validLevels.map { GoValueRendering.quoted($0) }.joined(separator: ", "),
            location: location
        )]
    }

    /// Upstream: `validateNonResourceURLs`.
    private static func nonResourceURLErrors(_ urls: [Located<String>], path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, url) in urls.enumerated() where !url.value.bytesEqual("*") {
            let bytes = url.value.utf8
            if bytes.first != UInt8(ascii: "/") {
                errors.append(FieldError(
                    kind: .invalid, field: "\(path)[\(index)]", renderedValue: GoValueRendering.quoted(url.value),
                    detail: "non-resource URL rules must begin with a '/' character", location: url.location
                ))
            }
            if !bytes.isEmpty, bytes.dropLast().contains(UInt8(ascii: "*")) {
                errors.append(FieldError(
                    kind: .invalid, field: "\(path)[\(index)]", renderedValue: GoValueRendering.quoted(url.value),
                    detail: "non-resource URL wildcards '*' must be the final character of the rule", location: url.location
                ))
            }
        }
        return errors
    }

    /// Upstream: `validateResources`. The field path has no index, as upstream's.
    private static func resourceErrors(_ entries: [GroupResources], path: String, kubernetesVersion: KubernetesVersion) -> [FieldError] {
        var errors: [FieldError] = []
        for entry in entries {
            let group = entry.group.value
            let wildcard = kubernetesVersion.supportsWildcardGroup && group.bytesEqual("*")
            if !group.isEmpty, !wildcard {
                let messages = DNSSubdomain.errors(group)
                if !messages.isEmpty {
                    errors.append(FieldError(
                        kind: .invalid, field: "\(path).group", renderedValue: GoValueRendering.quoted(group),
                        detail: messages.joined(separator: ","), location: entry.group.location
                    ))
                }
            }
            if !entry.resourceNames.isEmpty, entry.resources.isEmpty {
                errors.append(FieldError(
                    kind: .invalid, field: "\(path).resourceNames",
                    renderedValue: GoValueRendering.json(entry.resourceNames.map(\.value)),
                    detail: "using resourceNames requires at least one resource",
                    location: entry.resourceNames.first?.location ?? entry.location
                ))
            }
        }
        return errors
    }

    /// Upstream: `validateOmitStages`.
    private static func omitStagesErrors(_ stages: [Located<String>], path: String) -> [FieldError] {
        stages.enumerated().compactMap { index, stage in
            if validStages.contains(where: { $0.bytesEqual(stage.value) }) { return nil }
            return FieldError(
                kind: .invalid, field: "\(path)[\(index)]", renderedValue: GoValueRendering.quoted(stage.value),
                detail: "allowed stages are " + validStages.joined(separator: ","), location: stage.location
            )
        }
    }
}
