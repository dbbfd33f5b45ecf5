import AuditLint
import AuditPolicy
import Foundation
import Testing

/// Issue 12, "Concise output": one line per finding, and notes capped in every format.
struct ConciseAndCappedOutputTests {
    @Test("concise: FILE:LINE:COL: severity[ID] headline, one line per finding, escaped")
    func conciseLines() throws {
        let result = try LintTestSupport.lint("apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: None\n    verbs: [\"GET\"]\n  - level: Metadata\n", name: "p\u{1b}.yaml")
        var output = ""
        LintConciseReport.write([result]) { output += $0 }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == result.findings.count)
        #expect(lines.contains("p\\x1b.yaml:5:13: error[AP201] verb \"GET\" is not lower case; verbs are compared exactly, so rules[0] (line 4) never matches it"))
        #expect(lines.allSatisfy { $0.hasPrefix("p\\x1b.yaml:") })
    }

    @Test("concise: a finding without a position is FILE: severity[ID] headline")
    func conciseWithoutPosition() {
        let finding = Diagnostic(.warning, code: "AP403", "no catch-all")
        #expect(LintConciseReport.line(for: finding, in: PolicySource(name: "p.yaml", text: "")) == "p.yaml: warning[AP403] no catch-all")
    }

    @Test("capping: the first N notes, then how many more", arguments: [(3, 5, 3), (5, 5, 5), (7, 5, 6), (2, 0, 1)])
    func capping(_ notes: Int, _ limit: Int, _ expected: Int) {
        let finding = Diagnostic(.warning, code: "AP701", "m", notes: (1...notes).map { "w\($0)" })
        let capped = NoteLimit.capping(finding, at: limit)
        #expect(capped.notes.count == expected)
        if notes > limit { #expect(capped.notes.last == "and \(notes - limit) more (--verbose)") }
    }

    @Test("capping: no GitHub annotation or SARIF message of a real policy runs to 20,000 characters", arguments: GoldenOutputTests.policies)
    func realPoliciesStayShort(_ name: String) throws {
        let url = LintTestSupport.fixtures.appendingPathComponent(name)
        let result = Linter().lint(PolicySource(name: name, bytes: Array(try Data(contentsOf: url)))).cappingNotes(at: NoteLimit.standard)
        let annotations = GitHubAnnotations.lines(for: result, artifact: .relative(name))
        #expect((annotations.map(\.count).max() ?? 0) < 8_000)
        let sarif = try JSONEncoder().encode(SARIFReport(results: [(result, .relative(name))], rules: LintRules.all.map(\.description), toolVersion: "0"))
        let log = try #require(try JSONSerialization.jsonObject(with: sarif) as? [String: Any])
        let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let longest = results.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }.map(\.count).max() ?? 0
        #expect(longest < 8_000)
    }

    @Test("capping: uncapped, the longest real annotation is the one the issue names (nearly 20,000 characters)")
    func uncappedIsLong() throws {
        let name = "zalando-kubernetes-on-aws-audit-policy.yaml"
        let url = LintTestSupport.fixtures.appendingPathComponent(name)
        let result = Linter().lint(PolicySource(name: name, bytes: Array(try Data(contentsOf: url))))
        let longest = GitHubAnnotations.lines(for: result, artifact: .relative(name)).map(\.count).max() ?? 0
        #expect(longest > 15_000)
    }
}
