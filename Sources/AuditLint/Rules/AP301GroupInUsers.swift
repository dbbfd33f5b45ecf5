import AuditPolicy

/// AP301: a group name written under `users`.
struct GroupInUsers: LintRule {
    let description = RuleDescription(
        id: "AP301", name: "group-in-users", category: .identities, defaultSeverity: .error,
        summary: "A `users` entry is a group (such as `system:masters` or `system:serviceaccounts:ns`).",
        rationale: """
        `users` is compared with the request's user name, `userGroups` with its groups. \
        `system:masters`, `system:nodes`, `system:authenticated`, `system:unauthenticated`, \
        `system:serviceaccounts` and `system:serviceaccounts:NAMESPACE` are groups; no user has \
        those names, so a `users` entry with one never matches and the rule misses every request \
        it was written for.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            users: ["system:masters"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            userGroups: ["system:masters"]
          - level: Metadata
        """,
        fix: "Move the entry to `userGroups`. A rule with both `users` and `userGroups` needs both to match, so split it if needed."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        context.rules.enumerated().flatMap { index, rule in
            rule.users.filter { WellKnownIdentities.isGroup($0.value) }.map { user in
                finding(
                    "\"\(user.value)\" is a group, not a user name, so `users` in \(context.ruleName(index)) never matches it",
                    at: user.location, end: context.end(of: user),
                    help: "move it to `userGroups`" + (rule.userGroups.isEmpty ? "" : " (a rule with both users and userGroups needs both to match)")
                )
            }
        }
    }
}
