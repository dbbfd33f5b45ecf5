import AuditPolicy
import Foundation
import Testing
@testable import AuditReplay

/// Issue 11: a speed-up must never change a byte. The block string scanner
/// (`JSONScanner.scanString`) agrees with the byte-at-a-time reference (`ScanReference.string`) on every string of the
/// bundled corpus and on seeded random strings, errors and their offsets included.
@Suite("String scan differential")
struct StringScanDifferentialTests {
    static func reference(_ bytes: [UInt8], from start: Int) -> Result<StringScan, EventScanFailure> {
        bytes.withUnsafeBufferPointer { ScanReference.string($0, from: start) }
    }

    /// The scanner under test, from the opening quote at `start`.
    static func scanned(_ bytes: [UInt8], from start: Int) -> Result<StringScan, EventScanFailure> {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(base: buffer.baseAddress!, count: buffer.count)
            scanner.position = start
            do throws(EventScanFailure) {
                let traits = try scanner.scanString()
                return .success(StringScan(end: scanner.position, traits: traits))
            } catch {
                return .failure(error)
            }
        }
    }

    static func same(_ first: Result<StringScan, EventScanFailure>, _ second: Result<StringScan, EventScanFailure>) -> Bool {
        first == second
    }

    @Test("issue 11: the string scanner agrees with the byte-at-a-time reference on every string of the bundled corpus")
    func bundledCorpus() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Corpus/eks-sample.jsonl")
        let corpus = Array(try Data(contentsOf: url))
        var strings = 0
        for line in corpus.split(separator: UInt8(ascii: "\n")) {
            let bytes = Array(line)
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "\"") else {
                    index += 1
                    continue
                }
                let expected = Self.reference(bytes, from: index)
                #expect(Self.same(Self.scanned(bytes, from: index), expected))
                guard case .success(let found) = expected else { break }
                strings += 1
                index = found.end
            }
        }
        #expect(strings > 100_000)
    }

    @Test("issue 11: the string scanner agrees with the reference on seeded random strings, malformed ones included")
    func randomStrings() {
        var random = SplitMix64(seed: 1111)
        let special: [[UInt8]] = [
            [0x22], [0x5C], [0x5C, 0x22], [0x5C, 0x5C], [0x5C, 0x2F], [0x5C, 0x6E], [0x5C, 0x75, 0x30, 0x30, 0x33, 0x63],
            [0x5C, 0x75, 0x30, 0x30, 0x33, 0x43], [0x5C, 0x75, 0x32, 0x30, 0x32, 0x38], [0x5C, 0x75, 0x30, 0x30, 0x34, 0x31],
            [0x5C, 0x75, 0x30, 0x67], [0x5C, 0x78], [0x3C], [0x3E], [0x26], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xE2, 0x80],
            [0xC3, 0xA9], [0xFF], [0x00], [0x09], [0x1F], [0x7F], [0x20], [0x21], [0x23], [0x5B], [0x5D],
        ]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = [UInt8(ascii: "\"")]
            let pieces = Int(random.next() % 40)
            for _ in 0..<pieces {
                if random.next() % 4 == 0 {
                    bytes += special[Int(random.next() % UInt64(special.count))]
                } else {
                    let run = Int(random.next() % 24)
                    bytes += (0..<run).map { _ in UInt8(ascii: "a") + UInt8(random.next() % 26) }
                }
            }
            if random.next() % 3 != 0 { bytes.append(UInt8(ascii: "\"")) }
            bytes += Array("tail".utf8).prefix(Int(random.next() % 5))
            #expect(Self.same(Self.scanned(bytes, from: 0), Self.reference(bytes, from: 0)), "\(bytes)")
        }
    }
}
