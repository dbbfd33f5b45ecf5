/// Options for reading a policy.
public struct PolicyReadOptions: Sendable {
    /// The Kubernetes release whose kube-apiserver is imitated.
    public var kubernetesVersion: KubernetesVersion
    /// Limits that protect against hostile YAML.
    public var yamlLimits: YAMLLoader.Limits

    public init(kubernetesVersion: KubernetesVersion = .latest, yamlLimits: YAMLLoader.Limits = .default) {
        self.kubernetesVersion = kubernetesVersion
        self.yamlLimits = yamlLimits
    }
}

/// Reads a policy file the way kube-apiserver does at start-up.
///
/// Upstream: `pkg/audit/policy/reader.go`, `LoadPolicyFromBytes`: decode (strict, then lenient),
/// check the group/version, validate, and refuse a policy with no rules.
public enum PolicyReader {
    /// The `apiVersion` every modelled release accepts.
    public static let v1 = "audit.k8s.io/v1"
    /// Versions that releases up to 1.23 also accepted.
    public static let preV1Versions = ["audit.k8s.io/v1beta1", "audit.k8s.io/v1alpha1"]

    /// Reads `source` and reports everything kube-apiserver would say about it.
    public static func read(_ source: PolicySource, options: PolicyReadOptions = PolicyReadOptions()) -> LoadedPolicy {
        var diagnostics: [Diagnostic] = []
        let document: YAMLDocument
        do {
            document = try YAMLLoader(limits: options.yamlLimits).loadFirstDocument(source.bytes)
        } catch {
            let diagnostic = Diagnostic(.error, code: LoaderCode.yamlSyntax, error.message, at: error.location)
            return LoadedPolicy(source: source, options: options, policy: nil, diagnostics: [diagnostic], refusal: .decoding)
        }
        if let further = document.furtherDocument {
            diagnostics.append(Diagnostic(
                .warning, code: LoaderCode.extraDocument,
                "only the first YAML document is read; kube-apiserver ignores this one and everything after it",
                at: further
            ))
        }
        guard let root = document.root else {
            diagnostics.append(Diagnostic(
                .error, code: LoaderCode.decodeError,
                "failed decoding: the file holds no YAML document (it is empty or only comments)",
                at: SourceLocation(line: 1, column: 1)
            ))
            return LoadedPolicy(source: source, options: options, policy: nil, diagnostics: diagnostics, refusal: .decoding)
        }

        let typeMeta: TypeMeta
        switch TypeMeta.interpret(root) {
        case .success(let meta): typeMeta = meta
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return LoadedPolicy(source: source, options: options, policy: nil, diagnostics: diagnostics, refusal: .decoding)
        }

        let decoder = PolicyDecoder()
        let decoded = decoder.decode(root)
        diagnostics += decoder.diagnostics
        guard var policy = decoded else {
            return LoadedPolicy(source: source, options: options, policy: nil, diagnostics: diagnostics, refusal: .decoding)
        }
        // The group/version kube-apiserver acts on is the one Interpret found (case-insensitively).
        policy.apiVersion = typeMeta.apiVersion
        policy.kind = typeMeta.kind

        var refusal: LoadedPolicy.Refusal?
        if let problem = versionProblem(typeMeta, root: root, version: options.kubernetesVersion, diagnostics: &diagnostics) {
            diagnostics.append(problem.diagnostic)
            refusal = problem.simulable ? .preV1APIVersion : .apiVersion
        }

        let fieldErrors = PolicyValidator.validate(policy, kubernetesVersion: options.kubernetesVersion)
        for error in fieldErrors {
            diagnostics.append(Diagnostic(.error, code: LoaderCode.validation, error.message, at: error.location))
        }
        if !fieldErrors.isEmpty, refusal == nil { refusal = .validation }

        if policy.rules.isEmpty {
            diagnostics.append(Diagnostic(
                .error, code: LoaderCode.noRules, "loaded illegal policy with 0 rules",
                at: policy.rulesLocation ?? root.start,
                help: "add at least one rule; a final `- level: Metadata` logs every request not matched earlier"
            ))
            if refusal == nil { refusal = .noRules }
        }
        return LoadedPolicy(source: source, options: options, policy: policy, diagnostics: diagnostics, refusal: refusal, fieldErrors: fieldErrors)
    }

    private struct VersionProblem {
        var diagnostic: Diagnostic
        /// Whether auditsim can still simulate the policy (a published pre-v1 version).
        var simulable: Bool
    }

    /// Upstream: the decoder refuses a group/version/kind it has not registered
    /// (`no kind "Policy" is registered for version ...`), then `LoadPolicyFromBytes` refuses any
    /// group/version but the ones in `apiGroupVersions`.
    private static func versionProblem(_ meta: TypeMeta, root: YAMLNode, version: KubernetesVersion, diagnostics: inout [Diagnostic]) -> VersionProblem? {
        guard let apiVersion = meta.apiVersion, !apiVersion.value.isEmpty else {
            return VersionProblem(
                diagnostic: Diagnostic(
                    .error, code: LoaderCode.apiVersion,
                    "unknown group version field audit.k8s.io/__internal, Kind=\(meta.kind?.value ?? "Policy") in policy",
                    at: root.start,
                    notes: ["the policy has no apiVersion"],
                    help: "add `apiVersion: \(v1)` and `kind: Policy` at the top"
                ),
                simulable: false
            )
        }
        let kind = meta.kind?.value ?? ""
        let isPreV1 = preV1Versions.contains(apiVersion.value)
        let registered = apiVersion.value == v1 || (isPreV1 && version.acceptsPreV1PolicyVersions)
        if !kind.isEmpty, kind != "Policy" {
            return VersionProblem(
                diagnostic: Diagnostic(
                    .error, code: LoaderCode.apiVersion,
                    "failed decoding: no kind \"\(kind)\" is registered for version \"\(apiVersion.value)\" in scheme \"pkg/audit/scheme.go\"",
                    at: meta.kind?.location ?? apiVersion.location,
                    help: "an audit policy file has `kind: Policy`"
                ),
                simulable: false
            )
        }
        if !registered {
            var notes: [String] = []
            var help = "use `apiVersion: \(v1)`"
            if isPreV1 {
                notes.append("\(apiVersion.value) was removed from kube-apiserver's policy reader in Kubernetes 1.24; the target is \(version)")
                help = "change the apiVersion to \(v1); the Policy fields are the same"
            }
            return VersionProblem(
                diagnostic: Diagnostic(
                    .error, code: LoaderCode.apiVersion,
                    "failed decoding: no kind \"Policy\" is registered for version \"\(apiVersion.value)\" in scheme \"pkg/audit/scheme.go\"",
                    at: apiVersion.location, notes: notes, help: help
                ),
                simulable: isPreV1
            )
        }
        if isPreV1 {
            diagnostics.append(Diagnostic(
                .warning, code: LoaderCode.apiVersion,
                "\(apiVersion.value) is deprecated and removed in Kubernetes 1.24; use \(v1)",
                at: apiVersion.location
            ))
        }
        return nil
    }
}
