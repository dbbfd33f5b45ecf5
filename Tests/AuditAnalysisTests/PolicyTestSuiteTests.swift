import AuditPolicy
import Testing
@testable import AuditAnalysis

/// Parsing and running policy tests files.
struct PolicyTestSuiteTests {
    static let policyText = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    rules:
      # name: health
      - level: None
        nonResourceURLs: ["/healthz*"]
      - level: Request # name: pods
        resources:
          - group: ""
            resources: ["pods"]
      - level: Metadata
    """

    static func run(_ tests: String) throws -> [PolicyTestRunner.Result] {
        let loaded = PolicyReader.read(PolicySource(name: "p.yaml", text: policyText))
        let policy = try loaded.compile()
        let suite = try PolicyTestSuite.parse(Array(tests.utf8), fileName: "t.yaml")
        let names = RuleNames(policy: try #require(loaded.policy), source: loaded.source)
        return PolicyTestRunner(policy: policy, ruleNames: names).run(suite)
    }

    /// Issue 15: a tests file with several YAML documents no longer drops the later ones silently.
    @Test func testsFileWithSeveralDocumentsWarnsAboutTheIgnoredOnes() throws {
        let text = "tests:\n  - name: a\n    request: {verb: get, resource: pods}\n    expect: {level: Request}\n---\ntests:\n  - name: b\n    request: {verb: get, resource: pods}\n    expect: {level: None}\n"
        let suite = try PolicyTestSuite.parse(Array(text.utf8), fileName: "t.yaml")
        #expect(suite.cases.map(\.name) == ["a"])
        #expect(suite.warnings.count == 1)
        #expect(suite.warnings.first?.location == SourceLocation(line: 5, column: 1))
        let single = try PolicyTestSuite.parse(Array("tests:\n  - name: a\n    request: {verb: get, resource: pods}\n    expect: {level: Request}\n".utf8), fileName: "t.yaml")
        #expect(single.warnings.isEmpty)
    }

    @Test("rule names come from a comment above the rule or on its first line")
    func ruleNames() throws {
        let loaded = PolicyReader.read(PolicySource(name: "p.yaml", text: Self.policyText))
        let names = RuleNames(policy: try #require(loaded.policy), source: loaded.source)
        #expect(names.indices["health"] == [0])
        #expect(names.indices["pods"] == [1])
        #expect(names.name(of: 2) == nil)
    }

    @Test("passing and failing expectations")
    func expectations() throws {
        let results = try Self.run("""
        tests:
          - name: health
            request: GET /healthz
            noUser: true
            expect: {level: None, ruleName: health, stages: []}
          - name: pods by index
            request: {verb: create, resource: pods, user: alice}
            expect: {level: Request, rule: 1, stages: [RequestReceived, ResponseComplete]}
          - name: wrong level
            request: {verb: get, resource: configmaps, name: x}
            expect: {level: Request, minLevel: Request, rule: none}
          - name: failed authentication writes only ResponseStarted
            request: GET /metrics
            noUser: true
            expect: {stages: [ResponseStarted], maxLevel: Metadata}
        """)
        #expect(results.map(\.passed) == [true, true, false, true])
        #expect(results[2].failures.count == 3)
        #expect(results[2].failures[0] == "expected level Request, got Metadata")
    }

    struct BadFile: CustomTestStringConvertible, Sendable {
        var problem: String
        var text: String
        var line: Int
        var testDescription: String { problem }
    }

    static let badFiles: [BadFile] = [
        BadFile(problem: "unknown key in expect", text: "tests:\n  - name: a\n    request: GET /x\n    expect: {levle: None}\n", line: 4),
        BadFile(problem: "unknown level", text: "tests:\n  - name: a\n    request: GET /x\n    expect: {level: metadata}\n", line: 4),
        BadFile(problem: "create with a name", text: "tests:\n  - name: a\n    request: {verb: create, resource: configmaps, name: x}\n    expect: {level: None}\n", line: 3),
        BadFile(problem: "user twice", text: "tests:\n  - name: a\n    user: bob\n    request: {verb: get, resource: pods, user: alice}\n    expect: {level: None}\n", line: 4),
        BadFile(problem: "no expectation", text: "tests:\n  - name: a\n    request: GET /x\n    expect: {}\n", line: 4),
    ]

    @Test("mistakes in a tests file are errors with their line", arguments: badFiles)
    func badFile(_ file: BadFile) {
        do {
            _ = try PolicyTestSuite.parse(Array(file.text.utf8), fileName: "t.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.location?.line == file.line, "\(error)")
        }
    }
}
