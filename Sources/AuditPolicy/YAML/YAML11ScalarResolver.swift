/// Resolves YAML scalars the way kube-apiserver sees them: YAML 1.1 as implemented by go-yaml v2.
///
/// kube-apiserver reads an audit policy with `sigs.k8s.io/yaml` `YAMLToJSON`, which decodes the
/// YAML into `interface{}` with go-yaml v2 (`gopkg.in/yaml.v2` 2.4.0; current sigs.k8s.io/yaml
/// uses its continuation `go.yaml.in/yaml/v2` 2.4.2, whose `resolve.go` and `decode.go` are
/// identical) and then marshals the result as JSON. The rules below follow
/// `gopkg.in/yaml.v2 resolve.go, resolve()` and `decode.go, (*decoder).scalar()`, checked
/// against that code compiled with Go's `strconv` (cases pinned in `YAMLLoaderTests`):
///
/// - A scalar with neither a tag nor plain style (quoted, literal, folded) is a string.
/// - An untagged plain scalar is resolved by its first byte:
///   - `""`, `~`, `null`, `Null`, `NULL` are null;
///   - `y Y yes Yes YES true True TRUE on On ON` are true and
///     `n N no No NO false False FALSE off Off OFF` are false;
///   - `.inf .Inf .INF +.inf +.Inf +.INF` are +infinity, `-.inf -.Inf -.INF` -infinity and
///     `.nan .NaN .NAN` NaN;
///   - any other text starting with `.` is a float if Go's `strconv.ParseFloat` accepts all of it
///     (`.5`, `.5e3`, `.5_5` with Go's digit-separator rules), else a string;
///   - text starting with a digit, `+` or `-` has every `_` removed and is then an int if Go's
///     `strconv.ParseInt(s, 0, 64)` accepts it (decimal, `0x`/`0X`, `0o`/`0O`, `0b`/`0B`, and a
///     leading `0` meaning octal, so `0777` is 511, with an optional sign), else an int if
///     `strconv.ParseUint(s, 0, 64)` accepts it (up to 18446744073709551615), else a float if it
///     matches `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` and does not overflow
///     (so `09` is the float 9, and an integer too large for 64 bits becomes a float), else a string
///     (`1e400`, `0x1_0000_0000_0000_0000`, `190:20:30`: go-yaml v2 has no sexagesimal numbers);
///   - everything else is a string.
/// - Timestamps: go-yaml v2 recognises plain `2001-12-14`, `2001-12-14 21:59:43.10` and RFC 3339
///   forms as `!!timestamp`, but `(*decoder).scalar()` stores a timestamp decoded into
///   `interface{}` as its original string ("for backward compatibility"), so `YAMLToJSON` writes
///   it as a JSON string. They are therefore `.string` here.
/// - An explicit tag is resolved like go-yaml v2 does, whatever the style: `!!str` (and `!!binary`,
///   whose base64 must be valid) always gives a string; `!!null`, `!!bool`, `!!int`, `!!float`,
///   `!!timestamp` resolve the text as above and fail unless it resolves to that type (except
///   that `!!float` accepts an int that fits in Int64); any other tag, the non-specific `!`
///   included, gives a string.
///
/// The payload of `.int` is the value in canonical decimal (`0x1F` gives `"31"`, `+1_000` gives
/// `"1000"`); that of `.float` is the value as Go's `encoding/json` writes it (`1e3` gives
/// `"1000"`, `1e21` gives `"1e+21"`), or `.inf`, `-.inf`, `.nan` for values JSON cannot hold
/// (`YAMLToJSON` fails on those).
enum YAML11ScalarResolver {
    /// Why an explicitly tagged scalar could not be resolved; the message is go-yaml v2's.
    struct Failure: Error {
        var message: String
    }

    static let tagPrefix = "tag:yaml.org,2002:"
    static let strTag = tagPrefix + "str"
    static let intTag = tagPrefix + "int"
    static let floatTag = tagPrefix + "float"
    static let boolTag = tagPrefix + "bool"
    static let nullTag = tagPrefix + "null"
    static let timestampTag = tagPrefix + "timestamp"
    static let binaryTag = tagPrefix + "binary"
    static let mergeTag = tagPrefix + "merge"

