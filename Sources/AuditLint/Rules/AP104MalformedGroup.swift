import AuditPolicy

/// AP104: an API group written with a version, as a version, or as "core".
struct MalformedGroup: LintRule {
    let description = RuleDescription(
        id: "AP104", name: "malformed-group", category: .traps, defaultSeverity: .error,
        summary: "An API group is written with its version (`apps/v1`), as a version (`v1`) or as `core`.",
        rationale: """
        A rule's `group` is the API group alone, compared exactly with the request's group; the \
        core group is the empty string. `apps/v1` is not a DNS name, so kube-apiserver refuses the \
        policy. `v1` and `core` are accepted but no request has them as its group, so the entry \
        never matches: pods, secrets and configmaps are in group `""`.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Request
            resources:
              - group: "apps/v1"
                resources: ["deployments"]
              - group: "v1"
                resources: ["pods"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Request
            resources:
              - group: "apps"
                resources: ["deployments"]
              - group: ""
                resources: ["pods"]
          - level: Metadata
        """,
        fix: "Write only the group: `apps`, `rbac.authorization.k8s.io`, or `\"\"` for the core group (pods, secrets, configmaps, ...).",
        supersedes: [LoaderCode.validation]
    )

    private static let coreSpellings: Set<String> = ["core", "v1", "legacy", "api", "api/v1", "/api/v1"]

    func check(_ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for rule in context.rules {
            for entry in rule.resources {
                let group = entry.group.value
                let end = context.end(of: entry.group)
                if Self.coreSpellings.contains(group.lowercased()) {
                    findings.append(finding(
                        "group \"\(group)\" is not an API group: the core group (pods, secrets, configmaps, ...) is \"\", so this entry never matches",
                        at: entry.group.location, end: end,
                        help: "write `group: \"\"`"
                    ))
                } else if let slash = group.firstIndex(of: "/") {
                    let name = String(group[..<slash])
                    let version = String(group[group.index(after: slash)...])
                    guard Self.looksLikeVersion(version) else { continue }
                    let intended = Self.coreSpellings.contains(name.lowercased()) ? "" : name
                    findings.append(finding(
                        "group \"\(group)\" includes the version \"\(version)\": kube-apiserver refuses the policy (a group is a DNS name without a version)",
                        at: entry.group.location, end: end,
                        help: "write `group: \"\(intended)\"`; the policy matches every version of a group"
                    ))
                } else if Self.looksLikeVersion(group) {
                    findings.append(finding(
                        "group \"\(group)\" is an API version, not a group, so this entry never matches",
                        at: entry.group.location, end: end,
                        help: "write the group the resources belong to, such as `\"\"` (core) or `apps`"
                    ))
                }
            }
        }
        return findings
    }

    /// `v1`, `v2`, `v1beta1`, `v1alpha2`: Kubernetes API version strings.
    static func looksLikeVersion(_ text: String) -> Bool {
        var rest = Substring(text)
        guard rest.first == "v" else { return false }
        rest = rest.dropFirst()
        let major = rest.prefix { $0.isASCII && $0.isNumber }
        guard !major.isEmpty else { return false }
        rest = rest.dropFirst(major.count)
        if rest.isEmpty { return true }
        for stage in ["alpha", "beta"] where rest.hasPrefix(stage) {
            let minor = rest.dropFirst(stage.count)
            return !minor.isEmpty && minor.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return false
    }
}
