import AuditAnalysis
@testable import AuditLint
import AuditPolicy
import Foundation
import Testing

/// The example requests behind shadowed- and redundant-rule findings are re-checked with the
/// evaluator (`CompiledPolicy.decide`, upstream `checker.go` `EvaluatePolicyRule`): a shadowed
/// rule matches its example, and the earlier rule named takes it first; a redundant rule decides
/// its example, and without the rule the named later rule decides it the same way.
struct WitnessTests {
    static let inline: [(String, String)] = [
        ("broad rule first", """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources: [{group: ""}]
          - level: RequestResponse
            resources: [{group: "", resources: ["configmaps"]}]
          - level: None
            users: ["system:kube-proxy"]
            verbs: ["watch"]
        """),
        ("user-wide None above narrower rules", """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            users: ["system:apiserver"]
          - level: None
            users: ["system:apiserver"]
            verbs: ["get"]
            resources: [{group: "", resources: ["namespaces"]}]
          - level: Metadata
            userGroups: ["system:nodes"]
          - level: Metadata
        """),
    ]

    static var policies: [(String, String)] {
        let fixtures = GoldenOutputTests.policies.compactMap { name -> (String, String)? in
            guard let text = try? String(contentsOf: LintTestSupport.fixtures.appendingPathComponent(name), encoding: .utf8) else { return nil }
            return (name, text)
        }
        return inline + fixtures + [("built-in eks", BuiltInPolicy.eks.text)]
    }

    static func compiled(_ text: String) -> CompiledPolicy? {
        try? PolicyReader.read(PolicySource(name: "p", text: text)).compile(acceptPreV1: true)
    }

    /// The analysis exactly as the linter runs it (default configuration).
    static func analysis(_ text: String) -> PolicyAnalysis? {
        LintContext(loaded: PolicyReader.read(PolicySource(name: "p", text: text)), configuration: .defaults).analysis
    }

    @Test("shadowed rules: each example matches the rule and is taken by the earlier rule named", arguments: policies.map(\.0))
    func shadowedWitnesses(_ name: String) throws {
        guard let text = Self.policies.first(where: { $0.0 == name })?.1, let analysis = Self.analysis(text) else { return }
        let policy = analysis.policy
        for shadowed in analysis.shadowedRules {
            for cover in shadowed.coveringRules {
                #expect(policy.rules[shadowed.ruleIndex].matches(cover.example, wildcardGroup: policy.kubernetesVersion.supportsWildcardGroup))
                #expect(policy.decide(cover.example).ruleIndex == cover.ruleIndex)
            }
        }
    }

    @Test("redundant rules: each example is decided by the rule, and identically without it", arguments: policies.map(\.0))
    func redundantWitnesses(_ name: String) throws {
        guard let text = Self.policies.first(where: { $0.0 == name })?.1, let analysis = Self.analysis(text) else { return }
        let policy = analysis.policy
        for redundant in analysis.redundantRules {
            let with = policy.decide(redundant.example)
            #expect(with.ruleIndex == redundant.ruleIndex)
            var rules = policy.rules
            rules.remove(at: redundant.ruleIndex)
            let without = CompiledPolicy(rules: rules, omitStages: policy.omitStages, omitManagedFields: policy.omitManagedFields,
                                         kubernetesVersion: policy.kubernetesVersion).decide(redundant.example)
            let expected = redundant.exampleFallbackRule.map { $0 > redundant.ruleIndex ? $0 - 1 : $0 }
            #expect(without.ruleIndex == expected)
            #expect(without.level == with.level)
            if with.level != .none { #expect(without.omitStages == with.omitStages) }
            if with.level >= .request { #expect(without.omitManagedFields == with.omitManagedFields) }
        }
    }

    @Test("sensitive-data examples: the evaluator logs them above the item's maximum, by the rule named", arguments: policies.map(\.0))
    func exposureWitnesses(_ name: String) throws {
        guard let text = Self.policies.first(where: { $0.0 == name })?.1, let analysis = Self.analysis(text) else { return }
        for check in ["AP601", "AP602", "AP603", "AP604"] {
            for exposure in analysis.exposures(for: check) {
                let decision = analysis.policy.decide(exposure.witness)
                #expect(decision.ruleIndex == exposure.ruleIndex)
                #expect(decision.level > (exposure.item.item.maximumLevel ?? .metadata))
                #expect(decision.emittedStages(for: exposure.witness).contains(.responseComplete))
            }
        }
    }

    @Test("the inline policies have the shadowed rules they were written to have")
    func inlineShadowing() throws {
        let first = try #require(Self.compiled(Self.inline[0].1))
        #expect(RuleReachability.shadowedRules(in: first).map(\.ruleIndex) == [1])
        let second = try #require(Self.compiled(Self.inline[1].1))
        #expect(RuleReachability.shadowedRules(in: second).map(\.ruleIndex) == [1])
    }
}
