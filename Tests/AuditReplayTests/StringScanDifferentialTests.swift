import AuditPolicy
import Foundation
import Testing
@testable import AuditReplay

/// Issue 11: a speed-up must never change a byte. The word-at-a-time string scanner
/// (`JSONScanner.scanString`) agrees with a byte-at-a-time reference on every string of the
/// bundled corpus and on seeded random strings, errors and their offsets included.
@Suite("String scan differential")
struct StringScanDifferentialTests {
    /// The reference: one byte at a time, the same rules (see `JSONScanner.scanString`).
    static func reference(_ bytes: [UInt8], from start: Int) -> Result<(end: Int, traits: StringTraits), EventScanFailure> {
        var traits: StringTraits = []
        var index = start + 1
        while true {
            guard index < bytes.count else { return .failure(.syntax("unterminated string", at: index)) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                return .success((index + 1, traits))
            case UInt8(ascii: "\\"):
                traits.insert(.escapes)
                guard index + 1 < bytes.count else { return .failure(.syntax("unterminated string", at: index)) }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "/"):
                    traits.insert(.foreignEscape)
                    index += 2
                case UInt8(ascii: "u"):
                    guard index + 6 <= bytes.count else { return .failure(.syntax("unterminated string", at: index)) }
                    guard let value = UInt32(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16),
                          bytes[(index + 2)..<(index + 6)].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") }) else {
                        let bad = (index + 2..<index + 6).first { !Character(UnicodeScalar(bytes[$0])).isHexDigit } ?? index + 2
                        return .failure(.syntax("invalid \\u escape", at: bad))
                    }
                    let upperCase = bytes[(index + 2)..<(index + 6)].contains { (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0) }
                    if upperCase || !JSONScanner.goWritesUnicodeEscape(value) { traits.insert(.foreignEscape) }
                    index += 6
                default:
                    return .failure(.syntax("invalid escape", at: index + 1))
                }
            case 0..<0x20:
                return .failure(.syntax("control character in string", at: index))
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                traits.insert(.unescapedHTML)
                index += 1
            case 0x80...:
                traits.insert(.nonASCII)
                if byte == 0xE2, index + 3 <= bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 {
                    traits.insert(.unescapedHTML)
                }
                index += 1
            default:
                index += 1
            }
        }
    }

    /// The scanner under test, from the opening quote at `start`.
    static func scanned(_ bytes: [UInt8], from start: Int) -> Result<(end: Int, traits: StringTraits), EventScanFailure> {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(base: buffer.baseAddress!, count: buffer.count)
            scanner.position = start
            do throws(EventScanFailure) {
                let traits = try scanner.scanString()
                return .success((scanner.position, traits))
            } catch {
                return .failure(error)
            }
        }
    }

    static func same(_ first: Result<(end: Int, traits: StringTraits), EventScanFailure>, _ second: Result<(end: Int, traits: StringTraits), EventScanFailure>) -> Bool {
        switch (first, second) {
        case (.success(let a), .success(let b)): a.end == b.end && a.traits == b.traits
        case (.failure(let a), .failure(let b)): a == b
        default: false
        }
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
