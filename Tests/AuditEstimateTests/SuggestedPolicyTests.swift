import AuditAnalysis
import AuditPolicy
import AuditReplay
import Testing
@testable import AuditEstimate

/// Issue 12, "Apply the savings": `estimate --write-policy` writes the policy with the suggested
/// changes in it, as edits of its text, each commented with its measured saving; the written
/// policy decides as the suggestions say and loses nothing for the security checklist.
struct SuggestedPolicyTests {
    /// The policies of the suggestion tests, with their texts.
    static let sources = [BuiltInPolicy.eks.source, PolicySource(name: "verbose.yaml", text: TestPolicies.catchAllText)]

    @Test("apply the savings: the written policy keeps every original line, comments each change with its saving, and decides as the suggestions say",
          arguments: [0, 1])
    func writesSuggestions(_ index: Int) throws {
        let report = try SuggestionTests.report.get()
        let policy = try SuggestionTests.policies()[index].policy
        let source = Self.sources[index]
        let written = try SuggestedPolicy(source: source, policy: policy, report: report)
        let suggestions = report.suggestions.policies[index]
        #expect(written.applied.map(\.id) == (suggestions.combined == nil ? [suggestions.offered[0].id] : suggestions.offered.map(\.id)))
        #expect(!written.applied.isEmpty)
        let text = String(decoding: written.text.bytes, as: UTF8.self)
        for suggestion in written.applied {
            #expect(text.contains("# auditsim estimate: \(suggestion.title)\n"))
            // The saving as the estimate prints it, after the GB a month.
            #expect(text.contains(" GB a month, " + SuggestionSavingText.text(suggestion, in: report) + "\n"))
        }
        // These edits only add lines: every original line is still there, in order.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var next = lines.startIndex
        for line in String(decoding: source.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            guard let found = lines[next...].firstIndex(of: line) else {
                Issue.record("line lost: \(line)")
                continue
            }
            next = found + 1
        }
        let compiled = try PolicyReader.read(written.text).compile(acceptPreV1: true)
        let expected = policy.applying(written.applied.flatMap(\.edits).harmonized())
        #expect(PolicyDiff(old: expected, new: compiled).isEmpty)
        #expect(!PolicyDiff(old: policy, new: compiled).regressions().contains { $0.gates(strict: false) })
    }

    @Test("apply the savings: a policy whose rules are in flow style gets no guessed edit")
    func flowStyleIsRefused() throws {
        let report = try SuggestionTests.report.get()
        let policy = try SuggestionTests.policies()[1].policy
        let flow = PolicySource(name: "verbose.yaml", text: "{apiVersion: audit.k8s.io/v1, kind: Policy, rules: [{level: RequestResponse}]}\n")
        #expect(throws: SuggestedPolicyError.self) { try SuggestedPolicy(source: flow, policy: policy, report: report) }
    }

    @Test("apply the savings: when the offered changes together open a gap, only the largest is written")
    func combinationRefused() throws {
        var suggestions = try SuggestionTests.report.get().suggestions.policies[1]
        suggestions.combined = nil
        #expect(SuggestedPolicy.written(suggestions).map(\.id) == [suggestions.offered[0].id])
        suggestions.offered = []
        #expect(SuggestedPolicy.written(suggestions).isEmpty)
    }

    @Test("apply the savings: without suggestions in the report there is nothing to write")
    func noSuggestions() throws {
        var report = try SuggestionTests.report.get()
        report.suggestions = SuggestionReport(policies: [], unavailableReason: "--no-suggestions")
        #expect(throws: SuggestedPolicyError.self) {
            try SuggestedPolicy(source: Self.sources[1], policy: try SuggestionTests.policies()[1].policy, report: report)
        }
    }
}
