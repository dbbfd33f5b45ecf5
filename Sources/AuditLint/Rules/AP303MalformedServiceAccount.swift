import AuditPolicy

/// AP303: a service account user name that is not `system:serviceaccount:NAMESPACE:NAME`.
struct MalformedServiceAccount: LintRule {
    let description = RuleDescription(
        id: "AP303", name: "malformed-service-account", category: .identities, defaultSeverity: .error,
        summary: "A service account user name without its namespace or name, or with the group's plural prefix.",
        rationale: """
        A service account authenticates as `system:serviceaccount:NAMESPACE:NAME` (singular, both \
        parts). `system:serviceaccount:kube-system` (no name) and \
        `system:serviceaccounts:kube-system:coredns` (plural) are no user's name, so a `users` \
        entry written that way never matches.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            users: ["system:serviceaccount:kube-system", "system:serviceaccounts:kube-system:coredns"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            users: ["system:serviceaccount:kube-system:coredns"]
          - level: None
            userGroups: ["system:serviceaccounts:kube-system"]
          - level: Metadata
        """,
        fix: "Write `system:serviceaccount:NAMESPACE:NAME`; to match every service account of a namespace, use `userGroups: [\"system:serviceaccounts:NAMESPACE\"]`."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        context.rules.flatMap { rule in
            rule.users.compactMap { user -> Diagnostic? in
                let name = user.value
                guard !name.contains("*") else { return nil }
                if let parts = WellKnownIdentities.serviceAccountParts(name), parts.count != 2 || parts.contains(where: \.isEmpty) {
                    let help = parts.count == 1 && !parts[0].isEmpty
                        ? "for every service account of \(parts[0]), use `userGroups: [\"system:serviceaccounts:\(parts[0])\"]`"
                        : "write `system:serviceaccount:NAMESPACE:NAME`"
                    return finding(
                        "\"\(name)\" is not a service account user name (system:serviceaccount:NAMESPACE:NAME), so it never matches",
                        at: user.location, end: context.end(of: user), help: help
                    )
                }
                let pluralPrefix = "system:serviceaccounts:"
                if name.hasPrefix(pluralPrefix) {
                    let parts = name.dropFirst(pluralPrefix.count).split(separator: ":", omittingEmptySubsequences: false)
                    if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
                        return finding(
                            "\"\(name)\" mixes the group prefix system:serviceaccounts: with a service account's name; user names are singular",
                            at: user.location, end: context.end(of: user),
                            help: "write `system:serviceaccount:\(parts[0]):\(parts[1])`"
                        )
                    }
                }
                return nil
            }
        }
    }
}
