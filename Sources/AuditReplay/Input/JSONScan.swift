#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CScan

/// Byte-level scanning of JSON text without decoding it: just enough structure to find
/// where values start and end, so that containers can be streamed element by element.
///
/// Bracket matching is string-aware but does not validate: a malformed element is still
/// delimited and passed on, and the replay reports it.
enum JSONScan {
    /// Where a value ends.
    enum ValueEnd: Equatable {
        /// The offset just past the value.
        case complete(Int)
        /// The value runs past the end of the bytes given; more input is needed.
        case incomplete
        /// No value starts here (the byte is `,` `:` `]` or `}`).
        case malformed
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }

    /// The first offset at or after `start` that is not JSON whitespace (or, with
    /// `commas`, a comma), or `bytes.count`.
    static func skipWhitespace(_ bytes: UnsafeRawBufferPointer, from start: Int, commas: Bool = false) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if isWhitespace(byte) || (commas && byte == UInt8(ascii: ",")) {
                index += 1
            } else {
                break
            }
        }
        return index
    }

    /// The offset just past the closing quote of the string whose opening quote is at
    /// `openingQuote`, or `nil` when the string does not end within `bytes`.
    ///
    /// A quote closes the string unless an odd number of backslashes precede it.
    static func stringEnd(_ bytes: UnsafeRawBufferPointer, openingQuote: Int) -> Int? {
        guard case .complete(let end) = blockValueEnd(bytes, from: openingQuote) else { return nil }
        return end
    }

    /// Where the value starting at `start` (not whitespace) ends. A number or literal
    /// that reaches the end of `bytes` is complete only when `atEndOfInput`.
    static func valueEnd(_ bytes: UnsafeRawBufferPointer, from start: Int, atEndOfInput: Bool) -> ValueEnd {
        guard start < bytes.count else { return .incomplete }
        switch bytes[start] {
        case UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["):
            return blockValueEnd(bytes, from: start)
        case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            return .malformed
        default:
            var index = start + 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"),
                     UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                    return .complete(index)
                default:
                    index += 1
                }
            }
            return atEndOfInput ? .complete(index) : .incomplete
        }
    }

    /// The end of the string, object or array starting at `start`, found 64 bytes at a time by
    /// `cscan_value_end` (string-aware bracket depth, no validation).
    private static func blockValueEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> ValueEnd {
        guard let base = bytes.baseAddress else { return .incomplete }
        var end = 0
        guard cscan_value_end(base.assumingMemoryBound(to: UInt8.self), bytes.count, start, &end) == CScanValueComplete else {
            return .incomplete
        }
        return .complete(end)
    }

    /// Whether the bytes in `range` equal `literal`.
    static func bytes(_ bytes: UnsafeRawBufferPointer, in range: Range<Int>, equal literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let expected = UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        return UnsafeRawBufferPointer(rebasing: bytes[range]).elementsEqual(expected)
    }

    /// The number of line feeds in `range`.
    static func countNewlines(_ bytes: UnsafeRawBufferPointer, in range: Range<Int>) -> Int {
        var count = 0
        for byte in UnsafeRawBufferPointer(rebasing: bytes[range]) where byte == UInt8(ascii: "\n") {
            count += 1
        }
        return count
    }
}

extension JSONScan {
    /// Walks the top-level members of the object whose `{` is at `openingBrace` in `prefix`
    /// (the first bytes of an input), and returns the first answer `decide` gives for a
    /// member: its key (without quotes), where its value starts, and where the value ends, or
    /// `nil` when the value runs past the prefix (the walk ends with that member). `nil` when
    /// no member decides or the object's structure is not understood.
    static func firstDecision<Answer>(
        inObjectAt openingBrace: Int, of prefix: UnsafeRawBufferPointer,
        _ decide: (_ key: Range<Int>, _ valueStart: Int, _ valueEnd: Int?) -> Answer?
    ) -> Answer? {
        var index = openingBrace + 1
        while true {
            index = skipWhitespace(prefix, from: index, commas: true)
            guard index < prefix.count, prefix[index] == UInt8(ascii: "\""),
                  let keyEnd = stringEnd(prefix, openingQuote: index)
            else { return nil }
            let colon = skipWhitespace(prefix, from: keyEnd)
            guard colon < prefix.count, prefix[colon] == UInt8(ascii: ":") else { return nil }
            let valueStart = skipWhitespace(prefix, from: colon + 1)
            let key = (index + 1)..<(keyEnd - 1)
            guard valueStart < prefix.count,
                  case .complete(let valueEnd) = valueEnd(prefix, from: valueStart, atEndOfInput: false)
            else { return decide(key, valueStart, nil) }
            if let answer = decide(key, valueStart, valueEnd) { return answer }
            index = valueEnd
        }
    }
}
