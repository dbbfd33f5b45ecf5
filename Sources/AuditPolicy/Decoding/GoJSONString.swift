#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// JSON strings the way Go's `encoding/json` reads and writes them: the one escaper and the one
/// unescaper every target uses.
///
/// Upstream: Go `encoding/json`, `unquoteBytes` (decoding: `\uXXXX` surrogate pairs joined, a lone
/// or mismatched surrogate as U+FFFD, invalid UTF-8 as U+FFFD, one per bad byte) and `appendString`
/// (encoding: `"` and `\` escaped, `\b \f \n \r \t` short (Go 1.22 and later), other control
/// characters as `\u00xx`, U+2028 and U+2029 as `\u` escapes, each byte of invalid UTF-8 as
/// `\ufffd`, and with HTML escaping on, as `json.Marshal` and `json.Encoder` use by default, `<`,
/// `>` and `&` as `\u003c`, `\u003e`, `\u0026`).
public enum GoJSONString {
    /// An escape sequence JSON does not allow, at an offset of the bytes given.
    public struct InvalidEscape: Error, Sendable {
        public let offset: Int
        public let reason: String
    }

    /// What decoding does with bytes that are not valid UTF-8.
    public enum InvalidUTF8: Sendable {
        /// U+FFFD for each bad byte, as Go's decoder does.
        case replace
        /// The bytes as they are (to recover the exact bytes a JSON string was made from).
        case keep
    }

    // MARK: Decoding

