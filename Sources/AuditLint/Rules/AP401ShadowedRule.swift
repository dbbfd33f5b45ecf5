import AuditAnalysis
import AuditPolicy

/// AP401: a rule no request reaches, because earlier rules take all of its requests.
struct ShadowedRuleCheck: LintRule {
    let description = RuleDescription(
        id: "AP401", name: "shadowed-rule", category: .ruleOrder, defaultSeverity: .error,
        summary: "A rule never decides any request: earlier rules take every request it matches.",
        rationale: """
        kube-apiserver uses the first rule that matches (`pkg/audit/policy/checker.go`, \
        `EvaluatePolicyRule`). A rule whose requests are all matched by earlier rules is dead: it \
        usually means a broad rule was placed too early (a user-wide `None` rule above narrower \
        rules for the same user, or a catch-all that is not last). auditsim computes this exactly \
        over every possible request and shows, for each earlier rule involved, a request it takes \
        first. The finding is an error when the dead rule would have decided differently (its \
        intent is lost), and a warning when the earlier rules decide the same way anyway.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources:
              - group: ""
          - level: RequestResponse
            resources:
              - group: ""
                resources: ["configmaps"]
          # dead code: the first rule logs pods at Metadata already
          - level: Metadata
            resources:
              - group: ""
                resources: ["pods"]
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: ""
                resources: ["configmaps"]
          - level: Metadata
            resources:
              - group: ""
        """,
        fix: "Move the narrower rule above the broader one, narrow the earlier rule, or delete the dead rule. `--fix` deletes a shadowed rule only when the earlier rules decide its requests the same way (then no request is logged differently).",
        fixedExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources:
              - group: ""
          - level: RequestResponse
            resources:
              - group: ""
                resources: ["configmaps"]
        """
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let analysis = context.analysis else { return [] }
        let policy = analysis.policy
        return analysis.shadowedRules.compactMap { shadowed in
            let index = shadowed.ruleIndex
            guard index < context.rules.count else { return nil }
            let rule = context.rules[index]
            switch shadowed.reason {
            case .matchesNoRequest:
                return finding(
                    "\(context.ruleName(index)) matches no request that can occur, so it never decides anything",
                    at: rule.location,
                    notes: ["for example, resourceNames with only `create`: a create carries no object name when the policy is evaluated"],
                    help: "fix the rule's selectors, or delete it"
                )
            case .coveredByEarlierRules:
                let own = DecisionOutcome(policy: policy, rule: index)
                let sameOutcome = shadowed.coveringRules.allSatisfy { DecisionOutcome(policy: policy, rule: $0.ruleIndex) == own }
                let names = shadowed.coveringRules.map { context.ruleName($0.ruleIndex) }
                let notes = shadowed.coveringRules.map { cover in
                    "\(context.ruleName(cover.ruleIndex)) takes, for example, \(RequestDescription.text(cover.example))"
                }
                return finding(
                    "\(context.ruleName(index)) is shadowed: \(names.count == 1 ? names[0] + " takes" : names.joined(separator: ", ") + " take") every request it matches"
                        + (sameOutcome ? " (with the same outcome, so it is dead code)" : ", so its level \(policy.rules[index].level.rawValue) never applies"),
                    at: rule.location, notes: notes,
                    help: sameOutcome ? "delete the rule" : "move this rule above \(names[0]), or narrow the earlier rule",
                    severity: sameOutcome ? .warning : .error
                )
            }
        }
    }
}

/// What a rule's decision changes in the log: the level; stages when something is logged;
/// omitManagedFields when bodies are logged.
struct DecisionOutcome: Equatable {
    var level: Level
    var omitStages: StageSet
    var omitManagedFields: Bool

    init(policy: CompiledPolicy, rule index: Int?) {
        let rule = index.map { policy.rules[$0] }
        level = rule?.level ?? .none
        omitStages = level == .none ? [] : policy.omitStages.union(rule?.omitStages ?? [])
        omitManagedFields = level >= .request ? (rule?.omitManagedFields ?? policy.omitManagedFields) : false
    }
}
