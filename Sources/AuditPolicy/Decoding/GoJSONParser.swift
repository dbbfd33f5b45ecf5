/// Parses a policy file that kube-apiserver reads as JSON, with Go's `encoding/json` rules.
///
/// Upstream: `k8s.io/apimachinery/pkg/runtime/serializer/recognizer` hands a file whose first
/// non-space character is `{` (`utilyaml.IsJSONBuffer`) to the JSON serializer, which never
/// converts YAML: flow-style YAML such as `{apiVersion: audit.k8s.io/v1}` is invalid JSON there.
/// The first step that reads the bytes is `SimpleMetaFactory.Interpret` (`json.Unmarshal`), so a
/// syntax error is reported as Go's scanner (`encoding/json/scanner.go`) words it, for the first
/// byte it refuses. Strings are unquoted as `encoding/json` does (`unquoteBytes`): each invalid
/// UTF-8 byte and each unpaired surrogate escape becomes U+FFFD.
struct GoJSONParser {
    /// A syntax error, worded as Go's `SyntaxError.Error()`.
    struct SyntaxError: Error {
        var message: String
        var location: SourceLocation
    }

    private let bytes: [UInt8]
    private var index = 0
    private var lineNumber = 1
    private var lineStart = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether kube-apiserver reads `bytes` as JSON: the first character that is not a Unicode
    /// space (Go's `unicode.IsSpace`, as `bytes.TrimLeftFunc` decodes it) is `{`.
    static func isJSONBuffer(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let (scalar, length) = decodeScalar(bytes, at: index)
            guard let scalar, isGoSpace(scalar) else { return scalar == "{" }
            index += length
        }
        return false
    }

    /// Parses the whole input: one value and nothing but JSON whitespace after it.
    mutating func parse() throws(SyntaxError) -> GoJSONNode {
        skipSpace()
        let value = try parseValue(context: "looking for beginning of value")
        skipSpace()
        if index < bytes.count { throw invalid("after top-level value") }
        return value
    }

    // MARK: - Values

    private mutating func parseValue(context: String) throws(SyntaxError) -> GoJSONNode {
        let location = currentLocation
        guard index < bytes.count else { throw endOfInput() }
        let value: GoJSONValue
        switch bytes[index] {
        case UInt8(ascii: "{"): value = try parseObject()
        case UInt8(ascii: "["): value = try parseArray()
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try parseNumber())
        case UInt8(ascii: "t"):
            try parseLiteral("true")
            value = .bool(true)
        case UInt8(ascii: "f"):
            try parseLiteral("false")
            value = .bool(false)
        case UInt8(ascii: "n"):
            try parseLiteral("null")
            value = .null
        default:
            throw invalid(context)
        }
        return GoJSONNode(value, at: location, end: currentLocation)
    }

    private mutating func parseObject() throws(SyntaxError) -> GoJSONValue {
        index += 1  // {
        var members: [GoJSONMember] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            guard index < bytes.count else { throw endOfInput() }
            guard bytes[index] == UInt8(ascii: "\"") else { throw invalid("looking for beginning of object key string") }
            let keyLocation = currentLocation
            let key = try parseString()
            skipSpace()
            guard index < bytes.count else { throw endOfInput() }
            guard bytes[index] == UInt8(ascii: ":") else { throw invalid("after object key") }
            index += 1
            skipSpace()
            let value = try parseValue(context: "looking for beginning of value")
            members.append(GoJSONMember(key: key, keyLocation: keyLocation, value: value))
            skipSpace()
            guard index < bytes.count else { throw endOfInput() }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                skipSpace()
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default:
                throw invalid("after object key:value pair")
            }
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> GoJSONValue {
        index += 1  // [
        var elements: [GoJSONNode] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue(context: "looking for beginning of value"))
            skipSpace()
            guard index < bytes.count else { throw endOfInput() }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                skipSpace()
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default:
                throw invalid("after array element")
            }
        }
    }

    /// Scans a string as Go's scanner does, then unquotes it as `unquoteBytes` does.
    private mutating func parseString() throws(SyntaxError) -> String {
        index += 1  // "
        let start = index
        while true {
            guard index < bytes.count else { throw endOfInput() }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw invalid("in string literal") }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { throw endOfInput() }
                switch bytes[index] {
                case UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
                     UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "\""):
                    index += 1
                case UInt8(ascii: "u"):
                    index += 1
                    for _ in 0..<4 {
                        guard index < bytes.count else { throw endOfInput() }
                        guard Self.hexValue(bytes[index]) != nil else { throw invalid("in \\u hexadecimal character escape") }
                        index += 1
                    }
                default:
                    throw invalid("in string escape code")
                }
                continue
            }
            if byte == UInt8(ascii: "\n") { newLine(at: index) }
            index += 1
        }
        let text = Self.unquote(bytes[start..<index])
        index += 1  // closing "
        return text
    }

    private mutating func parseNumber() throws(SyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            guard index < bytes.count else { throw endOfInput() }
            guard Self.isDigit(bytes[index]) else { throw invalid("in numeric literal") }
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count else { throw endOfInput() }
            guard Self.isDigit(bytes[index]) else { throw invalid("after decimal point in numeric literal") }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            guard index < bytes.count else { throw endOfInput() }
            if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
                guard index < bytes.count else { throw endOfInput() }
            }
            guard Self.isDigit(bytes[index]) else { throw invalid("in exponent of numeric literal") }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func parseLiteral(_ literal: StaticString) throws(SyntaxError) {
        let expected = literal.withUTF8Buffer { Array($0) }
        index += 1
        for byte in expected.dropFirst() {
            guard index < bytes.count else { throw endOfInput() }
            guard bytes[index] == byte else {
                throw invalid("in literal \(literal) (expecting '\(Character(Unicode.Scalar(byte)))')")
            }
            index += 1
        }
    }

    // MARK: - Helpers

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            case UInt8(ascii: "\n"):
                newLine(at: index)
                index += 1
            default: return
            }
        }
    }

    private mutating func newLine(at offset: Int) {
        lineNumber += 1
        lineStart = offset + 1
    }

    /// The location of `index`. Columns count Unicode scalars (every byte that does not continue a
    /// UTF-8 sequence), counted on from the last location asked for on the same line, so that a
    /// long single-line document stays linear.
    private var currentLocation: SourceLocation {
        mutating get {
            if columnAnchor.offset < lineStart || columnAnchor.offset > index {
                columnAnchor = (lineStart, 1)
            }
            var (offset, column) = columnAnchor
            while offset < min(index, bytes.count) {
                if bytes[offset] & 0xC0 != 0x80 { column += 1 }
                offset += 1
            }
            columnAnchor = (offset, column)
            return SourceLocation(line: lineNumber, column: column)
        }
    }

    private var columnAnchor: (offset: Int, column: Int) = (0, 1)

    private mutating func invalid(_ context: String) -> SyntaxError {
        SyntaxError(message: "invalid character \(Self.quoteChar(bytes[index])) \(context)", location: currentLocation)
    }

    private mutating func endOfInput() -> SyntaxError {
        SyntaxError(message: "unexpected end of JSON input", location: currentLocation)
    }

    /// Go's `quoteChar`: the byte as a rune (so 0xC3 is `Ã`), quoted with `strconv.Quote` rules
    /// between single quotes.
    static func quoteChar(_ byte: UInt8) -> String {
        if byte == UInt8(ascii: "'") { return "'\\''" }
        if byte == UInt8(ascii: "\"") { return "'\"'" }
        let quoted = GoValueRendering.quoted(String(Character(Unicode.Scalar(byte))))
        return "'" + quoted.dropFirst().dropLast() + "'"
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// `encoding/json` `unquoteBytes` on the already-validated inside of a string.
    private static func unquote(_ raw: ArraySlice<UInt8>) -> String {
        var decoded: [UInt8] = []
        raw.withUnsafeBytes { try? GoJSONString.unescape($0, appendingTo: &decoded) }
        return String(decoding: decoded, as: UTF8.self)
    }
}

/// Decodes one UTF-8 scalar as Go's `utf8.DecodeRune` does: `nil` with length 1 for an invalid
/// or truncated sequence (so each bad byte counts once).
func decodeScalar<C: RandomAccessCollection>(_ bytes: C, at index: C.Index) -> (Unicode.Scalar?, Int) where C.Element == UInt8, C.Index == Int {
    let first = bytes[index]
    if first < 0x80 { return (Unicode.Scalar(first), 1) }
    let length: Int
    let minimum: UInt32
    var value: UInt32
    switch first {
    case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(first & 0x1F))
    case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(first & 0x0F))
    case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, UInt32(first & 0x07))
    default: return (nil, 1)
    }
    guard index + length <= bytes.endIndex else { return (nil, 1) }
    for offset in 1..<length {
        let byte = bytes[index + offset]
        guard byte & 0xC0 == 0x80 else { return (nil, 1) }
        value = value << 6 | UInt32(byte & 0x3F)
    }
    guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value), let scalar = Unicode.Scalar(value) else { return (nil, 1) }
    return (scalar, length)
}

/// Go's `unicode.IsSpace`.
func isGoSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
}
