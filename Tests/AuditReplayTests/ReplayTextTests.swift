import AuditPolicy
import Testing
@testable import AuditReplay

/// Issue 9, "renderers live in the libraries next to their reports": the text report of
/// `auditsim replay`, line by line, and escaped for a terminal.
@Suite("Replay text report")
struct ReplayTextTests {
    @Test("the replay text report prints the counts, the stage, level and rule tables of a small replay")
    func replayTextLines() throws {
        let policy = try testPolicy(ReplayReportTests.eksLike, name: "a.yaml")
        let replay = try TestReplay(TestLines(ReplayReportTests.lines), policies: [policy])
        let lines = ReplayText(report: replay.report, shown: 10).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Read 4 events from 1 input: 4 requests.")
        #expect(lines.contains("Policy a.yaml"))
        #expect(lines.contains("  Emitted 2 events, \(ReplayText.count(replay.policy.bytes)) bytes (\(ReplayText.bytes(replay.policy.bytes)))."))
        #expect(lines.contains("  stage             events  bytes"))
        #expect(lines.contains { $0.hasPrefix("  RequestReceived        0      0") })
        #expect(lines.contains { $0.hasPrefix("  rule     line  level            requests  events") })
        #expect(lines.contains { $0.hasPrefix("  default  -     None                    1") })
        #expect(lines.last == "")
    }

    @Test("the replay text report escapes control and bidirectional characters of input strings", arguments: ["\u{1B}[31m", "\u{202E}"])
    func replayTextEscapes(_ hostile: String) throws {
        let policy = try testPolicy(ReplayReportTests.eksLike, name: "a\(hostile).yaml")
        let replay = try TestReplay(TestLines(ReplayReportTests.lines), policies: [policy])
        let text = ReplayText(report: replay.report, shown: 10).text
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(text.contains("Policy a\(TerminalEscaping.escaped(hostile)).yaml"))
    }

    @Test("with emphasis, headers and level cells are marked while input strings stay escaped", arguments: ["\u{1B}[31m", "\u{202E}"])
    func replayTextEmphasisAfterEscaping(_ hostile: String) throws {
        let policy = try testPolicy(ReplayReportTests.eksLike, name: "a\(hostile).yaml")
        let replay = try TestReplay(TestLines(ReplayReportTests.lines), policies: [policy])
        let marks = TextEmphasis(severity: { $1 }, level: { "<\($0)>" }, header: { "[\($0)]" })
        let lines = ReplayText(report: replay.report, shown: 10, emphasis: marks).text.split(separator: "\n").map(String.init)
        #expect(lines.contains("[Policy a\(TerminalEscaping.escaped(hostile)).yaml]"))
        #expect(lines.contains { $0.hasPrefix("  [stage ") })
        #expect(lines.contains { $0.hasPrefix("  default  -     <None") })
        #expect(!lines.joined().unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
    }

    @Test("counts are grouped by thousands and sizes use binary units", arguments: [
        (0, "0", "0 B"), (999, "999", "999 B"), (1_234_567, "1,234,567", "1.2 MiB"), (1024, "1,024", "1.0 KiB"),
    ])
    func replayTextFigures(_ value: Int, _ count: String, _ size: String) {
        #expect(ReplayText.count(value) == count)
        #expect(ReplayText.bytes(value) == size)
    }
}
