import AuditPolicy
import Testing
@testable import AuditAnalysis

/// Shadowed and redundant rules in small policies whose answer is known by reading them.
struct ReachabilityTableTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var pins: String
        var rules: [CompiledRule]
        var shadowed: [Int]
        /// For each shadowed rule, the earlier rules that take its requests.
        var covering: [[Int]] = []
        var redundant: [Int]
        var testDescription: String { pins }
    }

    static func pods(_ level: Level, verbs: [String] = []) -> CompiledRule {
        CompiledRule(level: level, verbs: verbs, resources: [CompiledGroupResources(group: "", resources: ["pods"])])
    }

    static let cases: [Case] = [
        Case(pins: "a rule after a catch-all is shadowed by it", rules: [CompiledRule(level: .metadata), pods(.none)], shadowed: [1], covering: [[0]], redundant: []),
        Case(pins: "a rule covered by two earlier rules together is shadowed by both",
             rules: [pods(.none, verbs: ["get"]), pods(.none, verbs: ["list"]), pods(.request, verbs: ["get", "list"])], shadowed: [2], covering: [[0, 1]], redundant: []),
        Case(pins: "groups: any one of two groups, each taken by an earlier rule",
             rules: [CompiledRule(level: .none, userGroups: ["a"]), CompiledRule(level: .none, userGroups: ["b"]), CompiledRule(level: .request, userGroups: ["a", "b"])],
             shadowed: [2], covering: [[0, 1]], redundant: []),
        Case(pins: "users and groups: a user-only rule covers the user-and-group rule",
             rules: [CompiledRule(level: .none, users: ["alice"]), CompiledRule(level: .request, users: ["alice"], userGroups: ["g"])], shadowed: [1], covering: [[0]], redundant: []),
        Case(pins: "a rule decided the same as the rule after it is redundant", rules: [pods(.metadata), CompiledRule(level: .metadata)], shadowed: [], redundant: [0]),
        Case(pins: "a final level None rule is redundant: unmatched requests are not logged anyway", rules: [pods(.request), CompiledRule(level: .none)], shadowed: [], redundant: [1]),
        Case(pins: "a rule with a different level is not redundant", rules: [pods(.request), CompiledRule(level: .metadata)], shadowed: [], redundant: []),
        Case(pins: "omitted stages count when something is logged",
             rules: [CompiledRule(level: .metadata, resources: [CompiledGroupResources(group: "", resources: ["pods"])], omitStages: [.requestReceived]), CompiledRule(level: .metadata)],
             shadowed: [], redundant: []),
        Case(pins: "managedFields do not count at Metadata (no bodies)",
             rules: [CompiledRule(level: .metadata, resources: [CompiledGroupResources(group: "", resources: ["pods"])], omitManagedFields: true), CompiledRule(level: .metadata)],
             shadowed: [], redundant: [0]),
        Case(pins: "a non-resource rule is not shadowed by a resource catch-all (which is itself redundant: None is the default)",
             rules: [CompiledRule(level: .none, resources: [CompiledGroupResources(group: "*")]), CompiledRule(level: .metadata, nonResourceURLs: ["/healthz"])],
             shadowed: [], redundant: [0]),
    ]

    @Test("shadowed and redundant rules", arguments: cases)
    func reachability(_ testCase: Case) {
        let policy = CompiledPolicy(rules: testCase.rules, omitStages: [], omitManagedFields: false, kubernetesVersion: .latest)
        let shadowed = RuleReachability.shadowedRules(in: policy)
        #expect(shadowed.map(\.ruleIndex) == testCase.shadowed)
        #expect(shadowed.map { $0.coveringRules.map(\.ruleIndex) } == testCase.covering)
        #expect(RuleReachability.redundantRules(in: policy).map(\.ruleIndex) == testCase.redundant)
    }
}
