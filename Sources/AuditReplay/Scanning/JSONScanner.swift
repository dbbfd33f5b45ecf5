import CScan

/// What a string scan found, as bits, so that callers can decide whether the string is already
/// in the form Go's `encoding/json` writes.
struct StringTraits: OptionSet {
    let rawValue: UInt8

    /// The string has at least one backslash escape.
    static let escapes = StringTraits(rawValue: 1 << 0)
    /// The string has bytes outside ASCII.
    static let nonASCII = StringTraits(rawValue: 1 << 1)
    /// The string has a raw `<`, `>`, `&`, U+2028 or U+2029, which Go's encoder always escapes
    /// (`encoding/json`, `appendString` and `appendCompact` with HTML escaping on).
    static let unescapedHTML = StringTraits(rawValue: 1 << 2)
    /// The string has an escape Go's encoder never writes (`\/`, `\u0041`, upper-case hex, ...).
    static let foreignEscape = StringTraits(rawValue: 1 << 3)
}

/// A validating reader of JSON bytes that never allocates.
///
/// It checks the grammar of RFC 8259 (as Go's `encoding/json` scanner does: no trailing commas,
/// no comments, no control characters in strings, numbers in JSON form) and reports whether the
/// bytes are compact, so that callers can copy values verbatim when they are already in the form
/// kube-apiserver's log backend writes.
struct JSONScanner {
    /// Go's decoder refuses documents nested deeper than this (`encoding/json`, `maxNestingDepth`).
    static let maxDepth = 10_000