    /// Resolves one scalar as `(*decoder).scalar()` does.
    ///
    /// - Parameters:
    ///   - text: the scalar's value after unescaping and folding.
    ///   - tag: the explicit tag in full form, or `nil`.
    ///   - plainImplicit: libyaml's `plain_implicit`: true for an untagged plain scalar and for
    ///     one tagged `!`.
    static func resolve(_ text: String, tag: String?, plainImplicit: Bool) throws(Failure) -> YAMLScalar.Resolved {
        guard let tag else {
            return plainImplicit ? resolvePlain(text) : .string
        }
        return try resolve(text, explicitTag: tag).resolved
    }

    /// `resolve(tag, text)` with its deferred type check, for an explicitly tagged scalar.
    static func resolve(_ text: String, explicitTag tag: String) throws(Failure) -> Value {
        switch tag {
        case strTag:
            return .string
        case binaryTag:
            guard isValidStdBase64(text) else {
                throw Failure(message: "!!binary value contains invalid base64 data")
            }
            return .string
        case nullTag, boolTag, intTag, floatTag, timestampTag:
            let value = classify(text, tryTimestamp: tag == timestampTag)
            if value.tag == tag { return value }
            // `!!float` also takes an `int`/`int64` (not a `uint64`) and converts it.
            if tag == floatTag, case .int(.signed(let signed)) = value {
                return .float(Double(signed))
            }
            throw Failure(message: "cannot decode \(shortTag(value.tag)) `\(text)` as a \(shortTag(tag))")
        default:
            // Not resolvable (`!`, `!foo`, `!!set`, ...): go-yaml v2 keeps the text as a string.
            return .string
        }
    }

    /// Resolves an untagged plain scalar.
    static func resolvePlain(_ text: String) -> YAMLScalar.Resolved {
        classify(text, tryTimestamp: true).resolved
    }

    /// `!!str` → `!!str`, other tags unchanged (go-yaml v2 `shortTag`).
    static func shortTag(_ tag: String) -> String {
        tag.hasPrefix(tagPrefix) ? "!!" + tag.dropFirst(tagPrefix.count) : tag
    }

    // MARK: - Classification

    /// What go-yaml v2's `resolve("", text)` returns, before mapping to `YAMLScalar.Resolved`.
    enum Value: Equatable {
        case null
        case bool(Bool)
        case int(IntValue)
        case float(Double)
        case timestamp
        case string

        var tag: String {
            switch self {
            case .null: nullTag
            case .bool: boolTag
            case .int: intTag
            case .float: floatTag
            case .timestamp: timestampTag
            case .string: strTag
            }
        }

        var resolved: YAMLScalar.Resolved {
            switch self {
            case .null: .null
            case .bool(let value): .bool(value)
            case .int(let value): .int(value.description)
            case .float(let value): .float(GoFloatFormat.jsonNumber(value))
            case .timestamp, .string: .string
            }
        }
    }

    /// An integer as go-yaml v2 returns it: `int` when `ParseInt` accepts it, else `uint64`.
    enum IntValue: Equatable, CustomStringConvertible {
        case signed(Int64)
        case unsigned(UInt64)

        var description: String {
            switch self {
            case .signed(let value): String(value)
            case .unsigned(let value): String(value)
            }
        }
    }

    // gopkg.in/yaml.v2 resolve.go, resolve(): the resolve table (first byte → hint) and map.
    static func classify(_ text: String, tryTimestamp: Bool) -> Value {
        var text = text
        return text.withUTF8 { bytes in classify(bytes, tryTimestamp: tryTimestamp) }
    }

