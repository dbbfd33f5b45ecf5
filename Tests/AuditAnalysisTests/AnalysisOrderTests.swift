import AuditPolicy
import Testing
@testable import AuditAnalysis

/// The analysis outputs are exact and ordered the same way on every run: the entries of a subset
/// of rules are the map's own entries, and coverage outcomes follow a total order.
struct AnalysisOrderTests {
    static let seeds: [UInt64] = Array(1...60)

    /// The decisions a lint check asks the map for (`PolicyMap.entries(decidedWhere:)`).
    static let selections: [(name: String, include: @Sendable (Decision) -> Bool)] = [
        ("no rule (unmatched requests)", { $0.ruleIndex == nil }),
        ("RequestResponse", { $0.level == .requestResponse }),
        ("rules 0 to 2", { ($0.ruleIndex ?? Int.max) <= 2 }),
    ]

    @Test("entries of selected rules are the map's entries for them, in map order (first-match split, checker.go)", arguments: seeds)
    func selectedEntriesMatchTheWholeMap(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let policy = RandomPolicies.policy(&random)
        for selection in Self.selections {
            // A fresh map builds only the selected rules' classes; the other builds every class.
            let selected = PolicyMap(policy: policy).entries(decidedWhere: selection.include)
            let whole = PolicyMap(policy: policy).entries.filter { selection.include($0.decision) }
            #expect(selected.map(\.decision) == whole.map(\.decision), "seed \(seed), \(selection.name)")
            #expect(selected.map(\.requests.cube) == whole.map(\.requests.cube), "seed \(seed), \(selection.name)")
        }
    }

    @Test("coverage outcomes are ordered by rule, problem, then emission (level, stages, managedFields)", arguments: seeds)
    func coverageOutcomesFollowATotalOrder(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let policy = RandomPolicies.policy(&random)
        let report = CoverageReport(policy: policy)
        let results = report.checklist.map(\.result) + report.queries.map(\.result)
        for result in results {
            for outcomes in [result.gaps, result.exposures, result.belowRecommended] {
                let keys = outcomes.map(Self.orderKey)
                for (earlier, later) in zip(keys, keys.dropFirst()) {
                    #expect(!Self.precedes(later, earlier), "seed \(seed): \(later) listed after \(earlier)")
                }
            }
        }
    }

    typealias OrderKey = (rule: Int, problem: String, level: Level, stages: UInt8, managedFields: Int)

    static func orderKey(_ outcome: ClassOutcome) -> OrderKey {
        let managedFields = outcome.emission.omitManagedFields.map { $0 ? 2 : 1 } ?? 0
        return (outcome.decision.ruleIndex ?? -1, outcome.problem, outcome.emission.level, outcome.emission.stages.rawValue, managedFields)
    }

    static func precedes(_ a: OrderKey, _ b: OrderKey) -> Bool {
        (a.rule, a.problem, a.level, a.stages, a.managedFields) < (b.rule, b.problem, b.level, b.stages, b.managedFields)
    }
}
