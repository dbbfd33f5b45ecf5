/// Makes text that came from a policy, an event or any other input safe to print on a terminal
/// or into a CI log.
///
/// Control characters (C0, DEL and C1, which includes the single-byte CSI U+009B), format
/// characters (the bidirectional overrides and isolates such as U+202E, zero-width characters)
/// and the line and paragraph separators are written as Go's `strconv.Quote` writes them:
/// `\n`, `\t`, `\x1b`, `\u202e`. Everything else, including printable non-ASCII text, is kept.
/// A string without such characters is returned unchanged, without copying.
///
/// Only human-readable outputs use it: JSON, SARIF, JUnit and HTML have their own escaping.
public enum TerminalEscaping {
    /// `text` with every unsafe character escaped.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `text` holds a character that `escaped(_:)` would rewrite.
    public static func needsEscaping(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isUnsafe)
    }

    /// Whether a scalar must not reach a terminal raw.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
        if scalar.isASCII { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate:
            return true
        default:
            return false
        }
    }

    /// Go's `strconv.Quote` spelling of one scalar (utf8.go/quote.go `appendEscapedRune`).
    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\u{07}": return "\\a"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{0B}": return "\\v"
        default: break
        }
        let value = scalar.value
        if value < 0x80 { return "\\x" + hex(value, digits: 2) }
        if value < 0x10000 { return "\\u" + hex(value, digits: 4) }
        return "\\U" + hex(value, digits: 8)
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
