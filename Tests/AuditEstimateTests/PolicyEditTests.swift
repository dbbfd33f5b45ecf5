import AuditPolicy
import Testing
@testable import AuditEstimate

/// Policy edits apply by the original rule numbers, and the YAML a suggestion shows is a rule
/// kube-apiserver reads back exactly.
@Suite("Policy edits")
struct PolicyEditTests {
    static func compile(_ yaml: String) throws -> CompiledPolicy {
        try PolicyReader.read(PolicySource(name: "p.yaml", text: yaml), options: PolicyReadOptions()).compile()
    }

    static let policy = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    rules:
    - level: Request
      resources:
      - group: ""
        resources: ["pods"]
    - level: RequestResponse
    """

    @Test("edits refer to the original numbering, insertions keep their order")
    func applying() throws {
        let policy = try Self.compile(Self.policy)
        let first = CompiledRule(level: .none, users: ["a"])
        let second = CompiledRule(level: .none, users: ["b"])
        let edited = policy.applying([
            .insert(before: 1, rule: first), .omitManagedFields(rule: 1), .insert(before: 1, rule: second),
            .omitStage(rule: 0, stage: .requestReceived), .insert(before: 0, rule: second),
        ])
        #expect(edited.rules.map(\.level) == [.none, .request, .none, .none, .requestResponse])
        #expect(edited.rules[2].users == ["a"])
        #expect(edited.rules[3].users == ["b"])
        #expect(edited.rules[1].omitStages == [.requestReceived])
        #expect(edited.rules[4].omitManagedFields == true)
        #expect(policy.rules[1].omitManagedFields == nil)
    }

    /// YAML 1.1 would read an unquoted `on` as a boolean and `*` as an alias: every value is quoted.
    @Test("a suggested rule reads back as the same rule", arguments: [
        CompiledRule(level: .metadata, users: ["system:kube-scheduler", "on"], verbs: ["get", "list", "watch"],
                     resources: [CompiledGroupResources(group: "", resources: ["pods/log"])], namespaces: ["kube-system", ""],
                     omitStages: [.requestReceived], omitManagedFields: true),
        CompiledRule(level: .none, userGroups: ["system:nodes"], verbs: ["get", "update"],
                     resources: [CompiledGroupResources(group: "coordination.k8s.io", resources: ["leases"])]),
        CompiledRule(level: .request, resources: [CompiledGroupResources(group: "*", resources: ["*"], resourceNames: ["a\"b"])]),
    ])
    func yamlRoundTrip(rule: CompiledRule) throws {
        let text = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n" + RuleYAML.lines(rule).joined(separator: "\n") + "\n"
        var read = try Self.compile(text).rules[0]
        read.location = nil
        #expect(read == rule)
    }

    /// Combined suggestions: the narrower rule inserted before rule 1 also omits RequestReceived
    /// and managedFields when rule 1 does; a None rule gets the stage but no managedFields
    /// (it logs no body). Changes to rules are listed before insertions.
    @Test("combined edits carry each rule's changes to the narrower rules inserted before it")
    func harmonized() throws {
        let narrower = CompiledRule(level: .request, verbs: ["update"], resources: [CompiledGroupResources(group: "", resources: ["pods"])])
        let none = CompiledRule(level: .none, users: ["a"])
        let edits: [PolicyEdit] = [
            .insert(before: 1, rule: narrower), .omitManagedFields(rule: 1), .insert(before: 1, rule: none),
            .omitStage(rule: 1, stage: .requestReceived),
        ]
        var expectedNarrower = narrower
        expectedNarrower.omitStages = [.requestReceived]
        expectedNarrower.omitManagedFields = true
        var expectedNone = none
        expectedNone.omitStages = [.requestReceived]
        #expect(edits.harmonized() == [
            .omitManagedFields(rule: 1), .omitStage(rule: 1, stage: .requestReceived),
            .insert(before: 1, rule: expectedNarrower), .insert(before: 1, rule: expectedNone),
        ])
    }

    @Test("edits read as instructions on the policy file, with the rules' lines")
    func text() throws {
        let policy = try Self.compile(Self.policy)
        let lines = PolicyEditText.lines([.omitStage(rule: 1, stage: .requestReceived), .insert(before: 0, rule: CompiledRule(level: .none, users: ["a"]))], in: policy)
        #expect(lines == [
            "In rule #1 (line 8), add RequestReceived to omitStages:", "  omitStages: [\"RequestReceived\"]",
            "At the top of rules, insert:", "  - level: None", "    users: [\"a\"]",
        ])
    }
}
