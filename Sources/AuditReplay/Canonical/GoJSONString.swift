/// JSON strings the way Go's `encoding/json` reads and writes them.
///
/// Upstream: Go `encoding/json`, `unquoteBytes` (decoding: invalid UTF-8 and lone surrogates
/// become U+FFFD, one per bad byte) and `appendString` with HTML escaping on, as `json.Encoder`
/// uses by default (encoding: `"` and `\` escaped, `\b \f \n \r \t` short (Go 1.22 and later),
/// other control characters as `\u00xx`, `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes, each
/// byte of invalid UTF-8 as `\ufffd`).
enum GoJSONString {
    /// The decoded bytes of the JSON string whose quotes delimit `bytes`.
    /// The input must be a valid JSON string (as `JSONScanner.scanString` checks).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 1
        let end = bytes.count - 1
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                let escape = bytes[index + 1]
                switch escape {
                case UInt8(ascii: "b"): output.append(0x08); index += 2
                case UInt8(ascii: "f"): output.append(0x0C); index += 2
                case UInt8(ascii: "n"): output.append(0x0A); index += 2
                case UInt8(ascii: "r"): output.append(0x0D); index += 2
                case UInt8(ascii: "t"): output.append(0x09); index += 2
                case UInt8(ascii: "u"):
                    var scalar = hexValue(bytes, at: index + 2)
                    index += 6
                    if (0xD800..<0xDC00).contains(scalar) {
                        // A high surrogate must be followed by an escaped low surrogate.
                        if index + 6 <= end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                            let low = hexValue(bytes, at: index + 2)
                            if (0xDC00..<0xE000).contains(low) {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                                index += 6
                            } else {
                                scalar = 0xFFFD
                            }
                        } else {
                            scalar = 0xFFFD
                        }
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        scalar = 0xFFFD
                    }
                    appendUTF8(scalar, to: &output)
                default:
                    // `\"`, `\\` and `\/` stand for the character itself.
                    output.append(escape)
                    index += 2
                }
            } else if byte < 0x80 {
                output.append(byte)
                index += 1
            } else {
                let length = validSequenceLength(bytes, at: index, end: end)
                if length == 0 {
                    appendUTF8(0xFFFD, to: &output)
                    index += 1
                } else {
                    for offset in 0..<length { output.append(bytes[index + offset]) }
                    index += length
                }
            }
        }
        return output
    }

    /// The decoded string; see `decode(_:)`.
    static func decodeString(_ bytes: UnsafeBufferPointer<UInt8>, traits: StringTraits) -> String {
        if !traits.contains(.escapes) && !traits.contains(.nonASCII) {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[1..<(bytes.count - 1)]), as: UTF8.self)
        }
        return String(decoding: decode(bytes), as: UTF8.self)
    }

    /// The decoded string of the quoted JSON string in `bytes`.
    static func decodeString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var traits: StringTraits = []
        for byte in bytes where byte == UInt8(ascii: "\\") || byte >= 0x80 {
            traits.insert(byte >= 0x80 ? .nonASCII : .escapes)
        }
        return decodeString(bytes, traits: traits)
    }

    /// Appends `value` (raw bytes, which may be invalid UTF-8) as a quoted JSON string the way
    /// Go's encoder writes a Go string.
    static func encode<Bytes: Collection>(_ value: Bytes, into output: inout [UInt8]) where Bytes.Element == UInt8 {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        let bytes = Array(value)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    output.append(UInt8(ascii: "\\")); output.append(byte)
                case 0x08: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "b"))
                case 0x0C: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "f"))
                case 0x0A: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "n"))
                case 0x0D: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "r"))
                case 0x09: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "t"))
                case 0..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                    output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    output.append(hex[Int(byte >> 4)]); output.append(hex[Int(byte & 0x0F)])
                default:
                    output.append(byte)
                }
                index += 1
                continue
            }
            let length = bytes.withUnsafeBufferPointer { validSequenceLength($0, at: index, end: $0.count) }
            if length == 0 {
                output.append(contentsOf: Array("\\ufffd".utf8))
                index += 1
            } else if length == 3, byte == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 {
                output.append(contentsOf: Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                index += 3
            } else {
                output.append(contentsOf: bytes[index..<(index + length)])
                index += length
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Whether the string's bytes (between its quotes) are valid UTF-8.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = validSequenceLength(bytes, at: index, end: bytes.count)
            if length == 0 { return false }
            index += length
        }
        return true
    }

    /// The length of the valid UTF-8 sequence starting at `index` (a byte ≥ 0x80), or 0 when the
    /// bytes there are not one, by the rules of Go's `utf8.DecodeRune` (no overlong forms, no
    /// surrogates, nothing above U+10FFFF).
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        let first = bytes[index]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < end && range.contains(bytes[index + offset])
        }
        switch first {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }

    private static func hexValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            let digit = bytes[index + offset]
            let nibble: UInt32 = switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(digit - UInt8(ascii: "a") + 10)
            default: UInt32(digit - UInt8(ascii: "A") + 10)
            }
            value = value << 4 | nibble
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
