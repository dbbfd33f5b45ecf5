import AuditAnalysis
import AuditPolicy

/// The request-space analysis of one compiled policy, computed once per lint run (on first use)
/// and shared by the checks that reason about what the policy decides: shadowed and redundant
/// rules, the missing catch-all, volume, sensitive data and checklist coverage.
///
/// One `CoverageReport` from AuditAnalysis holds everything: the exact map of the policy over a
/// request space that can also express the checklist rows, the Logs Insights queries and the
/// sensitive-data items; shadowed and redundant rules are read from the same map.
public final class PolicyAnalysis {
    /// A class of an expectation's requests, its outcome, and the rule deciding it.
    struct Outcome {
        var outcome: ClassOutcome
        /// The deciding rule's index (`nil`: no rule).
        var ruleIndex: Int? { outcome.decision.ruleIndex }
    }

    /// How the policy serves one expectation.
    struct Answer {
        var gaps: [Outcome]
        var exposures: [Outcome]

        init(_ result: ExpectationResult) {
            gaps = result.gaps.map(Outcome.init)
            exposures = result.exposures.map(Outcome.init)
        }
    }

    /// A class of sensitive requests logged above its maximum level.
    struct Exposure {
        var item: SensitiveItem
        var outcome: ClassOutcome
        /// The deciding rule.
        var ruleIndex: Int
        /// A realistic request of the class.
        var witness: RequestAttributes
    }

    /// The policy analyzed.
    public let policy: CompiledPolicy
    /// The checklist rows coverage checks hold the policy to.
    public let checklist: [ChecklistItem]
    /// Requests whose bodies must not be logged.
    let sensitive: [SensitiveItem]

    init(policy: CompiledPolicy, checklist: [ChecklistItem], sensitive: [SensitiveItem]) {
        self.policy = policy
        self.checklist = checklist
        self.sensitive = sensitive
    }

    /// The coverage of the checklist, the queries and the sensitive items.
    private(set) lazy var coverage = CoverageReport(
        policy: policy,
        checklist: SecurityChecklist(items: checklist + sensitive.map(\.item)),
        queries: LogsInsightsQuery.builtIn
    )
    /// Every request class and its decision.
    var map: PolicyMap { coverage.map }
    /// Rules no request reaches.
    private(set) lazy var shadowedRules: [ShadowedRule] = RuleReachability.shadowedRules(in: map)
    /// Rules whose removal changes nothing that is logged.
    private(set) lazy var redundantRules: [RedundantRule] = RuleReachability.redundantRules(in: map)
    /// The evaluator's decisions, looked up through an index of the rules.
    private(set) lazy var evaluator = IndexedEvaluator(map: map)
    /// Indices of rules that decide at least one request.
    private(set) lazy var reachedRules: Set<Int> = Set(policy.rules.indices).subtracting(shadowedRules.map(\.ruleIndex))

    /// The checklist rows (the configuration's selection) and how the policy serves each.
    private(set) lazy var checklistResults: [(item: ChecklistItem, answer: Answer)] = {
        let selected = Set(checklist.map(\.id))
        return coverage.checklist.filter { selected.contains($0.item.id) }.map { ($0.item, Answer($0.result)) }
    }()

    /// The Logs Insights queries and how the policy serves each.
    private(set) lazy var queryResults: [(query: LogsInsightsQuery, answer: Answer)] =
        coverage.queries.map { ($0.query, Answer($0.result)) }

    /// Classes of requests no rule matches, each with a realistic example.
    private(set) lazy var unmatchedExamples: [(description: String, witness: RequestAttributes)] =
        map.entries(decidedWhere: { $0.ruleIndex == nil }).compactMap { entry in
            RealisticIdentity.witness(of: entry.requests).map { (entry.requests.description.text, $0) }
        }

    /// Exposures of sensitive data, by the check that reports them.
    ///
    /// Only classes whose events can carry bodies count: bodies are written with the
    /// ResponseComplete (or Panic) event, and a request whose authentication failed gets a single
    /// ResponseStarted event without them (`pkg/endpoints/filters/authn_audit.go`).
    func exposures(for checkID: String) -> [Exposure] {
        var result: [Exposure] = []
        for itemResult in coverage.checklist {
            guard let item = sensitive.first(where: { $0.item.id == itemResult.item.id }), item.checkID == checkID else { continue }
            for outcome in itemResult.result.exposures
            where outcome.emission.stages.contains(.responseComplete) || outcome.emission.stages.contains(.panic) {
                guard let rule = outcome.decision.ruleIndex, let witness = RealisticIdentity.witness(of: outcome.requests) else { continue }
                result.append(Exposure(item: item, outcome: outcome, ruleIndex: rule, witness: witness))
            }
        }
        return result
    }
}

/// The checklist rows a configuration selects.
public enum LintChecklist {
    /// Every built-in row's ID.
    public static var rowIDs: [String] { SecurityChecklist.builtIn.items.map(\.id) }

    /// The rows `selection` keeps.
    static func items(_ selection: LintConfiguration.ChecklistSelection) -> [ChecklistItem] {
        switch selection {
        case .all: SecurityChecklist.builtIn.items
        case .none: []
        case .rows(let ids): SecurityChecklist.builtIn.items.filter { ids.contains($0.id) }
        }
    }
}
