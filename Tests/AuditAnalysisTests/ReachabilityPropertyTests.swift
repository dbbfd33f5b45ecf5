import AuditPolicy
import Testing
@testable import AuditAnalysis

/// Property tests: shadowed and redundant rules, and their witnesses, checked by the evaluator.
struct ReachabilityPropertyTests {
    static let seeds: [UInt64] = Array(1001...1100)

    static func isRealistic(_ request: RequestAttributes) -> Bool { PolicyMapPropertyTests.isRealistic(request) }

    static func removing(_ index: Int, from policy: CompiledPolicy) -> CompiledPolicy {
        var rules = policy.rules
        rules.remove(at: index)
        return CompiledPolicy(rules: rules, omitStages: policy.omitStages, omitManagedFields: policy.omitManagedFields, kubernetesVersion: policy.kubernetesVersion)
    }

    @Test("shadowed rules decide no request; each cover's example is matched by the rule and taken by the earlier one", arguments: seeds)
    func shadowed(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let policy = RandomPolicies.policy(&random)
        let map = PolicyMap(policy: policy)
        let shadowed = RuleReachability.shadowedRules(in: map)
        let wildcard = policy.kubernetesVersion.supportsWildcardGroup
        for rule in shadowed {
            #expect(rule.reason == (rule.coveringRules.isEmpty ? .matchesNoRequest : .coveredByEarlierRules))
            for cover in rule.coveringRules {
                #expect(Self.isRealistic(cover.example))
                #expect(policy.rules[rule.ruleIndex].matches(cover.example, wildcardGroup: wildcard), "seed \(seed)")
                #expect(policy.matchingRuleIndex(cover.example) == cover.ruleIndex, "seed \(seed)")
            }
            // Removing a shadowed rule changes nothing.
            #expect(PolicyDiff(old: policy, new: Self.removing(rule.ruleIndex, from: policy), selectors: []).isEmpty, "seed \(seed)")
        }
        let indices = Set(shadowed.map(\.ruleIndex))
        for _ in 0..<40 {
            let request = RandomPolicies.request(&random)
            if let index = policy.matchingRuleIndex(request) { #expect(!indices.contains(index), "seed \(seed): \(request)") }
        }
    }

    @Test("redundant rules: removing one changes no logged event; the example is decided by it and identically without it", arguments: seeds)
    func redundant(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let policy = RandomPolicies.policy(&random)
        let map = PolicyMap(policy: policy)
        let redundant = RuleReachability.redundantRules(in: map)
        let shadowed = Set(RuleReachability.shadowedRules(in: map).map(\.ruleIndex))
        for rule in redundant {
            #expect(!shadowed.contains(rule.ruleIndex))
            let without = Self.removing(rule.ruleIndex, from: policy)
            #expect(policy.matchingRuleIndex(rule.example) == rule.ruleIndex, "seed \(seed)")
            #expect(Self.isRealistic(rule.example), "seed \(seed): \(rule.example)")
            let fallback = without.decide(rule.example)
            #expect(fallback.ruleIndex.map { $0 >= rule.ruleIndex ? $0 + 1 : $0 } == rule.exampleFallbackRule, "seed \(seed)")
            #expect(DecisionEffect(fallback) == DecisionEffect(policy.decide(rule.example)), "seed \(seed)")
            #expect(PolicyDiff(old: policy, new: without, selectors: []).isEmpty, "seed \(seed): rule \(rule.ruleIndex)")
        }
        // A rule whose removal changes some logged event is never called redundant.
        let redundantIndices = Set(redundant.map(\.ruleIndex))
        for index in policy.rules.indices where !PolicyDiff(old: policy, new: Self.removing(index, from: policy), selectors: []).isEmpty {
            #expect(!redundantIndices.contains(index) && !shadowed.contains(index), "seed \(seed): rule \(index)")
        }
    }
}
