import AuditCorpus
import Foundation
import Testing
@testable import AuditReplay

/// Issue 15, "Bounded memory and time, whatever the input": one input event is capped
/// (`InputEventLimit`); a longer line or document element is skipped without being held, reported
/// as an oversize malformed line with its line number, and the rest of the input is still read.
/// The cap is 4 KiB here so that the inputs stay small.
@Suite("Bounded memory: the input event cap")
struct InputEventLimitTests {
    static let cap = 4096

    /// What a reader gave: the records' lines and texts, and the skipped events' lines.
    struct Read: Equatable {
        var records: [InputTestFixtures.Pair] = []
        var skippedLines: [Int] = []
    }

    static func read(_ bytes: [UInt8], format: InputFormat = .auto, batchBytes: Int = 4 << 20) throws -> Read {
        var reader = RecordingReader(bytes: bytes, source: "mem", format: format, batchBytes: batchBytes, maxEventBytes: cap)
        var read = Read()
        while let batch = try reader.next() {
            var skipped = batch.skipped[...]
            for (index, record) in batch.records.enumerated() {
                while let next = skipped.first, next.recordIndex <= index {
                    read.skippedLines.append(next.malformed.line)
                    skipped.removeFirst()
                }
                read.records.append(.init(line: record.line, text: String(decoding: batch.bytes(of: record), as: UTF8.self)))
            }
            read.skippedLines += skipped.map(\.malformed.line)
            #expect(batch.skipped.allSatisfy { $0.malformed.kind == .oversize && $0.malformed.file == "mem" })
        }
        return read
    }

    static let long = #"{"auditID":"long","pad":""# + String(repeating: "x", count: 10_000) + #""}"#

