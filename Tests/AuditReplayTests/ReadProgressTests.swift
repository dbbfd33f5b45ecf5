import Foundation
import Testing
@testable import AuditReplay

/// Issue 12, "Long work, on a terminal": the reader reports the bytes it has taken from its
/// inputs (as stored, so compressed bytes for gzip) and their total, after every batch.
struct ReadProgressTests {
    @Test("long work on a terminal: the reader reports bytes read of the files' total after each batch, ending at the total")
    func filesReportTheirSizes() throws {
        let root = try InputTestFixtures.makeDirectory()
        let line = Array("{\"auditID\":\"a\",\"stage\":\"ResponseComplete\"}\n".utf8)
        let first = try InputTestFixtures.write(Array(repeating: line, count: 300).flatMap { $0 }, to: "one.jsonl", in: root)
        let second = try InputTestFixtures.write(Array(repeating: line, count: 100).flatMap { $0 }, to: "two.jsonl", in: root)
        var reader = try RecordingReader(paths: [first, second], batchBytes: 4096)
        var reports: [ReadProgress] = []
        reader.progress = { reports.append($0) }
        let (_, batches) = try InputTestFixtures.readAll(&reader)
        let total = line.count * 400
        #expect(reports.count == batches)
        #expect(reports.allSatisfy { $0.totalBytes == total })
        #expect(reports.map(\.bytesRead) == reports.map(\.bytesRead).sorted())
        #expect(reports.last?.bytesRead == total)
    }

    @Test("long work on a terminal: bytes in memory have their count as the total")
    func memoryHasATotal() throws {
        let bytes = Array("{\"auditID\":\"a\"}\n{\"auditID\":\"b\"}\n".utf8)
        var reader = RecordingReader(bytes: bytes, source: "memory")
        var reports: [ReadProgress] = []
        reader.progress = { reports.append($0) }
        _ = try InputTestFixtures.readAll(&reader)
        #expect(reports == [ReadProgress(bytesRead: bytes.count, totalBytes: bytes.count)])
    }

    @Test("long work on a terminal: a total is unknown when an input is standard input or not a regular file")
    func unknownTotals() throws {
        #expect(InputPaths.totalSize(of: ["-"]) == nil)
        #expect(InputPaths.totalSize(of: ["/dev/null"]) == nil)
        let root = try InputTestFixtures.makeDirectory()
        let file = try InputTestFixtures.write(Array("{}\n".utf8), to: "a.jsonl", in: root)
        #expect(InputPaths.totalSize(of: [file, file]) == 6)
        #expect(InputPaths.totalSize(of: [file, "-"]) == nil)
    }
}