    let base: UnsafePointer<UInt8>
    let end: Int
    var position: Int = 0
    /// Set when whitespace appears between tokens: the bytes are not compact.
    var sawWhitespace = false
    /// The traits of every string `walkValue` has passed over, keys included.
    var walkedStringTraits: StringTraits = []

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.end = count
    }

    /// The byte at the current position, or 0 at the end (NUL is never valid outside strings).
    @inline(__always)
    func peek() -> UInt8 { position < end ? base[position] : 0 }

    /// Skips whitespace, noting that the bytes are not compact.
    @inline(__always)
    mutating func skipWhitespace() {
        if position < end, base[position] <= 0x20 { skipWhitespaceSlow() }
    }

    private mutating func skipWhitespaceSlow() {
        while position < end {
            switch base[position] {
            case 0x20, 0x0A, 0x0D, 0x09:
                sawWhitespace = true
                position += 1
            default:
                return
            }
        }
    }

    /// Consumes `byte` (after optional whitespace) or fails with `message`.
    @inline(__always)
    mutating func expect(_ byte: UInt8, _ message: @autoclosure () -> String) throws(EventScanFailure) {
        skipWhitespace()
        guard position < end, base[position] == byte else {
            throw failure(position < end ? message() : "unexpected end of input")
        }
        position += 1
    }

    /// A syntax failure at the current position.
    func failure(_ message: String) -> EventScanFailure {
        .syntax(message, at: position)
    }

    // MARK: - Literals and numbers

    /// Scans `true`, `false` or `null` at the current position.
    mutating func scanLiteral() throws(EventScanFailure) {
        let word: StaticString
        switch peek() {
        case UInt8(ascii: "t"): word = "true"
        case UInt8(ascii: "f"): word = "false"
        case UInt8(ascii: "n"): word = "null"
        default: throw failure("invalid character")
        }
        let count = word.utf8CodeUnitCount
        guard end - position >= count else { throw failure("invalid literal") }
        let literal = word.utf8Start
        for offset in 0..<count where base[position + offset] != literal[offset] {
            throw .syntax("invalid literal", at: position + offset)
        }
        position += count
    }

    /// Whether the bytes at the current position are the literal `null`.
    @inline(__always)
    func atNull() -> Bool {
        end - position >= 4 && base[position] == UInt8(ascii: "n") && base[position + 1] == UInt8(ascii: "u")
            && base[position + 2] == UInt8(ascii: "l") && base[position + 3] == UInt8(ascii: "l")
    }

    /// Scans a JSON number; returns its span.
    mutating func scanNumber() throws(EventScanFailure) -> ByteSpan {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        let first = peek()
        if first == UInt8(ascii: "0") {
            position += 1
        } else if first >= UInt8(ascii: "1") && first <= UInt8(ascii: "9") {
            position += 1
            skipDigits()
        } else {
            throw failure("invalid number")
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard isDigit(peek()) else { throw failure("invalid number: a digit must follow the decimal point") }
            skipDigits()
        }
        if peek() | 0x20 == UInt8(ascii: "e") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard isDigit(peek()) else { throw failure("invalid number: a digit must follow the exponent") }
            skipDigits()
        }
        return ByteSpan(start: start, end: position)
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    private mutating func skipDigits() {
        while position < end, isDigit(base[position]) { position += 1 }
    }

    // MARK: - Strings

    /// Scans a string whose opening quote is at the current position; returns its traits.
    /// Afterwards the position is just past the closing quote.
    ///
    /// `cscan_plain_run` (SSE2, sixteen bytes at a time) passes over the bytes that need no
    /// attention and stops at the first quote, backslash, control character, `<`, `>`, `&` or byte
    /// outside ASCII, which is then handled here.
    @inline(__always)
    mutating func scanString() throws(EventScanFailure) -> StringTraits {
        position += 1
        position += cscan_plain_run(base + position, end - position)
        // Most strings need nothing more: a plain run up to the closing quote.
        if position < end, base[position] == UInt8(ascii: "\"") {
            position += 1
            return []
        }
        return try scanStringRest()
    }

    /// The rest of `scanString` from the first byte the plain run stopped at.
    private mutating func scanStringRest() throws(EventScanFailure) -> StringTraits {
        var traits: StringTraits = []
        while true {
            position += cscan_plain_run(base + position, end - position)
            guard position < end else { throw failure("unterminated string") }
            let byte = base[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return traits
            case UInt8(ascii: "\\"):
                traits.insert(.escapes)
                try scanEscape(&traits)
            case 0..<0x20:
                throw failure("control character in string")
            case 0x80...:
                traits.insert(.nonASCII)
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                if byte == 0xE2, end - position >= 3, base[position + 1] == 0x80, base[position + 2] & 0xFE == 0xA8 {
                    traits.insert(.unescapedHTML)
                }
                position += 1
            default:
                // `<`, `>` or `&`, the only other bytes the run stops at.
                traits.insert(.unescapedHTML)
                position += 1
            }
        }
    }

    /// Scans one escape sequence starting at the backslash.
    private mutating func scanEscape(_ traits: inout StringTraits) throws(EventScanFailure) {
        guard end - position >= 2 else { throw failure("unterminated string") }
        switch base[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "/"):
            traits.insert(.foreignEscape)
            position += 2
        case UInt8(ascii: "u"):
            guard end - position >= 6 else { throw failure("unterminated string") }
            var value: UInt32 = 0
            var upperCase = false
            for offset in 2..<6 {
                let digit = base[position + offset]
                switch digit {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt32(digit - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt32(digit - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"):
                    value = value << 4 | UInt32(digit - UInt8(ascii: "A") + 10)
                    upperCase = true
                default:
                    throw .syntax("invalid \\u escape", at: position + offset)
                }
            }
            if upperCase || !Self.goWritesUnicodeEscape(value) { traits.insert(.foreignEscape) }
            position += 6
        default:
            throw .syntax("invalid escape", at: position + 1)
        }
    }

    /// Whether Go's encoder writes the code point as `\uXXXX`: control characters without a short
    /// form, `<`, `>`, `&`, U+2028, U+2029, and U+FFFD for each byte of invalid UTF-8.
    /// Upstream: Go `encoding/json`, `appendString` (Go 1.22 and later write `\b` and `\f` short).
    static func goWritesUnicodeEscape(_ value: UInt32) -> Bool {
        switch value {
        case 0x08, 0x09, 0x0A, 0x0C, 0x0D: false
        case 0x00..<0x20, 0x3C, 0x3E, 0x26, 0x2028, 0x2029, 0xFFFD: true
        default: false
        }
    }
}
