import AuditAnalysis
import AuditPolicy

/// AP403: some requests match no rule, so they are silently not logged.
struct NoCatchAll: LintRule {
    static let checkID = "AP403"

    let description = RuleDescription(
        id: NoCatchAll.checkID, name: "no-catch-all", category: .ruleOrder, defaultSeverity: .warning,
        summary: "Some requests match no rule, so they are not logged at all.",
        rationale: """
        A request no rule matches gets level None (`pkg/audit/policy/checker.go`, \
        `EvaluatePolicyRule`): nothing is written and nothing warns. Policies that list what to log \
        rule by rule quietly drop everything else, including resources added later (new APIs, \
        CRDs) and unauthenticated requests. The CIS Kubernetes Benchmark expects a catch-all; a \
        final `- level: Metadata` is the usual one. The finding lists the classes of requests that \
        fall through, each with an example.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: "rbac.authorization.k8s.io"
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: "rbac.authorization.k8s.io"
          - level: Metadata
        """,
        fix: "End the policy with `- level: Metadata` (add `omitStages: [\"RequestReceived\"]` to halve the volume)."
    )

    /// How many unmatched classes a finding shows.
    static let shown = 5

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let analysis = context.analysis, let policy = context.policy else { return [] }
        // Authenticated requests first (failed authentications last).
        let unmatched = analysis.unmatchedExamples.sorted { a, b in
            let aNoUser = a.witness.user == nil, bNoUser = b.witness.user == nil
            return aNoUser == bNoUser ? (a.description, RequestDescription.text(a.witness)) < (b.description, RequestDescription.text(b.witness)) : !aNoUser
        }
        guard !unmatched.isEmpty else { return [] }
        var notes = unmatched.prefix(Self.shown).map { example in
            "not logged: \(example.description), e.g. \(RequestDescription.text(example.witness))"
        }
        if unmatched.count > Self.shown { notes.append("and \(unmatched.count - Self.shown) more classes of requests") }
        let fallingThrough = analysis.checklistResults.filter { result in
            ChecklistGaps.fixable(result.answer.gaps, requirement: result.item.requirement, evaluator: analysis.evaluator)
                .contains { $0.ruleIndex == nil }
        }
        if !fallingThrough.isEmpty {
            notes.append("security checklist rows among them: " + fallingThrough.map { "\($0.item.id) \($0.item.title)" }.joined(separator: "; "))
        }
        return [finding(
            "no rule matches some requests, so kube-apiserver logs nothing for them",
            at: policy.rulesLocation ?? policy.location, notes: notes,
            help: "end the policy with a catch-all rule: `- level: Metadata`"
        )]
    }
}
