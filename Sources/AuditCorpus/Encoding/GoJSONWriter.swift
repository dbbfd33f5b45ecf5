/// Writes JSON bytes the way Go's encoding/json does for kube-apiserver's audit log
/// (k8s.io/apimachinery json serializer over encoding/json `Marshal`): compact, with
/// `<`, `>` and `&` escaped as `\u003c`, `\u003e`, `\u0026`, U+2028 and U+2029 as
/// `\u2028` and `\u2029`, control characters as `\b \f \n \r \t` or `\u00XX`
/// (encoding/json `appendString`, Go 1.22 and later).
struct GoJSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ value: CorpusJSON) {
        switch value {
        case .string(let text):
            writeString(text)
        case .int(let number):
            writeInteger(number)
        case .bool(let flag):
            writeRaw(flag ? "true" : "false")
        case .null:
            writeRaw("null")
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(member.0)
                bytes.append(UInt8(ascii: ":"))
                write(member.1)
            }
            bytes.append(UInt8(ascii: "}"))
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .encoded(let text):
            bytes.append(contentsOf: text)
        }
    }

    /// Appends bytes that are already JSON (or JSON punctuation).
    mutating func writeRaw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `"key":`.
    mutating func writeKey(_ key: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        writeRaw(key)
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    mutating func writeInteger(_ number: Int64) {
        if number < 0 {
            bytes.append(UInt8(ascii: "-"))
        }
        var magnitude = number.magnitude
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        }
    }

    mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "<")
                    && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "&") && byte != 0xE2 {
                    index += 1
                    continue
                }
                let escape = Self.escape(utf8, at: index)
                guard escape.count > 0 else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                bytes.append(contentsOf: escape.text)
                index += escape.count
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// How the byte at `index` is written: `count` source bytes replaced by `text`, or
    /// `count` 0 when it is written as it is.
    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (count: Int, text: [UInt8]) {
        let byte = utf8[index]
        switch byte {
        case UInt8(ascii: "\""): return (1, Array(#"\""#.utf8))
        case UInt8(ascii: "\\"): return (1, Array(#"\\"#.utf8))
        case UInt8(ascii: "\n"): return (1, Array(#"\n"#.utf8))
        case UInt8(ascii: "\r"): return (1, Array(#"\r"#.utf8))
        case UInt8(ascii: "\t"): return (1, Array(#"\t"#.utf8))
        case 0x08: return (1, Array(#"\b"#.utf8))
        case 0x0c: return (1, Array(#"\f"#.utf8))
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0x00..<0x20:
            return (1, unicodeEscape(UInt16(byte)))
        case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
            return (3, unicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029))
        default:
            return (0, [])
        }
    }

    private static func unicodeEscape(_ unit: UInt16) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [UInt8(ascii: "\\"), UInt8(ascii: "u"),
                digits[Int(unit >> 12 & 0xf)], digits[Int(unit >> 8 & 0xf)],
                digits[Int(unit >> 4 & 0xf)], digits[Int(unit & 0xf)]]
    }
}
