import AuditPolicy

/// AP090: a suppression comment that gives no reason (reported while suppressions are applied).
struct SuppressionWithoutReason: LintRule {
    static let checkID = "AP090"

    let description = RuleDescription(
        id: SuppressionWithoutReason.checkID, name: "suppression-without-reason", category: .loading, defaultSeverity: .warning,
        summary: "An `# auditsim:ignore` comment gives no reason (or names no check).",
        rationale: """
        A suppression hides a finding from everyone who reads the linter's output later. The reason \
        is what lets a reviewer judge whether it still holds; a suppression without one is \
        indistinguishable from one added to make CI pass. The suppression still applies.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        # auditsim:ignore AP501
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
        fix: "Write the reason after the IDs: `# auditsim:ignore AP501 why the finding does not apply here`."
    )

    /// Reported by the linter when it applies suppression comments, not by this check.
    func check(_ context: LintContext) -> [Diagnostic] { [] }
}