    private static func classify(_ s: UnsafeBufferPointer<UInt8>, tryTimestamp: Bool) -> Value {
        guard let first = s.first else { return .null }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            return lookUpWord(s) ?? .string
        case UInt8(ascii: "."):
            if let special = lookUpWord(s) { return special }
            if let value = parseGoFloat(s) { return .float(value) }
            return .string
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let special = lookUpWord(s) { return special }
            return classifyNumeric(s, tryTimestamp: tryTimestamp)
        default:
            return .string
        }
    }

    /// The words of go-yaml v2's resolve map (booleans, nulls, infinities, NaN).
    private static func lookUpWord(_ s: UnsafeBufferPointer<UInt8>) -> Value? {
        guard s.count <= 6 else { return nil }
        switch String(decoding: s, as: UTF8.self) {
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
            return .bool(true)
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
            return .bool(false)
        case "~", "null", "Null", "NULL":
            return .null
        case ".nan", ".NaN", ".NAN":
            return .float(.nan)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
            return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF":
            return .float(-.infinity)
        default:
            return nil
        }
    }

    /// The `'D', 'S'` branch of `resolve()`: timestamp, int, uint, float, or string.
    private static func classifyNumeric(_ s: UnsafeBufferPointer<UInt8>, tryTimestamp: Bool) -> Value {
        if tryTimestamp, GoTimestamp.matches(s) { return .timestamp }
        // `plain := strings.Replace(in, "_", "", -1)`
        var plain = [UInt8]()
        plain.reserveCapacity(s.count)
        for byte in s where byte != UInt8(ascii: "_") { plain.append(byte) }
        return plain.withUnsafeBufferPointer { plain in
            if let value = parseGoInt64(plain) { return .int(.signed(value)) }
            if let value = parseGoUInt64(plain) { return .int(.unsigned(value)) }
            if matchesYAMLStyleFloat(plain), let value = parseFinite(plain) { return .float(value) }
            // The explicit `0b`/`-0b` branches that follow in resolve() accept nothing that
            // ParseInt with base 0 has not already accepted (Go ≥ 1.13 knows `0b`).
            return .string
        }
    }

    // MARK: - Go strconv, restated

    /// `strconv.ParseUint(s, 0, 64)`: `0x`/`0o`/`0b` prefixes (either case), leading-zero octal,
    /// no sign. `s` has no underscores.
    static func parseGoUInt64(_ s: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !s.isEmpty else { return nil }
        var base: UInt64 = 10
        var index = 0
        if s[0] == UInt8(ascii: "0") {
            if s.count >= 3 {
                switch s[1] | 0x20 {
                case UInt8(ascii: "b"): base = 2; index = 2
                case UInt8(ascii: "o"): base = 8; index = 2
                case UInt8(ascii: "x"): base = 16; index = 2
                default: base = 8; index = 1
                }
            } else {
                base = 8
                index = 1
            }
        }
        var value: UInt64 = 0
        while index < s.count {
            let byte = s[index]
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = UInt64(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = UInt64(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < base else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: base)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return value
    }

    /// `strconv.ParseInt(s, 0, 64)`: an optional sign, then as `parseGoUInt64`, within Int64.
    static func parseGoInt64(_ s: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let first = s.first else { return nil }
        let negative = first == UInt8(ascii: "-")
        let hasSign = negative || first == UInt8(ascii: "+")
        let magnitude = hasSign ? UnsafeBufferPointer(rebasing: s.dropFirst()) : s
        guard let unsigned = parseGoUInt64(magnitude) else { return nil }
        if negative {
            guard unsigned <= UInt64(Int64.max) + 1 else { return nil }
            return unsigned == UInt64(Int64.max) + 1 ? Int64.min : -Int64(unsigned)
        }
        guard unsigned <= UInt64(Int64.max) else { return nil }
        return Int64(unsigned)
    }

    /// go-yaml v2's `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    static func matchesYAMLStyleFloat(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        func isDigit(_ at: Int) -> Bool { at < n && s[at] >= UInt8(ascii: "0") && s[at] <= UInt8(ascii: "9") }
        if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
        if i < n, s[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        } else {
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
            if i < n, s[i] == UInt8(ascii: ".") {
                i += 1
                while isDigit(i) { i += 1 }
            }
        }
        if i < n, s[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        }
        return i == n
    }

    /// `strconv.ParseFloat(s, 64)` for text starting with `.` (the resolve table's `.` hint):
    /// `.` digits (with `_` separators) and an optional exponent; `nil` on syntax error or overflow.
    static func parseGoFloat(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = s.count
        guard n >= 2, s[0] == UInt8(ascii: ".") else { return nil }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var i = 1
        var sawDigit = false
        var underscores = false
        while i < n, isDigit(s[i]) || s[i] == UInt8(ascii: "_") {
            if s[i] == UInt8(ascii: "_") { underscores = true } else { sawDigit = true }
            i += 1
        }
        guard sawDigit else { return nil }
        if i < n, s[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            guard i < n, isDigit(s[i]) else { return nil }
            while i < n, isDigit(s[i]) || s[i] == UInt8(ascii: "_") {
                if s[i] == UInt8(ascii: "_") { underscores = true }
                i += 1
            }
        }
        guard i == n else { return nil }
        if underscores {
            guard underscoresAreSeparators(s) else { return nil }
            let stripped = s.filter { $0 != UInt8(ascii: "_") }
            return stripped.withUnsafeBufferPointer { parseFinite($0) }
        }
        return parseFinite(s)
    }

    /// Go's `underscoreOK` for a decimal number: each `_` sits between two digits.
    private static func underscoresAreSeparators(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        enum Saw { case start, digit, underscore, other }
        var saw = Saw.start
        for byte in s {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                saw = .digit
            } else if byte == UInt8(ascii: "_") {
                guard saw == .digit else { return false }
                saw = .underscore
            } else {
                guard saw != .underscore else { return false }
                saw = .other
            }
        }
        return saw != .underscore
    }

    /// Parses decimal float text already known to be well formed; `nil` when it overflows
    /// (Go reports `ErrRange` there; underflow gives 0 without an error, as here).
    private static func parseFinite(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let value = Double(String(decoding: s, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// Whether `text` decodes with Go's `base64.StdEncoding.DecodeString` (padding required;
    /// `\r` and `\n` ignored).
    static func isValidStdBase64(_ text: String) -> Bool {
        var count = 0
        var padding = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                continue
            case UInt8(ascii: "="):
                padding += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                guard padding == 0 else { return false }
            default:
                return false
            }
            count += 1
        }
        return count % 4 == 0 && padding <= 2
    }
}

