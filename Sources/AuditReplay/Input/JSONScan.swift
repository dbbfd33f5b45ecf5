#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        guard let base = bytes.baseAddress else { return nil }
        var searchFrom = openingQuote + 1
        while searchFrom < bytes.count {
            guard let found = memchr(base + searchFrom, Int32(UInt8(ascii: "\"")), bytes.count - searchFrom) else {
                return nil
            }
            let quote = base.distance(to: UnsafeRawPointer(found))
            var backslashes = 0
            var index = quote - 1
            while index > openingQuote && bytes[index] == UInt8(ascii: "\\") {
                backslashes += 1
                index -= 1
            }
            if backslashes % 2 == 0 { return quote + 1 }
            searchFrom = quote + 1
        }
        return nil
    }

    /// Where the value starting at `start` (not whitespace) ends. A number or literal
    /// that reaches the end of `bytes` is complete only when `atEndOfInput`.
    static func valueEnd(_ bytes: UnsafeRawBufferPointer, from start: Int, atEndOfInput: Bool) -> ValueEnd {
        guard start < bytes.count else { return .incomplete }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return stringEnd(bytes, openingQuote: start).map(ValueEnd.complete) ?? .incomplete
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return containerEnd(bytes, opening: start)
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

    /// The end of the object or array opened at `opening`, matching brackets by depth.
    private static func containerEnd(_ bytes: UnsafeRawBufferPointer, opening: Int) -> ValueEnd {
        var depth = 0
        var index = opening
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                guard let end = stringEnd(bytes, openingQuote: index) else { return .incomplete }
                index = end
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return .complete(index + 1) }
            default:
                break
            }
            index += 1
        }
        return .incomplete
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
