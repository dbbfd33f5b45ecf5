import AuditPolicy

/// AP105: `*` or a glob in a field that kube-apiserver compares exactly.
struct WildcardValue: LintRule {
    let description = RuleDescription(
        id: "AP105", name: "wildcard-value", category: .traps, defaultSeverity: .error,
        summary: "A `*` or glob in users, userGroups, verbs, namespaces or resourceNames, which are compared exactly.",
        rationale: """
        Only resources (`*`, `*/sub`, `res/*`), non-resource URLs (a trailing `*`) and, from \
        Kubernetes 1.36, `group: "*"` have wildcards. Users, groups, verbs, namespaces and \
        resourceNames are compared byte for byte (`pkg/audit/policy/checker.go`, `hasString`), so \
        `verbs: ["*"]` or `namespaces: ["kube-*"]` only match a request whose verb or namespace is \
        literally that text: never. An empty list is what means "any".
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            users: ["system:serviceaccount:kube-system:*"]
            verbs: ["*"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            userGroups: ["system:serviceaccounts:kube-system"]
          - level: Metadata
        """,
        fix: "Leave the field out to match everything; list exact values otherwise. For all service accounts of a namespace use `userGroups: [\"system:serviceaccounts:NAMESPACE\"]`."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for rule in context.rules {
            let fields: [(String, [Located<String>])] = [
                ("users", rule.users), ("userGroups", rule.userGroups), ("verbs", rule.verbs), ("namespaces", rule.namespaces),
                ("resourceNames", rule.resources.flatMap(\.resourceNames)),
            ]
            for (field, values) in fields {
                for value in values where value.value.contains("*") {
                    findings.append(finding(
                        "`\(value.value)` in \(field) is not a wildcard: kube-apiserver compares \(field) exactly, so it only matches the literal text",
                        at: value.location, end: context.end(of: value),
                        help: help(field: field, value: value.value)
                    ))
                }
            }
        }
        return findings
    }

    private func help(field: String, value: String) -> String {
        if field == "users", value.hasPrefix("system:serviceaccount:") {
            let namespace = value.dropFirst("system:serviceaccount:".count).split(separator: ":").first.map(String.init) ?? "NAMESPACE"
            if namespace != "*" {
                return "to match every service account of \(namespace), use `userGroups: [\"system:serviceaccounts:\(namespace)\"]`"
            }
            return "to match every service account, use `userGroups: [\"system:serviceaccounts\"]`"
        }
        if value == "*" { return "leave `\(field)` out to match any value" }
        return "list the exact \(field) (an empty or absent list matches any)"
    }
}