    /// Appends the decoded form of the inside of a JSON string (the bytes between its quotes)
    /// to `output`. Fails on an escape JSON does not allow; raw control characters are not checked.
    public static func unescape(_ inner: UnsafeRawBufferPointer, invalidUTF8: InvalidUTF8 = .replace,
                                appendingTo output: inout [UInt8]) throws(InvalidEscape) {
        guard let base = inner.baseAddress else { return }
        let bytes = inner.bindMemory(to: UInt8.self)
        let end = bytes.count
        var runStart = 0
        var index = 0
        while index < end {
            // The next byte that is not copied as it is: a backslash, or (when replacing) a non-ASCII byte.
            if invalidUTF8 == .keep {
                guard let found = memchr(base + index, Int32(UInt8(ascii: "\\")), end - index) else { break }
                index = base.distance(to: UnsafeRawPointer(found))
            } else {
                while index < end, bytes[index] != UInt8(ascii: "\\"), bytes[index] < 0x80 { index += 1 }
                guard index < end else { break }
            }
            if bytes[index] >= 0x80 {
                let length = validSequenceLength(bytes, at: index, end: end)
                guard length == 0 else {
                    index += length
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                index += 1
                runStart = index
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            guard index + 1 < end else {
                throw InvalidEscape(offset: index, reason: "a string ends in a lone backslash")
            }
            let escaped = bytes[index + 1]
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escaped)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hexUnit(bytes, at: index + 2, end: end) else {
                    throw InvalidEscape(offset: index, reason: "invalid \\u escape in a string")
                }
                index += 6
                var scalar = unit
                if (0xD800..<0xDC00).contains(unit) {
                    // A high surrogate joins only an escaped low surrogate right after it.
                    if index + 1 < end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                       let low = hexUnit(bytes, at: index + 2, end: end), (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00..<0xE000).contains(unit) {
                    scalar = 0xFFFD
                }
                appendUTF8(scalar, to: &output)
                runStart = index
                continue
            default:
                throw InvalidEscape(offset: index, reason: "invalid escape '\\\(Unicode.Scalar(escaped))' in a string")
            }
            index += 2
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
    }

    /// The decoded bytes of the JSON string whose quotes delimit `bytes`. The string must be valid
    /// JSON (as a scanner checked it); an escape it does not allow ends the decoded bytes.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        guard bytes.count >= 2 else { return output }
        output.reserveCapacity(bytes.count - 2)
        try? unescape(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[1..<(bytes.count - 1)])), appendingTo: &output)
        return output
    }

    /// The decoded string of the quoted JSON string in `bytes`; see `decode(_:)`.
    public static func decodeString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: decode(bytes), as: UTF8.self)
    }

    /// Whether the bytes are valid UTF-8 (Go's `utf8.Valid`).
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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

    // MARK: Encoding

    /// Appends `value` (raw bytes, which may be invalid UTF-8) as a quoted JSON string the way
    /// Go's encoder writes a Go string; `escapingHTML: false` is `Encoder.SetEscapeHTML(false)`.
    public static func encode(_ value: UnsafeBufferPointer<UInt8>, escapingHTML: Bool = true, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < value.count {
            let byte = value[index]
            if byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"),
               !escapingHTML || (byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "&")) {
                index += 1
                continue
            }
            var escape: [UInt8] = []
            var consumed = 1
            if byte < 0x80 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): escape = [UInt8(ascii: "\\"), byte]
                case 0x08: escape = Array(#"\b"#.utf8)
                case 0x0C: escape = Array(#"\f"#.utf8)
                case 0x0A: escape = Array(#"\n"#.utf8)
                case 0x0D: escape = Array(#"\r"#.utf8)
                case 0x09: escape = Array(#"\t"#.utf8)
                default: escape = unicodeEscape(UInt16(byte))  // other controls, and < > & when escaping HTML
                }
            } else {
                let length = validSequenceLength(value, at: index, end: value.count)
                if length == 0 {
                    escape = Array(#"\ufffd"#.utf8)
                } else if length == 3, byte == 0xE2, value[index + 1] == 0x80, value[index + 2] & 0xFE == 0xA8 {
                    escape = unicodeEscape(value[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    consumed = 3
                } else {
                    index += length
                    continue
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: value[runStart..<index]))
            output.append(contentsOf: escape)
            index += consumed
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: value[runStart..<value.count]))
        output.append(UInt8(ascii: "\""))
    }

    /// Appends `value` as a quoted JSON string; see `encode(_:escapingHTML:into:)`.
    public static func encode(_ value: String, escapingHTML: Bool = true, into output: inout [UInt8]) {
        var value = value
        value.withUTF8 { encode($0, escapingHTML: escapingHTML, into: &output) }
    }

    /// Appends `value` (raw bytes) as a quoted JSON string; see `encode(_:escapingHTML:into:)`.
    public static func encode(_ value: [UInt8], escapingHTML: Bool = true, into output: inout [UInt8]) {
        value.withUnsafeBufferPointer { encode($0, escapingHTML: escapingHTML, into: &output) }
    }

    /// `value` as a quoted JSON string; see `encode(_:escapingHTML:into:)`.
    public static func quoted(_ value: String, escapingHTML: Bool = true) -> String {
        var output: [UInt8] = []
        encode(value, escapingHTML: escapingHTML, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: UTF-8

    /// The length of the valid UTF-8 sequence starting at `index` (a byte ≥ 0x80), or 0 when the
    /// bytes there are not one, by the rules of Go's `utf8.DecodeRune` (no overlong forms, no
    /// surrogates, nothing above U+10FFFF).
    public static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
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

    /// The 16-bit value of four hex digits at `offset`, or `nil`.
    private static func hexUnit(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) -> UInt32? {
        guard offset + 4 <= end else { return nil }
        var value: UInt32 = 0
        for digit in bytes[offset..<(offset + 4)] {
            let nibble: UInt32
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = UInt32(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = UInt32(digit - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = UInt32(digit - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | nibble
        }
        return value
    }

    private static func unicodeEscape(_ unit: UInt16) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [UInt8(ascii: "\\"), UInt8(ascii: "u"),
                digits[Int(unit >> 12 & 0xf)], digits[Int(unit >> 8 & 0xf)],
                digits[Int(unit >> 4 & 0xf)], digits[Int(unit & 0xf)]]
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
