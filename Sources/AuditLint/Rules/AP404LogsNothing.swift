import AuditPolicy

/// AP404: every rule is at level None.
struct LogsNothing: LintRule {
    let description = RuleDescription(
        id: "AP404", name: "logs-nothing", category: .ruleOrder, defaultSeverity: .warning,
        summary: "Every rule is at level None, so the policy logs nothing.",
        rationale: """
        A policy made only of `level: None` rules is valid and makes kube-apiserver write no audit \
        events at all (some distributions ship this as a default). That is rarely what someone \
        who writes a policy file wants, and on EKS it means the audit log stream stays empty.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: None
            nonResourceURLs: ["/healthz*", "/livez*", "/readyz*"]
          - level: Metadata
        """,
        fix: "Log at least metadata for what matters: end with `- level: Metadata`, after `None` rules for known noise."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let policy = context.policy, !policy.rules.isEmpty,
              policy.rules.allSatisfy({ $0.level?.value == Level.none.rawValue })
        else { return [] }
        return [finding(
            "every rule is at level None, so kube-apiserver writes no audit events",
            at: policy.rulesLocation ?? policy.location,
            help: "end the policy with `- level: Metadata` to log every request's metadata"
        )]
    }
}
