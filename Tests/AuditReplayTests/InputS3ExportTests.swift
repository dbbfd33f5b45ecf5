import AuditCorpus
import Testing
@testable import AuditReplay

/// CloudWatch Logs exports to S3 (CreateExportTask): gzip objects whose lines are the
/// event's timestamp, one space, and the message.
struct InputS3ExportTests {
    typealias Pair = InputTestFixtures.Pair

    static let export = """
    2026-11-01T10:00:00.123Z {"kind":"Event","auditID":"a1"}
    2026-11-01T10:00:00.456Z {"kind":"Event","auditID":"a2","requestURI":"/x y"}

    2026-11-01T10:00:01.000Z not json at all
    garbage without a timestamp

    """

    @Test("the timestamp and one space are stripped; other lines are passed on whole")
    func stripsTimestamps() throws {
        let records = try InputTestFixtures.read(Array(Self.export.utf8))
        #expect(InputTestFixtures.lines(records) == [
            Pair(line: 1, text: #"{"kind":"Event","auditID":"a1"}"#),
            Pair(line: 2, text: #"{"kind":"Event","auditID":"a2","requestURI":"/x y"}"#),
            Pair(line: 4, text: "not json at all"),
            Pair(line: 5, text: "garbage without a timestamp"),
        ])
    }

    @Test("gzip-compressed exports, as S3 holds them, are detected and read")
    func gzipExport() throws {
        let compressed = try GzipCompressor.gzip(Array(Self.export.utf8))
        let records = try InputTestFixtures.read(compressed)
        #expect(records.map(\.line) == [1, 2, 4, 5])
        #expect(records.first?.text == #"{"kind":"Event","auditID":"a1"}"#)
    }

    @Test("forced as JSON lines, the timestamps are kept")
    func forcedJSONLines() throws {
        let records = try InputTestFixtures.read(Array(Self.export.utf8), format: .jsonLines)
        #expect(records.first?.text == #"2026-11-01T10:00:00.123Z {"kind":"Event","auditID":"a1"}"#)
    }
}
