import AuditPolicy

/// AP302: a user name written under `userGroups`.
struct UserInGroups: LintRule {
    let description = RuleDescription(
        id: "AP302", name: "user-in-groups", category: .identities, defaultSeverity: .error,
        summary: "A `userGroups` entry is a user name (such as `system:serviceaccount:ns:name` or `system:kube-proxy`).",
        rationale: """
        `userGroups` is compared with the request's groups. Service account user names \
        (`system:serviceaccount:NAMESPACE:NAME`), node user names (`system:node:NAME`), \
        `system:anonymous`, `system:kube-proxy`, `system:kube-controller-manager`, \
        `system:kube-scheduler`, `system:apiserver` and `kubernetes-admin` are users, never groups, \
        so such an entry never matches. Note the plural: the group of a namespace's service \
        accounts is `system:serviceaccounts:NAMESPACE`.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            userGroups: ["system:serviceaccount:kube-system:coredns", "system:kube-proxy"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            users: ["system:serviceaccount:kube-system:coredns", "system:kube-proxy"]
          - level: Metadata
        """,
        fix: "Move user names to `users`; for all service accounts of a namespace, use the group `system:serviceaccounts:NAMESPACE`."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        context.rules.enumerated().flatMap { index, rule in
            rule.userGroups.compactMap { group -> Diagnostic? in
                let name = group.value
                if let parts = WellKnownIdentities.serviceAccountParts(name), parts.count == 1, !parts[0].isEmpty {
                    return finding(
                        "\"\(name)\" is neither a group nor a user: the group of the service accounts of namespace \(parts[0]) is \"system:serviceaccounts:\(parts[0])\" (plural)",
                        at: group.location, end: context.end(of: group),
                        help: "write `system:serviceaccounts:\(parts[0])`"
                    )
                }
                guard WellKnownIdentities.isUser(name) else { return nil }
                return finding(
                    "\"\(name)\" is a user name, not a group, so `userGroups` in \(context.ruleName(index)) never matches it",
                    at: group.location, end: context.end(of: group),
                    help: "move it to `users`" + (rule.users.isEmpty ? "" : " (a rule with both users and userGroups needs both to match)")
                )
            }
        }
    }
}
