import AuditLint
import AuditPolicy
import Foundation
import Testing

/// Issue 12, "Baseline": findings keyed by check, file and rule fingerprint, so moving lines
/// does not matter; only new findings count, and accepted findings that are gone are listed.
struct BaselineTests {
    static let policy = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    rules:
      - level: None
        verbs: ["GET"]
      - level: Metadata
        resources:
          - group: "extensionz"
    """

    func fingerprinted(_ text: String, name: String = "policy.yaml") throws -> FingerprintedResult {
        let source = PolicySource(name: name, text: text)
        let loaded = PolicyReader.read(source)
        return FingerprintedResult(try LintTestSupport.lint(text, name: name), rules: loaded.policy?.rules ?? [])
    }

    @Test("baseline: the same policy has no new findings and nothing gone")
    func sameFindingsAreAccepted() throws {
        let today = try fingerprinted(Self.policy)
        let comparison = BaselineComparison([today], baseline: Baseline([today]))
        #expect(comparison.results.allSatisfy { $0.findings.isEmpty })
        #expect(comparison.baselinedCount == today.result.findings.count)
        #expect(comparison.disappeared.isEmpty)
    }

    @Test("baseline: lines moved, indentation and comments changed: still the same findings", arguments: [
        "# a new header comment\n\n\n" + policy,
        policy.replacingOccurrences(of: "kind: Policy\n", with: "kind: Policy\nomitManagedFields: false\n"),
        policy.replacingOccurrences(of: "  - level: None", with: "  # why: reads are noisy\n  - level: None"),
    ])
    func fingerprintsSurviveLineShifts(_ moved: String) throws {
        let comparison = BaselineComparison([try fingerprinted(moved)], baseline: Baseline([try fingerprinted(Self.policy)]))
        #expect(comparison.results[0].findings.isEmpty, "new: \(comparison.results[0].findings.map(\.message))")
        #expect(comparison.disappeared.isEmpty)
    }

    @Test("baseline: a new finding is reported; a fixed one is listed as gone")
    func newAndDisappeared() throws {
        let old = try fingerprinted(Self.policy)
        let changed = Self.policy.replacingOccurrences(of: "\"GET\"", with: "\"get\"").replacingOccurrences(of: "level: Metadata", with: "level: Metadata\n    verbs: [\"gets\"]")
        let comparison = BaselineComparison([try fingerprinted(changed)], baseline: Baseline([old]))
        #expect(comparison.results[0].findings.map(\.code).contains("AP201"))
        #expect(comparison.results[0].findings.contains { $0.message.contains("gets") })
        #expect(comparison.disappeared.contains { $0.rule == "AP201" && $0.message.contains("GET") })
        #expect(comparison.summaryLines.first?.hasPrefix("baseline: ") == true)
    }

    @Test("baseline: the key holds the file: the same finding in another file is new, and other files' entries are not gone")
    func keyedByFile() throws {
        let baseline = Baseline([try fingerprinted(Self.policy, name: "a.yaml")])
        let comparison = BaselineComparison([try fingerprinted(Self.policy, name: "b.yaml")], baseline: baseline)
        #expect(comparison.results[0].findings.count == baseline.findings.count)
        #expect(comparison.disappeared.isEmpty)
    }

    @Test("baseline: each recorded occurrence accepts one finding; an extra occurrence is listed as gone")
    func occurrencesAreCounted() throws {
        let today = try fingerprinted(Self.policy)
        let first = try #require(today.entries.first)
        let doubled = BaselineComparison([today], baseline: Baseline(findings: today.entries + [first]))
        #expect(doubled.results[0].findings.isEmpty)
        #expect(doubled.disappeared == [first])
        let missing = BaselineComparison([today], baseline: Baseline(findings: Array(today.entries.dropFirst())))
        #expect(missing.results[0].findings.count == 1)
    }

    @Test("baseline: the file round-trips through JSON; bad files are clear errors", arguments: [
        ("not json", "not a baseline"),
        (#"{"version": 1}"#, "missing field \"findings\""),
        (#"{"version": 9, "findings": []}"#, "version 9 is not supported"),
    ])
    func fileFormat(_ text: String, _ message: String) throws {
        let baseline = Baseline([try fingerprinted(Self.policy)])
        let data = try JSONEncoder().encode(baseline)
        #expect(try Baseline.decode(Array(data), path: "b.json") == baseline)
        do {
            _ = try Baseline.decode(Array(text.utf8), path: "b.json")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.hasPrefix("b.json: ") && error.description.contains(message), "\(error)")
        }
    }
}
