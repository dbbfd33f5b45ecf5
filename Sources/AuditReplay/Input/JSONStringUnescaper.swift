#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes the contents of a JSON string (between its quotes) into raw UTF-8 bytes,
/// as a JSON decoder does: the escapes `\" \\ \/ \b \f \n \r \t` and `\uXXXX`, with
/// UTF-16 surrogate pairs joined into one code point.
///
/// A lone or mismatched surrogate becomes U+FFFD, as Go's encoding/json decodes it
/// (encoding/json `unquoteBytes`), so a CloudWatch message decodes to what the audit
/// event's consumer would see.
enum JSONStringUnescaper {
    /// An escape sequence that JSON does not allow, at an offset of the bytes given.
    struct InvalidEscape: Error {
        let offset: Int
        let reason: String
    }

    /// Appends the decoded form of `bytes[range]` (string contents without quotes) to `output`.
    ///
    /// Decoding never makes a string longer, so the result is built in a buffer of the
    /// escaped length with plain copies between escapes, then appended in one step.
    static func appendUnescaped(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, to output: inout [UInt8]) throws(InvalidEscape) {
        guard let base = bytes.baseAddress, !range.isEmpty else { return }
        var failure: InvalidEscape?
        let decoded = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
            do throws(InvalidEscape) {
                count = try decode(base, range, into: buffer)
            } catch {
                failure = error
                count = 0
            }
        }
        if let failure { throw failure }
        output.append(contentsOf: decoded)
    }

    /// Writes the decoded bytes of `base[range]` into `buffer` (at least `range.count`
    /// long) and returns how many.
    private static func decode(_ base: UnsafeRawPointer, _ range: Range<Int>, into buffer: UnsafeMutableBufferPointer<UInt8>) throws(InvalidEscape) -> Int {
        guard let out = buffer.baseAddress else { return 0 }
        let bytes = UnsafeRawBufferPointer(start: base, count: range.upperBound)
        var written = 0
        var index = range.lowerBound
        while index < range.upperBound {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "\\")), range.upperBound - index) else {
                (out + written).update(from: (base + index).assumingMemoryBound(to: UInt8.self), count: range.upperBound - index)
                written += range.upperBound - index
                break
            }
            let backslash = base.distance(to: UnsafeRawPointer(found))
            (out + written).update(from: (base + index).assumingMemoryBound(to: UInt8.self), count: backslash - index)
            written += backslash - index
            guard backslash + 1 < range.upperBound else {
                throw InvalidEscape(offset: backslash, reason: "a string ends in a lone backslash")
            }
            let simple: UInt8
            switch bytes[backslash + 1] {
            case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
            case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
            case UInt8(ascii: "b"): simple = 0x08
            case UInt8(ascii: "f"): simple = 0x0c
            case UInt8(ascii: "n"): simple = UInt8(ascii: "\n")
            case UInt8(ascii: "r"): simple = UInt8(ascii: "\r")
            case UInt8(ascii: "t"): simple = UInt8(ascii: "\t")
            case UInt8(ascii: "u"):
                let (scalar, next) = try unicodeEscape(bytes, at: backslash, end: range.upperBound)
                for byte in scalar.utf8 {
                    out[written] = byte
                    written += 1
                }
                index = next
                continue
            default:
                throw InvalidEscape(offset: backslash, reason: "invalid escape '\\\(Unicode.Scalar(bytes[backslash + 1]))' in a string")
            }
            out[written] = simple
            written += 1
            index = backslash + 2
        }
        return written
    }

    /// Decodes `\uXXXX` (and a following `\uXXXX` low surrogate) at `start`; returns the
    /// character (at most 4 UTF-8 bytes, never more than the 6 or 12 escape bytes) and the
    /// offset after what was consumed.
    private static func unicodeEscape(_ bytes: UnsafeRawBufferPointer, at start: Int, end: Int) throws(InvalidEscape) -> (Unicode.Scalar, Int) {
        guard let unit = hexUnit(bytes, at: start + 2, end: end) else {
            throw InvalidEscape(offset: start, reason: "invalid \\u escape in a string")
        }
        var next = start + 6
        var scalar: Unicode.Scalar
        switch unit {
        case 0xD800..<0xDC00:
            if next + 1 < end, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u"),
               let low = hexUnit(bytes, at: next + 2, end: end), (0xDC00..<0xE000).contains(low),
               let joined = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) {
                scalar = joined
                next += 6
            } else {
                scalar = "\u{FFFD}"
            }
        case 0xDC00..<0xE000:
            scalar = "\u{FFFD}"
        default:
            scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
        }
        return (scalar, next)
    }

    /// The 16-bit value of four hex digits at `offset`, or `nil`.
    private static func hexUnit(_ bytes: UnsafeRawBufferPointer, at offset: Int, end: Int) -> UInt32? {
        guard offset + 4 <= end else { return nil }
        var value: UInt32 = 0
        for index in offset..<(offset + 4) {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
