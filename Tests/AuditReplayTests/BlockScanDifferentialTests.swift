import AuditCorpus
import AuditPolicy
import Foundation
import Testing
@testable import AuditReplay

/// Issue 11: a speed-up must never change a byte. The SIMD block scanners (`CScan`: the 64-byte
/// classification by every kernel the processor runs, `cscan_value_end` as `JSONScan` uses it, and
/// `JSONScanner.scanString`) agree with their byte-at-a-time references (`ScanReference`) on every
/// corpus of the test suite, on generated and random lines, and on malformed lines built around
/// the 16-, 32- and 64-byte boundaries.
@Suite("Block scan differential")
struct BlockScanDifferentialTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")

    /// Every recording kept in the repository: the bundled corpus, the fuzz seeds and the README's
    /// fixtures (JSON lines, JSON documents and S3 exports; not the gzip one).
    static let corpusFiles: [String] = {
        let folders = ["Corpus", "Fuzz/corpus/replay", "Tests/AuditSimCLITests/Fixtures/readme"]
        return folders.flatMap { folder -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent(folder).path)) ?? []
            return names.filter { $0.hasSuffix(".jsonl") || $0.hasSuffix(".json") || $0.hasSuffix(".txt") }.sorted().map { "\(folder)/\($0)" }
        }
    }()

    static func disagreement(_ bytes: [UInt8], containerLimit: Int = .max) -> String? {
        bytes.withUnsafeBufferPointer { ScanCrossCheck.disagreement(in: $0, containerLimit: containerLimit) }
    }

    @Test("issue 11: the corpus list is not empty and x86-64 compares its SIMD kernels")
    func kernelsCompared() {
        #expect(Self.corpusFiles.count >= 10)
        #expect(Self.corpusFiles.contains("Corpus/eks-sample.jsonl"))
        #if arch(x86_64)
        #expect(ScanCrossCheck.kernels.contains("sse2"))
        #endif
    }

    @Test("issue 11: block scanners agree with the references on every corpus", arguments: corpusFiles)
    func corpus(_ file: String) throws {
        let bytes = Array(try Data(contentsOf: Self.repository.appendingPathComponent(file)))
        // The whole file at once: every string, and the first objects and arrays (each line's
        // event and its first members) to their ends.
        #expect(Self.disagreement(bytes, containerLimit: 64) == nil, "\(file)")
    }

    @Test("issue 11: block scanners agree with the references on a generated recording")
    func generated() {
        var bytes: [UInt8] = []
        RecordingGenerator.generate(RecordingConfiguration(seed: 11, nodes: 2, durationSeconds: 20)) { bytes.append(contentsOf: $0) }
        var lines = 0
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            lines += 1
            #expect(Self.disagreement(Array(line), containerLimit: 16) == nil)
        }
        #expect(lines > 50)
    }

    @Test("issue 11: the C walk records every removable member of a long list, as the Swift walk does", arguments: [1, 16, 17, 40])
    func manyCandidates(_ items: Int) {
        let item = #"{"metadata":{"name":"n","creationTimestamp":null,"managedFields":[{"manager":"m"}]},"spec":{}}"#
        let body = #"{"kind":"PodList","items":["# + Array(repeating: item, count: items).joined(separator: ",") + "]}"
        #expect(Self.disagreement(Array(body.utf8), containerLimit: 4) == nil)
        // Twice as many candidates as items, all found by the C walk.
        let bytes = Array(body.utf8)
        let candidates = bytes.withUnsafeBufferPointer { buffer -> [BodyEditCandidate] in
            var scanner = JSONScanner(base: buffer.baseAddress!, count: buffer.count)
            var candidates: [BodyEditCandidate] = []
            #expect(scanner.walkInC(role: .root, recording: true, candidates: &candidates))
            return candidates
        }
        #expect(candidates.count == 2 * items)
    }

    /// Pieces random lines are made of: the bytes the scanners treat specially, alone and in runs.
    static let pieces: [[UInt8]] = [
        Array(#"""#.utf8), Array(#"\"#.utf8), Array(#"\\"#.utf8), Array(#"\\\"#.utf8), Array(#"\""#.utf8), Array(#"\\""#.utf8),
        Array(#"\\\""#.utf8), Array(#"\u00e9"#.utf8), Array(#"\u003C"#.utf8), Array(#"\u12"#.utf8), Array(#"\/"#.utf8), Array(#"\x"#.utf8),
        Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8), Array(":".utf8), Array(",".utf8),
        Array("<".utf8), Array(">".utf8), Array("&".utf8), [0x0A], [0x0D], [0x09], [0x00], [0x1F], [0x7F], [0x20],
        [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xF0, 0x9F, 0x98, 0x80], [0xE2, 0x80], [0xFF], [0xC3],
        Array(#"{"kind":"Event","a":[1,2,{"b":"c"}]}"#.utf8), Array("null".utf8), Array("-12.5e3".utf8),
    ]

    @Test("issue 11: block scanners agree with the references on seeded random lines", arguments: 0..<8)
    func randomLines(_ seed: UInt64) {
        var random = SplitMix64(seed: 0x5CA7 &+ seed)
        for _ in 0..<400 {
            var line: [UInt8] = []
            let length = Int(random.next() % 201)
            while line.count < length {
                if random.next() % 3 == 0 {
                    line += Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
                } else {
                    line += (0..<Int(random.next() % 20)).map { _ in UInt8(ascii: "a") + UInt8(random.next() % 26) }
                }
            }
            #expect(Self.disagreement(line) == nil, "\(line)")
        }
    }

    /// Malformed and awkward constructs placed at every offset from 0 to 130 after an opening
    /// quote (and inside an object), so that each one straddles the 16-, 32- and 64-byte
    /// boundaries of the SSE2, AVX2 and block kernels; lines from 0 to 200 bytes long.
    static let boundaryCases: [(name: String, bytes: [UInt8])] = [
        ("odd backslash run before a quote", Array(#"\\\"rest""#.utf8)),
        ("even backslash run before a quote", Array(#"\\\\"rest""#.utf8)),
        ("one backslash before a quote", Array(#"\"rest""#.utf8)),
        ("backslash at the end (truncated)", Array(#"\"#.utf8)),
        ("odd backslash run at the end (truncated)", Array(#"\\\"#.utf8)),
        ("truncated \\u escape", Array(#"\u00"#.utf8)),
        ("two-byte UTF-8", [0xC3, 0xA9, 0x22]),
        ("three-byte UTF-8", [0xE2, 0x82, 0xAC, 0x22]),
        ("U+2028", [0xE2, 0x80, 0xA8, 0x22]),
        ("four-byte UTF-8", [0xF0, 0x9F, 0x98, 0x80, 0x22]),
        ("cut UTF-8 at the end", [0xF0, 0x9F]),
        ("control character", [0x01, 0x22]),
        ("line feed", [0x0A, 0x22]),
        ("HTML characters", Array(#"<&>""#.utf8)),
        ("no closing quote", []),
    ]

    @Test("issue 11: block scanners agree with the references on malformed lines around block boundaries", arguments: boundaryCases.map(\.name))
    func boundaries(_ name: String) throws {
        let construct = try #require(Self.boundaryCases.first { $0.name == name }).bytes
        for offset in 0...130 {
            let filler = Array(repeating: UInt8(ascii: "x"), count: offset)
            let string = [UInt8(ascii: "\"")] + filler + construct
            let member = Array(#"{"k":["#.utf8) + string + Array("]}".utf8)
            for line in [string, member, member + Array(repeating: UInt8(ascii: " "), count: 200 - min(200, member.count))] {
                #expect(Self.disagreement(line) == nil, "\(name) at offset \(offset): \(line)")
            }
        }
        // Every length from 0 to 200 of the construct repeated.
        var long: [UInt8] = [UInt8(ascii: "\"")]
        while long.count < 201 { long += construct.isEmpty ? [UInt8(ascii: "y")] : construct }
        for length in 0...200 {
            #expect(Self.disagreement(Array(long.prefix(length))) == nil, "\(name), \(length) bytes")
        }
    }
}
