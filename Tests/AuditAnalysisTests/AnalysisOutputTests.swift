import AuditPolicy
import Testing
@testable import AuditAnalysis

/// Issue 9, "renderers live in the libraries next to their reports": the text reports of `diff`,
/// `coverage` and `test`, line by line, escaped for a terminal; and issue 15, "a 5 MB user
/// name": the reports stay small whatever the length of a name in the policy.
@Suite("Analysis reports")
struct AnalysisOutputTests {
    static let old = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n"

    /// Drops requests of one user; the name comes from input and may be hostile or huge.
    static func dropping(_ user: String) -> String {
        "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: None\n  users: [\(yamlQuoted(user))]\n- level: Metadata\n"
    }

    /// A double-quoted YAML scalar; control characters as `\u` escapes (YAML refuses them raw).
    static func yamlQuoted(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return "\"\(text)\"" }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                let hex = String(scalar.value, radix: 16)
                quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    static func policy(_ yaml: String, name: String) throws -> AnalysisPolicy {
        let loaded = PolicyReader.read(PolicySource(name: name, text: yaml))
        return AnalysisPolicy(loaded: loaded, compiled: try loaded.compile())
    }

    static func diff(newUser: String) throws -> DiffRendering {
        let old = try policy(Self.old, name: "old.yaml"), new = try policy(dropping(newUser), name: "new.yaml")
        let diff = PolicyDiff(old: old.compiled, new: new.compiled)
        return DiffRendering(diff: diff, regressions: diff.regressions(), old: old, new: new, corpus: nil)
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test("the diff text report lists each changed class with its level, stages, rules and example")
    func diffTextLines() throws {
        let rendering = try Self.diff(newUser: "bob")
        let lines = Self.lines(rendering.text)
        #expect(Array(lines.prefix(8)) == [
            "old.yaml → new.yaml (kube-apiserver \(KubernetesVersion.latest))",
            "5 classes of requests logged differently:",
            "",
            "1. user bob, verbs proxy or watch, any resource or non-resource request",
            "   level          Metadata → None",
            "   stages         loses RequestReceived, ResponseStarted, ResponseComplete, Panic",
            "   decided by     old rule #0 (line 4) → new rule #0 (line 4)",
            "   example        watch pods -n default as bob (groups: system:authenticated)",
        ])
        #expect(lines.contains { $0.hasPrefix("security checklist regressions (") })
        #expect(Self.lines(rendering.markdown).prefix(4) == [
            "### Audit policy diff: `old.yaml` → `new.yaml`", "", "| Requests | Level | Stages | Decided by (old → new) | Example |", "|---|---|---|---|---|",
        ])
        let json = rendering.json
        #expect(json.changes.first?.old.level == .metadata && json.changes.first?.new.level == Level.none)
        #expect(json.changes.first?.stagesLost == [.requestReceived, .responseStarted, .responseComplete, .panic])
    }

    @Test("the coverage text report prints the map, the checklist and the queries sections")
    func coverageTextLines() throws {
        let policy = try Self.policy(Self.dropping("bob"), name: "p.yaml")
        let rendering = CoverageRendering(report: CoverageReport(policy: policy.compiled), policy: policy, sections: CoverageSection.allCases)
        let lines = Self.lines(rendering.text)
        #expect(Array(lines.prefix(4)) == [
            "MAP of p.yaml (kube-apiserver \(KubernetesVersion.latest)): 3 exact classes of requests (--format json lists them); by rule:",
            "  rule #0 (line 4)       None",
            "      selects  user bob, any resource or non-resource request",
            "      e.g.     get pods web-0 -n default as bob (groups: system:authenticated)",
        ])
        #expect(lines.contains("SECURITY CHECKLIST: 2 ok, 31 falling short"))
        #expect(lines.contains("          gap: user bob, verb create, core pods: not logged (level None); rule #0 (line 4), None"))
        #expect(lines.contains { $0.hasPrefix("LOGS INSIGHTS QUERIES: ") })
        #expect(rendering.json.map?.first?.decision.level == Level.none)
    }

    @Test("the test text report prints PASS and FAIL lines with the failure, the deciding rule and the request")
    func policyTestTextLines() throws {
        let policy = try Self.policy(Self.dropping("alice"), name: "p.yaml")
        let suite = try PolicyTestSuite.parse(Array("""
        tests:
        - name: alice reads secrets
          request: {user: alice, verb: get, resource: secrets, namespace: default}
          expect: {level: Metadata}
        - name: bob
          request: {user: bob, verb: get, resource: secrets, namespace: default}
          expect: {level: Metadata}
        """.utf8), fileName: "t.yaml")
        let names = RuleNames(policy: try #require(policy.loaded.policy), source: policy.loaded.source)
        let results = PolicyTestRunner(policy: policy.compiled, ruleNames: names).run(suite)
        let rendering = PolicyTestRendering(results: results, suite: suite, policy: policy)
        #expect(Self.lines(rendering.text) == [
            "FAIL  alice reads secrets  (t.yaml:2)",
            "      expected level Metadata, got None",
            "      decided by rule #0 (line 4): None; stages none",
            "      request: list secrets -n default as alice (groups: system:authenticated)",
            "PASS  bob",
            "",
            "1 passed, 1 failed (p.yaml, kube-apiserver \(KubernetesVersion.latest))",
            "",
        ])
        #expect(rendering.json.cases.map(\.level) == [Level.none, .metadata])
        #expect(rendering.junit.contains("<failure message=\"expected level Metadata, got None\" type=\"PolicyTestFailure\">"))
    }

    @Test("diff, coverage and test text reports escape control and bidirectional characters of input strings",
          arguments: ["\u{1B}[2J", "\u{202E}", "\u{9B}31m"])
    func analysisTextEscapes(_ hostile: String) throws {
        let user = "al\(hostile)ice"
        let diff = try Self.diff(newUser: user)
        let policy = try Self.policy(Self.dropping(user), name: "p\(hostile).yaml")
        let coverage = CoverageRendering(report: CoverageReport(policy: policy.compiled), policy: policy, sections: CoverageSection.allCases)
        let suite = try PolicyTestSuite.parse(Array("tests:\n- name: \(Self.yamlQuoted("t" + hostile))\n  request: {user: \(Self.yamlQuoted(user)), verb: get, resource: pods}\n  expect: {level: Metadata}\n".utf8), fileName: "t.yaml")
        let results = PolicyTestRunner(policy: policy.compiled, ruleNames: RuleNames(policy: try #require(policy.loaded.policy), source: policy.loaded.source)).run(suite)
        let tests = PolicyTestRendering(results: results, suite: suite, policy: policy)
        for text in [diff.text, diff.markdown, coverage.text, coverage.markdown, tests.text] {
            #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{9B}" })
            #expect(text.contains("al\(TerminalEscaping.escaped(hostile))ice"))
        }
    }

    @Test("issue 15: a 1 MB user name keeps the diff and coverage text reports small, and the JSON holds it whole")
    func megabyteUserName() throws {
        let name = String(repeating: "u", count: 1_000_000)
        let diff = try Self.diff(newUser: name)
        let text = diff.text
        #expect(text.utf8.count < 50_000)
        #expect(diff.markdown.utf8.count < 50_000)
        #expect(text.contains(String(repeating: "u", count: DisplayClipping.maxCharacters) + "… (1000000 bytes)"))
        let policy = try Self.policy(Self.dropping(name), name: "p.yaml")
        let coverage = CoverageRendering(report: CoverageReport(policy: policy.compiled), policy: policy, sections: CoverageSection.allCases)
        #expect(coverage.text.utf8.count < 100_000)
        #expect(diff.json.changes.first?.requests.users == .only([name]))
    }
}