/// go-yaml v2's `parseTimestamp` (resolve.go): Go's `time.Parse` with the layouts
/// `2006-1-2T15:4:5.999999999Z07:00`, the same with `t`, `2006-1-2 15:4:5.999999999` and
/// `2006-1-2`. Only an explicit `!!timestamp` tag depends on it: untagged timestamps are strings
/// either way.
enum GoTimestamp {
    static func matches(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var p = Cursor(s: s)
        // Quick check in parseTimestamp: four digits, then '-'.
        guard let year = p.fixedNumber(digits: 4), p.eat(UInt8(ascii: "-")) else { return false }
        guard let month = p.number(), p.eat(UInt8(ascii: "-")), let day = p.number() else { return false }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return false }
        if p.atEnd { return true }
        let separator = p.peek
        if separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") {
            p.index += 1
            return p.clock() && p.zone() && p.atEnd
        }
        if separator == UInt8(ascii: " ") {
            // A space in a Go layout matches one or more spaces.
            while p.peek == UInt8(ascii: " ") { p.index += 1 }
            return p.clock() && p.atEnd
        }
        return false
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private struct Cursor {
        let s: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index >= s.count }
        var peek: UInt8? { index < s.count ? s[index] : nil }

        func isDigit(_ at: Int) -> Bool {
            at < s.count && s[at] >= UInt8(ascii: "0") && s[at] <= UInt8(ascii: "9")
        }

        mutating func eat(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func fixedNumber(digits: Int) -> Int? {
            var value = 0
            for _ in 0..<digits {
                guard isDigit(index) else { return nil }
                value = value * 10 + Int(s[index] - UInt8(ascii: "0"))
                index += 1
            }
            return value
        }

        /// Go's `getnum(s, false)`: one digit, or two when two follow.
        mutating func number() -> Int? {
            guard isDigit(index) else { return nil }
            return fixedNumber(digits: isDigit(index + 1) ? 2 : 1)
        }

        /// `15:4:5` and an optional fraction (`.` or `,` and digits).
        mutating func clock() -> Bool {
            guard let hour = number(), hour < 24, eat(UInt8(ascii: ":")),
                let minute = number(), minute < 60, eat(UInt8(ascii: ":")),
                let second = number(), second < 60
            else { return false }
            if let mark = peek, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ","), isDigit(index + 1) {
                index += 1
                while isDigit(index) { index += 1 }
            }
            return true
        }

        /// `Z07:00`: `Z`, or a sign and `hh:mm` (hours up to 24, minutes up to 60).
        mutating func zone() -> Bool {
            if eat(UInt8(ascii: "Z")) { return true }
            guard let sign = peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return false }
            index += 1
            guard let hours = fixedNumber(digits: 2), hours <= 24, eat(UInt8(ascii: ":")),
                let minutes = fixedNumber(digits: 2), minutes <= 60
            else { return false }
            return true
        }
    }
}
