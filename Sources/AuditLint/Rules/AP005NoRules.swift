import AuditPolicy

/// AP005: the policy has no rules.
struct NoRules: LintRule {
    let description = RuleDescription(
        id: LoaderCode.noRules, name: "no-rules", category: .loading, defaultSeverity: .error,
        summary: "The policy has no rules, which kube-apiserver refuses.",
        rationale: """
        kube-apiserver refuses a policy without rules (`loaded illegal policy with 0 rules`) and \
        does not start. A misspelled `rules:` key has the same effect: the misspelled key is \
        dropped and the policy is left with no rules.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules: []
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
        """,
        fix: "Add at least one rule. To log nothing, write one rule `- level: None`; to log everything's metadata, `- level: Metadata`."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        context.loaderDiagnostics.filter { $0.code == LoaderCode.noRules }
    }
}
