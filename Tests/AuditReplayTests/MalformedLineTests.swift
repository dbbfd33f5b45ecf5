import AuditPolicy
import Foundation
import Testing
@testable import AuditReplay

/// Lines that are not audit events are counted and reported with their line, and the run goes on.
@Suite("Malformed lines")
struct MalformedLineTests {
    static let valid = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"ok","stage":"ResponseComplete","requestURI":"/version","verb":"get","user":{"username":"u"},"requestReceivedTimestamp":"2024-05-01T12:00:00.000000Z","stageTimestamp":"2024-05-01T12:00:00.000000Z"}"#

    /// Each case: a line, and the start of the reason reported for it.
    static let cases: [(String, String)] = [
        ("hello", "invalid JSON at byte 1: invalid character looking for the beginning of a value"),
        ("not json", "invalid JSON at byte 2: invalid literal"),  // `n` starts `null`
        ("{\"kind\": 0}", "not an audit event: kind is a number, not a string"),
        ("[]", "not an audit event: the line is an array, not a JSON object"),
        ("42", "not an audit event: the line is a number, not a JSON object"),
        (#"{"kind":"Pod","apiVersion":"v1"}"#, #"not an audit event: kind is "Pod", not "Event""#),
        (#"{"auditID":"x","stage":"ResponseComplete"}"#, "not an audit event: verb is missing"),
        (#"{"verb":"get"}"#, "not an audit event: auditID is missing"),
        (#"{"auditID":"x","verb":"get","user":"bob"}"#, "not an audit event: user is a string, not an object"),
        (#"{"auditID":"x","verb":"get","responseStatus":{"code":"200"}}"#, "not an audit event: responseStatus.code is a string, not an integer"),
        (#"{"auditID":"x","verb":"get","responseStatus":{"code":2.5}}"#, "not an audit event: responseStatus.code is not a 32-bit integer"),
        (#"{"auditID":"x","verb":"get","stageTimestamp":"yesterday"}"#, "not an audit event: stageTimestamp is not an RFC 3339 time"),
        (#"{"auditID":"x","verb":"get"} trailing"#, "invalid JSON at byte 30: extra data after the event object"),
        (#"{"auditID":"x","verb":"get",}"#, "invalid JSON at byte 29: expected a string key"),
        (#"{"auditID":"x","verb":"get","requestObject":{"a":[1,2,}}"#, "invalid JSON"),
        ("{\"auditID\":\"x\",\"verb\":\"g\u{1}\"}", "invalid JSON at byte 25: control character in string"),
        (#"{"auditID":"x","verb":"get","requestObject":{"n":01}}"#, "invalid JSON"),
        (#"{"auditID":"x","verb":"get","requestObject":"\x"}"#, "invalid JSON"),
        (#"{"auditID":"x","verb":"get""#, "invalid JSON"),
    ]

    @Test("a malformed line is reported with its file, line and reason", arguments: cases)
    func reported(line: String, reason: String) throws {
        let replay = try TestReplay(TestLines([Self.valid, line, Self.valid.replacingAuditID()]), policies: [try everything(at: .metadata)])
        #expect(replay.report.malformed.count == 1)
        let shown = try #require(replay.report.malformed.shown.first)
        #expect(shown.file == "test.jsonl")
        #expect(shown.line == 2)
        #expect(shown.reason.hasPrefix(reason), "\(shown.reason)")
        // The run goes on: both valid lines are replayed.
        #expect(replay.report.requests == 2)
        #expect(replay.report.rawEvents == 2)
    }

    @Test("every malformed line is counted, the first few are shown")
    func countedAndShown() throws {
        let lines = (0..<25).map { "garbage \($0)" } + [Self.valid]
        var options = ReplayOptions(scanThreads: 0)
        options.malformedShown = 10
        let replay = try TestReplay(TestLines(lines), policies: [try everything(at: .metadata)], options: options)
        #expect(replay.report.malformed.count == 25)
        #expect(replay.report.malformed.shown.map(\.line) == Array(1...10))
    }
}

private extension String {
    func replacingAuditID() -> String {
        var copy = self
        if let range = copy.range(of: #""auditID":"ok""#) { copy.replaceSubrange(range, with: #""auditID":"ok2""#) }
        return copy
    }
}
