import AuditCorpus
import Testing
@testable import AuditReplay

/// gzip-compressed inputs (RFC 1952), recognised by their magic bytes whatever the format
/// and inflated with zlib as a stream.
struct InputGzipTests {
    static let lines = (1...500).map { #"{"kind":"Event","auditID":"\#($0)","pad":"\#(String(repeating: "z", count: $0 % 97))"}"# }
    static let text = Array((lines.joined(separator: "\n") + "\n").utf8)

    @Test("gzip JSON lines read the same as plain ones, whatever the batch size", arguments: [1, 100, 4 << 20])
    func gzipJSONLines(batchBytes: Int) throws {
        let compressed = try GzipCompressor.gzip(Self.text)
        #expect(compressed.starts(with: [0x1f, 0x8b]))
        let records = try InputTestFixtures.read(compressed, batchBytes: batchBytes)
        #expect(records.map(\.text) == Self.lines)
        #expect(records.map(\.line) == Array(1...500))
    }

    @Test("multi-member gzip (concatenated .gz files) reads as one stream")
    func multiMember() throws {
        let half = Self.text.count / 2
        let first = try GzipCompressor.gzip(Array(Self.text[..<half]))
        let second = try GzipCompressor.gzip(Array(Self.text[half...]))
        let records = try InputTestFixtures.read(first + second)
        #expect(records.map(\.text) == Self.lines)
    }

    @Test("a gzip EventList is detected after decompression")
    func gzipEventList() throws {
        let document = #"{"kind":"EventList","items":[{"auditID":"a"},{"auditID":"b"}]}"#
        let records = try InputTestFixtures.read(try GzipCompressor.gzip(Array(document.utf8)))
        #expect(records.map(\.text) == [#"{"auditID":"a"}"#, #"{"auditID":"b"}"#])
    }

    struct DamageCase: Sendable, CustomStringConvertible {
        var description: String
        var damage: @Sendable ([UInt8]) -> [UInt8]
        var expected: String
    }

    @Test("a damaged gzip stream is an error naming the file", arguments: [
        DamageCase(description: "cut in the middle", damage: { Array($0[..<($0.count / 2)]) },
                   expected: "corpus/x.gz: truncated gzip stream"),
        DamageCase(description: "trailer missing its last byte", damage: { Array($0.dropLast()) },
                   expected: "corpus/x.gz: truncated gzip stream"),
        DamageCase(description: "only the magic bytes", damage: { Array($0[..<2]) },
                   expected: "corpus/x.gz: truncated gzip stream"),
        DamageCase(description: "corrupt deflate data", damage: { bytes in
            var damaged = bytes
            for index in 12..<40 { damaged[index] ^= 0x5a }
            return damaged
        }, expected: "corpus/x.gz: corrupt gzip stream: "),
        DamageCase(description: "corrupt CRC in the trailer", damage: { bytes in
            var damaged = bytes
            damaged[damaged.count - 6] ^= 0xff
            return damaged
        }, expected: "corpus/x.gz: corrupt gzip stream: incorrect data check"),
        DamageCase(description: "garbage after the last member", damage: { $0 + Array("trailing".utf8) },
                   expected: "corpus/x.gz: corrupt gzip stream: unexpected data after the end of the compressed data"),
    ])
    func damagedStreams(_ testCase: DamageCase) throws {
        let damaged = testCase.damage(try GzipCompressor.gzip(Self.text))
        let directory = try InputTestFixtures.makeDirectory()
        try InputTestFixtures.write(damaged, to: "corpus/x.gz", in: directory)
        var reader = try RecordingReader(paths: [directory + "/corpus/x.gz"], batchBytes: 1024)
        let error = try #require(InputTestFixtures.readError(&reader))
        #expect(error.file == directory + "/corpus/x.gz")
        #expect(error.description.replacingOccurrences(of: directory + "/", with: "").hasPrefix(testCase.expected))
    }
}
