import AuditPolicy
import Testing
@testable import AuditAnalysis

/// Property tests: the diff of two policies lists exactly the requests whose audit events differ,
/// as the evaluator decides them.
struct PolicyDiffPropertyTests {
    static let seeds: [UInt64] = Array(2001...2160)

    /// A policy like `policy` with one random edit, so that pairs share most rules.
    static func mutated(_ policy: CompiledPolicy, _ random: inout SplitMix64) -> CompiledPolicy {
        var rules = policy.rules
        switch random.int(0...4) {
        case 0 where rules.count > 1: rules.remove(at: random.int(0...(rules.count - 1)))
        case 1: rules.insert(RandomPolicies.rule(&random), at: random.int(0...rules.count))
        case 2: rules[random.int(0...(rules.count - 1))].level = random.pick(Level.allCases)
        case 3 where rules.count > 1: rules.swapAt(0, rules.count - 1)
        default: return RandomPolicies.policy(&random)
        }
        return CompiledPolicy(rules: rules, omitStages: policy.omitStages, omitManagedFields: policy.omitManagedFields, kubernetesVersion: policy.kubernetesVersion)
    }

    static func emission(_ policy: CompiledPolicy, _ request: RequestAttributes) -> Emission {
        Emission(decision: policy.decide(request), hasUser: request.user != nil, longRunning: request.isLongRunning)
    }

    @Test("the diff of a policy with itself is empty", arguments: seeds.prefix(100))
    func selfDiffIsEmpty(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let policy = RandomPolicies.policy(&random)
        #expect(PolicyDiff(old: policy, new: policy, selectors: seed % 10 == 0 ? SecurityChecklist.builtIn.selectors : []).isEmpty, "seed \(seed)")
    }

    @Test("a request is in a change exactly when its events differ, with both policies' decisions", arguments: seeds)
    func diffFindsEveryDifference(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let old = RandomPolicies.policy(&random)
        let new = Self.mutated(old, &random)
        // The checklist's literals split the space further; every tenth seed includes them.
        let diff = PolicyDiff(old: old, new: new, selectors: seed % 10 == 0 ? SecurityChecklist.builtIn.selectors : [])
        for change in diff.changes {
            let witness = change.requests.witness
            #expect(old.decide(witness) == change.old && new.decide(witness) == change.new, "seed \(seed): \(witness)")
            #expect(Self.emission(old, witness) == change.oldEmission && Self.emission(new, witness) == change.newEmission, "seed \(seed)")
            #expect(change.oldEmission != change.newEmission)
            #expect(PolicyMapPropertyTests.isRealistic(witness), "seed \(seed): \(witness)")
        }
        for _ in 0..<40 {
            let request = RandomPolicies.request(&random)
            let differs = Self.emission(old, request) != Self.emission(new, request)
            let holding = diff.changes.filter { $0.requests.contains(request) }
            #expect(holding.count == (differs ? 1 : 0), "seed \(seed): \(request)")
            if let change = holding.first {
                #expect(change.old == old.decide(request) && change.new == new.decide(request), "seed \(seed): \(request)")
            }
        }
    }
}
