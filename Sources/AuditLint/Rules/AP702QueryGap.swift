import AuditAnalysis
import AuditPolicy

/// AP702: a published CloudWatch Logs Insights query cannot find some of the events it looks for.
struct QueryGap: LintRule {
    let description = RuleDescription(
        id: "AP702", name: "logs-insights-query-gap", category: .coverage, defaultSeverity: .info,
        summary: "A CloudWatch Logs Insights query from the EKS guides would miss events, because the policy does not log the fields it reads.",
        rationale: """
        The EKS Best Practices Guide publishes Logs Insights queries for audit logs (aws-auth \
        changes, webhook changes, RBAC changes, secret reads, anonymous requests). Each filters on \
        fields such as `verb`, `objectRef`, `responseStatus.code` or `user.username`, which only \
        some levels and stages carry: a request logged at None is invisible, and a RequestReceived \
        event has no response code. This check names each query that would come back incomplete, \
        and why. As for AP701, requests no rule matches are left to AP403, and queries about every \
        request (5xx errors) only count those.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            namespaces: ["kube-system"]
            resources:
              - group: ""
                resources: ["configmaps"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
        """,
        fix: "Log the requests each query looks for at Metadata or above, and keep ResponseComplete."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let analysis = context.analysis else { return [] }
        // Missed queries by responsible rule, in order.
        var byRule: [Int?: [(query: LogsInsightsQuery, gaps: [ChecklistGaps.Gap])]] = [:]
        for queryResult in analysis.queryResults {
            let query = queryResult.query
            let anyRequest = query.requests.allSatisfy { $0.users.isEmpty && $0.userGroups.isEmpty && $0.verbs.isEmpty && $0.target == .anyRequest }
            let gaps = ChecklistGaps.fixable(queryResult.answer.gaps, requirement: query.requirement, evaluator: analysis.evaluator).filter { gap in
                // As AP701: requests no rule matches are AP403's; queries about every request
                // are only about those.
                let unmatched = gap.ruleIndex == nil
                if unmatched, context.configuration.isEnabled(NoCatchAll.checkID) { return false }
                return !anyRequest || unmatched
            }
            for rule in Set(gaps.map(\.ruleIndex)) {
                byRule[rule, default: []].append((query, gaps.filter { $0.ruleIndex == rule }))
            }
        }
        return byRule.keys.sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }.compactMap { rule in
            guard let missed = byRule[rule], !missed.isEmpty else { return nil }
            let who = rule.map { context.ruleName($0) } ?? "no rule (level None)"
            let location = rule.flatMap { $0 < context.rules.count ? context.rules[$0].location : nil }
                ?? context.policy?.rulesLocation ?? context.policy?.location
            let notes = missed.map { entry in
                let example = ChecklistGaps.sorted(entry.gaps).first.map { "\($0.outcome.problem), e.g. \(RequestDescription.text($0.witness))" } ?? ""
                return "\(entry.query.id) \"\(entry.query.title)\" (\(entry.query.source)) looks for \(entry.query.requestSummary): \(example)"
            }
            return finding(
                "\(who) keeps \(missed.count == 1 ? "Logs Insights query" : "\(missed.count) Logs Insights queries") "
                    + missed.map(\.query.id).joined(separator: ", ") + (missed.count == 1 ? " from finding events it looks for" : " from finding events they look for"),
                at: location, notes: notes,
                help: "log the requests these queries look for at Metadata or above, with ResponseComplete kept"
            )
        }
    }
}
