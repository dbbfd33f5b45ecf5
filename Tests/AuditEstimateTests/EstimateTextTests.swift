import AuditPolicy
import AuditReplay
import Testing
@testable import AuditEstimate

/// Issue 9, "Renderers live in the libraries next to their reports", and issue 15, "Terminal
/// safety": the estimate's text report, rendered by the library, with input strings escaped.
@Suite("Estimate text report")
struct EstimateTextTests {
    /// The sample: 500 events read from audit.jsonl, 300 requests, over one hour (× 24 to a day);
    /// eks.yaml writes 200 events and 2,000,000 bytes, tuned.yaml half.
    @Test("renderers live in the libraries next to their reports: the text report says what the sample holds")
    func sampleReport() {
        let lines = EstimateText.render(SampleReports.twoPolicies()).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Read 500 events from audit.jsonl: 300 requests.")
        #expect(lines[1] == "  2 malformed lines skipped (auditsim replay lists them)")
        #expect(lines.contains("Time span: 1h from the events' timestamps: first stageTimestamp 2023-11-14T22:13:20Z, last 2023-11-14T23:13:20Z."))
        #expect(lines.contains("Scaled ×24.00 to a day and ×730.50 to a month (30.4375 days: 365.25 / 12)."))
        #expect(lines.contains("Policy 1: eks.yaml"))
        #expect(lines.contains("Policy 2: tuned.yaml"))
        let cells = lines.map { $0.split(separator: " ").map(String.init) }
        // 200 events over an hour: 4,800 a day, 146,100 a month (× 730.5).
        #expect(cells.contains(["events", "200", "4,800", "146,100"]))
        #expect(cells.contains(["total,", "Standard", "$0.70"]))
        #expect(cells.contains(["configmaps", "60", "30.0%", "1.34", "MiB", "70.0%", "32.0", "MiB"]))
        #expect(cells.contains(["#0", "(line", "8)", "RequestResponse", "80", "40.0%", "1.72", "MiB", "90.0%", "41.2", "MiB"]))
        #expect(lines.contains("  1. Set omitManagedFields in rule #0 (line 8)"))
        #expect(lines.last == "")
    }

    static let escape = "\u{1B}]0;owned\u{07}"

    @Test("terminal safety: strings from inputs reach the estimate's text escaped")
    func inputStringsAreEscaped() {
        var report = SampleReports.twoPolicies()
        report.volume.inputs = ["rec\(Self.escape).jsonl"]
        report.policies[0].policy = "evil\u{202E}lmay.yaml"
        report.policies[0].breakdowns[1].byBytes[0].key = "pods\(Self.escape)"
        report.suggestions.policies[0].offered[0].change.append("  - \u{9B}2J")
        let text = EstimateText.render(report)
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{9B}" || $0 == "\u{07}" })
        #expect(text.contains("Read 500 events from rec\\x1b]0;owned\\a.jsonl"))
        #expect(text.contains("Policy 1: evil\\u202elmay.yaml"))
        #expect(text.contains("pods\\x1b]0;owned\\a"))
        #expect(text.contains("- \\u009b2J"))
    }
}
