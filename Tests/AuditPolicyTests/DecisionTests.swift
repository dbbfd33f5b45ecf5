import Testing
@testable import AuditPolicy

/// The decision (`checker.go`, `EvaluatePolicyRule`, `unionStages`, `isOmitManagedFields`)
/// and the stages emitted (`filters/audit.go`, `WithAudit`).
struct DecisionTests {
    static let request = RequestAttributes(user: UserInfo(name: "u"), verb: "get", namespace: "default", apiGroup: "",
                                           apiVersion: "v1", resource: "pods", name: "p", path: "/api/v1/namespaces/default/pods/p",
                                           isResourceRequest: true)

    @Test("first matching rule wins")
    func firstMatchWins() {
        let policy = CompiledPolicy(rules: [
            CompiledRule(level: .none, verbs: ["list"]),
            CompiledRule(level: .request, resources: [CompiledGroupResources(group: "")]),
            CompiledRule(level: .metadata),
        ], omitStages: [], omitManagedFields: false, kubernetesVersion: .latest)
        let decision = policy.decide(Self.request)
        #expect(decision.level == .request)
        #expect(decision.ruleIndex == 1)
    }

    @Test("no match: level None with the policy's own omitStages and omitManagedFields")
    func defaultDecision() {
        let policy = CompiledPolicy(rules: [CompiledRule(level: .metadata, verbs: ["watch"])],
                                    omitStages: [.requestReceived], omitManagedFields: true, kubernetesVersion: .latest)
        #expect(policy.decide(Self.request) == Decision(level: .none, omitStages: [.requestReceived], omitManagedFields: true, ruleIndex: nil))
    }

    struct StagesCase: Sendable {
        var policyStages: StageSet
        var ruleStages: StageSet
        var expected: StageSet
    }

    @Test("omitStages are the union of the policy's and the rule's", arguments: [
        StagesCase(policyStages: [], ruleStages: [], expected: []),
        StagesCase(policyStages: [.requestReceived], ruleStages: [], expected: [.requestReceived]),
        StagesCase(policyStages: [], ruleStages: [.panic], expected: [.panic]),
        StagesCase(policyStages: [.requestReceived], ruleStages: [.requestReceived, .responseStarted], expected: [.requestReceived, .responseStarted]),
    ])
    func stageUnion(_ testCase: StagesCase) {
        let policy = CompiledPolicy(rules: [CompiledRule(level: .metadata, omitStages: testCase.ruleStages)],
                                    omitStages: testCase.policyStages, omitManagedFields: false, kubernetesVersion: .latest)
        #expect(policy.decide(Self.request).omitStages == testCase.expected)
    }

    @Test("omitManagedFields: the rule's value when set, else the policy's", arguments: [
        (Bool?.none, false, false), (Bool?.none, true, true), (Bool?.some(false), true, false), (Bool?.some(true), false, true),
    ])
    func managedFields(rule: Bool?, policy: Bool, expected: Bool) {
        let compiled = CompiledPolicy(rules: [CompiledRule(level: .request, omitManagedFields: rule)],
                                      omitStages: [], omitManagedFields: policy, kubernetesVersion: .latest)
        #expect(compiled.decide(Self.request).omitManagedFields == expected)
    }

    struct EmissionCase: Sendable, CustomTestStringConvertible {
        var pins: String
        var level: Level
        var omit: StageSet
        var longRunning: Bool
        var outcome: RequestOutcome
        var expected: [Stage]
        var testDescription: String { pins }
    }

    @Test(arguments: [
        EmissionCase(pins: "level None emits nothing", level: .none, omit: [], longRunning: true, outcome: .completed, expected: []),
        EmissionCase(pins: "a short request: RequestReceived then ResponseComplete", level: .metadata, omit: [], longRunning: false, outcome: .completed, expected: [.requestReceived, .responseComplete]),
        EmissionCase(pins: "a long-running request adds ResponseStarted", level: .request, omit: [], longRunning: true, outcome: .completed, expected: [.requestReceived, .responseStarted, .responseComplete]),
        EmissionCase(pins: "omitted stages are dropped", level: .metadata, omit: [.requestReceived], longRunning: true, outcome: .completed, expected: [.responseStarted, .responseComplete]),
        EmissionCase(pins: "omitting ResponseComplete leaves RequestReceived", level: .metadata, omit: [.responseComplete], longRunning: false, outcome: .completed, expected: [.requestReceived]),
        EmissionCase(pins: "a panic replaces ResponseComplete", level: .metadata, omit: [], longRunning: false, outcome: .panicked, expected: [.requestReceived, .panic]),
        EmissionCase(pins: "Panic can be omitted", level: .metadata, omit: [.panic], longRunning: false, outcome: .panicked, expected: [.requestReceived]),
        EmissionCase(pins: "omitting everything emits nothing", level: .requestResponse, omit: [.requestReceived, .responseStarted, .responseComplete, .panic], longRunning: true, outcome: .completed, expected: []),
    ])
    func emission(_ testCase: EmissionCase) {
        let decision = Decision(level: testCase.level, omitStages: testCase.omit, omitManagedFields: false, ruleIndex: 0)
        #expect(decision.emittedStages(isLongRunning: testCase.longRunning, outcome: testCase.outcome) == testCase.expected)
    }
}