    @Test("a JSON line over the cap is skipped, reported with its line, and the next lines are read",
          arguments: [false, true], [64, 1000, 4 << 20])
    func jsonLine(gzip: Bool, batchBytes: Int) throws {
        let text = Array((#"{"auditID":"a"}"# + "\n" + Self.long + "\n" + #"{"auditID":"b"}"# + "\n").utf8)
        let read = try Self.read(gzip ? try GzipCompressor.gzip(text) : text, batchBytes: batchBytes)
        #expect(read.records == [.init(line: 1, text: #"{"auditID":"a"}"#), .init(line: 3, text: #"{"auditID":"b"}"#)])
        #expect(read.skippedLines == [2])
    }

    @Test("a line exactly at the cap is read; one byte more is skipped", arguments: [(4096, false), (4097, true)])
    func boundary(length: Int, skipped: Bool) throws {
        let line = String(repeating: "y", count: length)
        let read = try Self.read(Array((line + "\r\nnext\n").utf8), batchBytes: 1000)
        #expect(read.skippedLines == (skipped ? [1] : []))
        #expect(read.records.map(\.line) == (skipped ? [2] : [1, 2]))
    }

    @Test("a line that never ends (zeros, as /dev/zero or a gzip of zeros gives) is one oversize line", arguments: [false, true])
    func endlessLine(gzip: Bool) throws {
        let zeros = Array(#"{"auditID":"a"}"#.utf8) + [UInt8(ascii: "\n")] + [UInt8](repeating: 0, count: 1 << 20)
        let read = try Self.read(gzip ? try GzipCompressor.gzip(zeros) : zeros, batchBytes: 1000)
        #expect(read.records.map(\.line) == [1])
        #expect(read.skippedLines == [2])
    }

    @Test("an S3 export line over the cap is skipped")
    func s3ExportLine() throws {
        let text = "2026-11-01T10:00:00.123Z {\"auditID\":\"a\"}\n2026-11-01T10:00:01.000Z \(Self.long)\n2026-11-01T10:00:02.000Z {\"auditID\":\"b\"}\n"
        let read = try Self.read(Array(text.utf8), format: .cloudWatchS3, batchBytes: 100)
        #expect(read.records.map(\.line) == [1, 3])
        #expect(read.skippedLines == [2])
    }

    /// An element over the cap, named for test output.
    struct HugeElement: Sendable, CustomStringConvertible {
        var description: String
        var text: String
    }

    /// Elements over the cap in every shape a JSON value takes, some longer than the reader's
    /// window (64 KiB) so that they are read past piece by piece.
    static let hugeElements: [HugeElement] = [
        HugeElement(description: "object of 5 KB", text: #"{"auditID":"big","o":{"s":"\"]}["# + String(repeating: "q", count: 5000) + #"","a":[1,[2,{"b":"}"}]]}}"#),
        HugeElement(description: "object of 150 KB", text: #"{"auditID":"big","o":{"s":"\"]}["# + String(repeating: "q", count: 150_000) + #"","a":[1,[2,{"b":"}"}]]}}"#),
        HugeElement(description: "nested arrays", text: "[" + Array(repeating: "[1,2,3]", count: 30_000).joined(separator: ",") + "]"),
        HugeElement(description: "string of escapes", text: "\"" + String(repeating: #"\\\""#, count: 40_000) + "\""),
        HugeElement(description: "number", text: String(repeating: "7", count: 100_000)),
    ]

    @Test("an EventList element over the cap is skipped and the following ones read", arguments: hugeElements, [100, 4 << 20])
    func eventListElement(huge: HugeElement, batchBytes: Int) throws {
        let document = "{\"kind\":\"EventList\",\"items\":[\n{\"auditID\":\"a\"},\n\(huge.text),\n{\"auditID\":\"b\"}\n]}\n"
        let read = try Self.read(Array(document.utf8), batchBytes: batchBytes)
        #expect(read.records == [.init(line: 2, text: #"{"auditID":"a"}"#), .init(line: 4, text: #"{"auditID":"b"}"#)])
        #expect(read.skippedLines == [3])
    }

    @Test("a CloudWatch message over the cap is skipped; a long member that is not an event is passed over silently")
    func cloudWatchMessage() throws {
        let message = String(repeating: "m", count: 200_000)
        let document = """
        {"events":[
        {"timestamp":1,"message":"\(message)"},
        {"timestamp":2,"message":"{\\"auditID\\":\\"b\\"}"}
        ],"searchedLogStreams":[\(Array(repeating: #"{"logStreamName":"s","searchedCompletely":true}"#, count: 3000).joined(separator: ","))],
        "nextToken":"t"}
        {"events":[{"timestamp":3,"message":"{\\"auditID\\":\\"c\\"}"}]}
        """
        let read = try Self.read(Array(document.utf8), batchBytes: 64)
        #expect(read.records == [.init(line: 3, text: #"{"auditID":"b"}"#), .init(line: 6, text: #"{"auditID":"c"}"#)])
        #expect(read.skippedLines == [2])
    }

    @Test("a document that ends inside an element being skipped is truncated")
    func truncatedWhileSkipping() throws {
        let document = "{\"kind\":\"EventList\",\"items\":[{\"auditID\":\"" + String(repeating: "z", count: 10_000)
        var reader = RecordingReader(bytes: Array(document.utf8), source: "mem", maxEventBytes: Self.cap)
        let error = try #require(InputTestFixtures.readError(&reader))
        #expect(error.reason.hasPrefix("truncated EventList document"))
    }

    @Test("the replay counts an oversize line as malformed, of kind oversize, with its line, and replays the rest",
          arguments: [0, 2])
    func replayCountsOversize(threads: Int) throws {
        let valid = MalformedLineTests.valid
        let text = [valid, Self.long, "garbage", valid.replacingOccurrences(of: #""ok""#, with: #""ok2""#)].joined(separator: "\n")
        let reader = RecordingReader(bytes: Array(text.utf8), source: "big.jsonl", maxEventBytes: Self.cap)
        let report = try ReplayEngine(policies: [try everything(at: .metadata)], options: ReplayOptions(scanThreads: threads)).run(reader)
        #expect(report.rawEvents == 2)
        #expect(report.requests == 2)
        #expect(report.malformed.count == 2)
        #expect(report.malformed.shown.map(\.line) == [2, 3])
        #expect(report.malformed.shown.map(\.kind) == [.oversize, .invalid])
        #expect(report.malformed.shown.first?.reason == "longer than the input event limit of 4096 bytes: skipped")
    }
}
