import AuditPolicy

/// AP091: a suppression comment that silences nothing (reported while suppressions are applied).
struct UnusedSuppression: LintRule {
    static let checkID = "AP091"

    let description = RuleDescription(
        id: UnusedSuppression.checkID, name: "unused-suppression", category: .loading, defaultSeverity: .info,
        summary: "An `# auditsim:ignore` comment silences no finding, or names an unknown check.",
        rationale: """
        A suppression that matches nothing is either stale (the problem was fixed) or misplaced \
        (it is not on or just above the line, or the rule, that the finding points at), and then \
        the finding it was meant to silence is still reported.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        # auditsim:ignore AP501 RequestReceived events are needed here
        rules:
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        # auditsim:ignore AP501 our SIEM pairs RequestReceived with ResponseComplete to time requests
        rules:
          - level: Metadata
        """,
        fix: "Delete the comment, or move it onto the line the finding points at or just above the rule it belongs to."
    )

    /// Reported by the linter when it applies suppression comments, not by this check.
    func check(_ context: LintContext) -> [Diagnostic] { [] }
}
