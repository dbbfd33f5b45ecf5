import AuditPolicy

/// AP407: a rule that decided no request of the corpus given with `--corpus`.
struct RuleDecidesNothingInCorpus: LintRule {
    static let checkID = "AP407"

    let description = RuleDescription(
        id: RuleDecidesNothingInCorpus.checkID, name: "rule-decides-nothing-in-corpus", category: .ruleOrder, defaultSeverity: .warning,
        summary: "With --corpus: a rule decided none of the recorded requests, so it is dead in practice.",
        rationale: """
        A rule can be alive in theory (some request could reach it) and still never decide \
        anything on a real cluster: it names a component's old resources, an identity the \
        platform does not use, or traffic the cluster does not have. Replaying a recording \
        (`--corpus`) shows which rules decided nothing. The finding is info when the rule is \
        alive in theory (the recording may just be too short), and a warning when it is dead in \
        theory too: shadowed by earlier rules (AP401), or selecting only users that cannot occur \
        on the platform (AP304). Without `--corpus` this check reports nothing.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
          - level: None
            users: ["system:unsecured"]
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
        """,
        fix: "Check the rule against what the cluster really sends (`auditsim explain` on a recorded request), then fix its selectors or delete it.",
        exampleCorpus: CorpusVolume(name: "audit.jsonl", requests: 100, events: 100, bytes: 50_000, rules: [
            0: CorpusVolume.RuleVolume(requests: 100, events: 100, bytes: 50_000, requestReceivedEvents: 0, requestReceivedBytes: 0),
        ])
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let corpus = context.corpus, corpus.requests > 0, context.compiled != nil else { return [] }
        let shadowed = Set(context.analysis?.shadowedRules.map(\.ruleIndex) ?? [])
        return context.rules.indices.compactMap { index in
            guard (corpus.rules[index]?.requests ?? 0) == 0 else { return nil }
            let rule = context.rules[index]
            let impossibleUsers = !rule.users.isEmpty && rule.users.allSatisfy {
                PlatformModel.legacyIdentity($0.value)?.isImpossible(on: context.platform) == true
            }
            let deadInTheory = shadowed.contains(index) || impossibleUsers
            let reason = shadowed.contains(index) ? "it is shadowed by earlier rules (AP401)"
                : impossibleUsers ? "its users cannot occur on \(context.platform.title) (AP304)"
                : "it is alive in theory: the recording may not hold the traffic it was written for"
            return finding(
                "\(context.ruleName(index)) decided none of the \(corpus.requests) requests in \(corpus.name)",
                at: rule.location, notes: [reason],
                help: deadInTheory ? "delete the rule" : "check the rule against recorded requests (`auditsim explain`), then fix or delete it",
                severity: deadInTheory ? nil : .info
            )
        }
    }
}
