import AuditAnalysis
import AuditPolicy

/// AP402: a rule whose removal changes nothing that is logged.
struct RedundantRuleCheck: LintRule {
    let description = RuleDescription(
        id: "AP402", name: "redundant-rule", category: .ruleOrder, defaultSeverity: .info,
        summary: "A rule decides some requests, but removing it would log every one of them the same way.",
        rationale: """
        If every request a rule decides would get the same level, stages and managedFields \
        handling from the rules after it (or from the no-match default), the rule changes nothing. \
        It is harmless but makes the policy longer and slower to review, and it often reveals a \
        misunderstanding of first-match order. auditsim computes this exactly and shows a request \
        the rule decides together with the later rule that would decide it identically.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources:
              - group: ""
                resources: ["pods"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Request
            resources:
              - group: ""
                resources: ["pods"]
          - level: Metadata
        """,
        fix: "Delete the rule, unless it documents intent that a later change might break; then keep it and suppress the finding with a reason. `--fix` deletes it (no request is logged differently; with several redundant rules, one at a time, each verified).",
        fixedExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
        """
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        // A policy's only rule is never worth deleting: kube-apiserver refuses a policy without rules.
        guard let analysis = context.analysis, context.rules.count > 1 else { return [] }
        return analysis.redundantRules.compactMap { redundant in
            let index = redundant.ruleIndex
            guard index < context.rules.count else { return nil }
            let fallback = redundant.exampleFallbackRule.map(context.ruleName) ?? "the no-match default (level None)"
            let fallbacks = redundant.fallbackRules.map { $0.map(context.ruleName) ?? "the no-match default" }
            return finding(
                "\(context.ruleName(index)) is redundant: without it, \(fallbacks.joined(separator: ", ")) would log every request it decides the same way",
                at: context.rules[index].location,
                notes: ["for example, \(RequestDescription.text(redundant.example)) is decided by this rule, and identically by \(fallback) without it"],
                help: "delete the rule"
            )
        }
    }
}
