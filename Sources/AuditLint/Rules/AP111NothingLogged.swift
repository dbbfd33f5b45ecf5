import AuditPolicy

/// AP111: omitStages drops the stages every request has, so a rule with a level logs nothing.
struct NothingLogged: LintRule {
    let description = RuleDescription(
        id: "AP111", name: "stages-all-omitted", category: .traps, defaultSeverity: .warning,
        summary: "omitStages drops both RequestReceived and ResponseComplete, so the rule logs almost nothing.",
        rationale: """
        Every request that is logged gets a RequestReceived and a ResponseComplete event (or Panic); \
        only long-running requests also get ResponseStarted. A rule whose omitStages (joined with the \
        policy's) holds RequestReceived and ResponseComplete emits nothing for ordinary requests, \
        whatever its level says: it behaves like `level: None` while looking like it logs.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: RequestResponse
            resources:
              - group: "rbac.authorization.k8s.io"
            omitStages: ["ResponseComplete"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: RequestResponse
            resources:
              - group: "rbac.authorization.k8s.io"
          - level: Metadata
        """,
        fix: "Keep ResponseComplete (it carries the response status and bodies); to log nothing, say `level: None`."
    )

    private static let essential: Set<String> = ["RequestReceived", "ResponseComplete"]

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let policy = context.policy else { return [] }
        let policyStages = Set(policy.omitStages.map(\.value))
        if Self.essential.isSubset(of: policyStages), let first = policy.omitStages.first {
            return [finding(
                "the policy omits RequestReceived and ResponseComplete for every rule, so it logs almost nothing (only ResponseStarted of long-running requests and Panic)",
                at: first.location, help: "remove ResponseComplete from omitStages"
            )]
        }
        return context.rules.enumerated().compactMap { index, rule in
            guard let level = rule.level?.value, level != Level.none.rawValue else { return nil }
            let stages = policyStages.union(rule.omitStages.map(\.value))
            guard Self.essential.isSubset(of: stages) else { return nil }
            let at = rule.omitStages.first { $0.value == "ResponseComplete" || $0.value == "RequestReceived" }?.location ?? rule.location
            return finding(
                "\(context.ruleName(index)) is at level \(level) but omits RequestReceived and ResponseComplete, so ordinary requests it matches emit no event",
                at: at, help: "remove ResponseComplete from omitStages, or write `level: None` if nothing should be logged"
            )
        }
    }
}
