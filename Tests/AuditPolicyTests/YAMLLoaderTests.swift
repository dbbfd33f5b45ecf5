import Testing

@testable import AuditPolicy

// Tests for YAMLLoader: marks, YAML 1.1 resolution as go-yaml v2 does it, tags, anchors and
// merges, limits, errors with exact positions, encodings and multi-document streams.
//
// Expected resolutions were checked against gopkg.in/yaml.v2 2.4.0's resolve() compiled with Go
// (the same resolve.go as go.yaml.in/yaml/v2 2.4.2, which sigs.k8s.io/yaml uses); floats are
// written as Go's encoding/json writes them.

// MARK: - Helpers

private func load(_ text: String, limits: YAMLLoader.Limits = .default) throws(YAMLError) -> YAMLDocument {
    try YAMLLoader(limits: limits).loadFirstDocument(Array(text.utf8))
}

private func loadError(_ bytes: [UInt8], limits: YAMLLoader.Limits = .default) -> YAMLError? {
    do {
        _ = try YAMLLoader(limits: limits).loadFirstDocument(bytes)
        return nil
    } catch {
        return error
    }
}

private func loadError(_ text: String, limits: YAMLLoader.Limits = .default) -> YAMLError? {
    loadError(Array(text.utf8), limits: limits)
}

private func at(_ line: Int, _ column: Int) -> AuditPolicy.SourceLocation {
    AuditPolicy.SourceLocation(line: line, column: column)
}

extension YAMLNode {
    fileprivate var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    fileprivate var items: [YAMLNode] {
        if case .sequence(let items) = content { return items }
        return []
    }

    fileprivate var pairs: [YAMLPair] {
        if case .mapping(let pairs) = content { return pairs }
        return []
    }

    fileprivate var isMapping: Bool {
        if case .mapping = content { return true }
        return false
    }

    /// The value of the last pair whose key's text is `key` (the one go-yaml v2 keeps).
    fileprivate subscript(key: String) -> YAMLNode? {
        pairs.last { $0.key.scalar?.text == key }?.value
    }

    fileprivate var text: String? { scalar?.text }
    fileprivate var resolved: YAMLScalar.Resolved? { scalar?.resolved }
    fileprivate var span: String { "\(start)-\(end)" }
}

// MARK: - Resolution

@Suite("YAMLLoader: YAML 1.1 scalar resolution (go-yaml v2)")
struct YAMLLoaderResolutionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var expected: YAMLScalar.Resolved
        var pins: String
        init(_ text: String, _ expected: YAMLScalar.Resolved, _ pins: String) {
            self.text = text
            self.expected = expected
            self.pins = pins
        }
        var testDescription: String { "\(text.debugDescription) → \(expected): \(pins)" }
    }

    static let nulls: [Case] = [
        Case("", .null, "an empty plain scalar is null"),
        Case("~", .null, "tilde is null"),
        Case("null", .null, "lowercase null"),
        Case("Null", .null, "capitalized null"),
        Case("NULL", .null, "uppercase null"),
        Case("nULL", .string, "other casings are strings"),
    ]

    static let bools: [Case] =
        ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"].map {
            Case($0, .bool(true), "YAML 1.1 true word")
        }
        + ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"].map {
            Case($0, .bool(false), "YAML 1.1 false word")
        } + [
            Case("yEs", .string, "mixed case is not a bool"),
            Case("TrUe", .string, "mixed case is not a bool"),
            Case("oN", .string, "mixed case is not a bool"),
        ]

    static let ints: [Case] = [
        Case("0", .int("0"), "zero"),
        Case("12", .int("12"), "decimal"),
        Case("-12", .int("-12"), "negative decimal"),
        Case("+12", .int("12"), "a plus sign is dropped from the payload"),
        Case("1_000", .int("1000"), "underscores are removed before parsing"),
        Case("1__", .int("1"), "every underscore is removed, wherever it is"),
        Case("_1", .string, "a leading underscore is not a number start"),
        Case("0x1F", .int("31"), "hex; payload is canonical decimal"),
        Case("0X1f", .int("31"), "hex prefix and digits in either case"),
        Case("0x_1F", .int("31"), "underscore after the hex prefix"),
        Case("+0x1F", .int("31"), "signed hex"),
        Case("-0x1F", .int("-31"), "negative hex"),
        Case("0o17", .int("15"), "Go's 0o octal prefix is accepted (strconv base 0)"),
        Case("0O17", .int("15"), "0O octal prefix"),
        Case("0777", .int("511"), "leading-zero octal"),
        Case("0b1010", .int("10"), "binary"),
        Case("0B1010", .int("10"), "binary, uppercase prefix"),
        Case("-0b11", .int("-3"), "negative binary"),
        Case("9223372036854775807", .int("9223372036854775807"), "Int64.max"),
        Case("-9223372036854775808", .int("-9223372036854775808"), "Int64.min"),
        Case("9223372036854775808", .int("9223372036854775808"), "above Int64: uint64"),
        Case("18446744073709551615", .int("18446744073709551615"), "UInt64.max"),
    ]

    static let floats: [Case] = [
        Case("1.5", .float("1.5"), "decimal float"),
        Case("+1.5", .float("1.5"), "signed float"),
        Case("-1.5", .float("-1.5"), "negative float"),
        Case("1.", .float("1"), "trailing dot; JSON form has none"),
        Case("1e3", .float("1000"), "exponent without a dot is a float"),
        Case("1E3", .float("1000"), "uppercase exponent"),
        Case("1.e3", .float("1000"), "dot then exponent"),
        Case("1_000.5", .float("1000.5"), "underscores removed in floats too"),
        Case(".5", .float("0.5"), "leading dot"),
        Case(".5_5", .float("0.55"), "'.' hint: Go ParseFloat accepts digit separators"),
        Case("09", .float("9"), "invalid octal falls back to a decimal float"),
        Case("08", .float("8"), "invalid octal falls back to a decimal float"),
        Case("1e21", .float("1e+21"), "JSON switches to exponent form at 1e21"),
        Case("1e-7", .float("1e-7"), "JSON exponent form below 1e-6, e-07 trimmed"),
        Case("0.000001", .float("0.000001"), "1e-6 still in plain form"),
        Case("-0.0", .float("-0"), "negative zero"),
        Case("1e-400", .float("0"), "underflow is zero, not an error"),
        Case("-9223372036854775809", .float("-9223372036854776000"), "below Int64.min: float"),
        Case("18446744073709551616", .float("18446744073709552000"), "above UInt64.max: float"),
        Case("3.14159265358979323846", .float("3.141592653589793"), "shortest round-trip digits"),
        Case(".inf", .float(".inf"), "infinity"),
        Case(".Inf", .float(".inf"), "infinity, capitalized"),
        Case("+.INF", .float(".inf"), "signed infinity"),
        Case("-.Inf", .float("-.inf"), "negative infinity"),
        Case(".nan", .float(".nan"), "NaN"),
        Case(".NaN", .float(".nan"), "NaN, mixed case form"),
        Case(".NAN", .float(".nan"), "NaN, uppercase"),
    ]

    static let strings: [Case] = [
        Case("1e400", .string, "float overflow is a string"),
        Case(".1e400", .string, "'.' hint overflow is a string"),
        Case("0x10000000000000000", .string, "hex beyond 64 bits is a string (no big ints in v2)"),
        Case("190:20:30", .string, "no sexagesimal numbers in go-yaml v2"),
        Case("1:20", .string, "no sexagesimal numbers in go-yaml v2"),
        Case("0x", .string, "prefix without digits"),
        Case("0b2", .string, "invalid binary digit"),
        Case("0o8", .string, "invalid octal digit"),
        Case("._5", .string, "underscore must follow a digit"),
        Case(".5_", .string, "underscore must be followed by a digit"),
        Case("+.nan", .string, "NaN takes no sign"),
        Case(".iNf", .string, "infinity only in three casings"),
        Case(".", .string, "a lone dot"),
        Case("+", .string, "a lone sign"),
        Case("-", .string, "a lone sign"),
        Case("1,000", .string, "comma is not a separator"),
        Case("2001-12-14", .string, "timestamps decode to their string in interface{}"),
        Case("2001-12-14T21:59:43.10-05:00", .string, "RFC 3339 timestamps too"),
        Case("<<", .string, "the merge key resolves to a string"),
        Case("get", .string, "an ordinary word"),
    ]

    @Test("plain scalars resolve like go-yaml v2", arguments: nulls + bools + ints + floats + strings)
    func plain(_ c: Case) {
        #expect(YAML11ScalarResolver.resolvePlain(c.text) == c.expected)
    }

    @Test(
        "the loader resolves plain scalars in a document",
        arguments: [
            ("v: yes", YAMLScalar.Resolved.bool(true)),
            ("v:", .null),
            ("v: 0x1F", .int("31")),
            ("v: 1e3", .float("1000")),
            ("v: -.inf", .float("-.inf")),
            ("v: 2001-12-14", .string),
            ("v: plain text", .string),
        ])
    func inDocument(_ source: String, _ expected: YAMLScalar.Resolved) throws {
        let root = try #require(try load(source).root)
        #expect(root["v"]?.resolved == expected)
    }

    @Test(
        "quoted and block scalars are strings whatever their text",
        arguments: [
            ("v: yes", YAMLScalar.Style.plain, YAMLScalar.Resolved.bool(true), "yes"),
            ("v: 'yes'", .singleQuoted, .string, "yes"),
            ("v: \"yes\"", .doubleQuoted, .string, "yes"),
            ("v: \"123\"", .doubleQuoted, .string, "123"),
            ("v: '~'", .singleQuoted, .string, "~"),
            ("v: |\n  yes\n", .literal, .string, "yes\n"),
            ("v: >-\n  12\n", .folded, .string, "12"),
            ("v: \"a\\tb\"", .doubleQuoted, .string, "a\tb"),
        ])
    func styles(_ source: String, _ style: YAMLScalar.Style, _ expected: YAMLScalar.Resolved, _ text: String) throws {
        let value = try #require(try load(source).root?["v"]?.scalar)
        #expect(value.style == style)
        #expect(value.resolved == expected)
        #expect(value.text == text)
    }

    @Test("Go float formatting of JSON numbers")
    func goFloatFormat() {
        #expect(GoFloatFormat.jsonNumber(1000) == "1000")
        #expect(GoFloatFormat.jsonNumber(0.1) == "0.1")
        #expect(GoFloatFormat.jsonNumber(1e20) == "100000000000000000000")
        #expect(GoFloatFormat.jsonNumber(1e21) == "1e+21")
        #expect(GoFloatFormat.jsonNumber(1.5e300) == "1.5e+300")
        #expect(GoFloatFormat.jsonNumber(1e-7) == "1e-7")
        #expect(GoFloatFormat.jsonNumber(1.25e-10) == "1.25e-10")
        #expect(GoFloatFormat.jsonNumber(.leastNonzeroMagnitude) == "5e-324")
        #expect(GoFloatFormat.jsonNumber(-0.0) == "-0")
        #expect(GoFloatFormat.jsonNumber(.infinity) == ".inf")
        #expect(GoFloatFormat.jsonNumber(.nan) == ".nan")
    }
}

// MARK: - Tags

@Suite("YAMLLoader: explicit tags")
struct YAMLLoaderTagTests {
    static let str = "tag:yaml.org,2002:str"
    static let int = "tag:yaml.org,2002:int"

    @Test(
        "explicit tags are kept in full form and resolved per tag, as go-yaml v2 does",
        arguments: [
            ("v: !!str yes", "tag:yaml.org,2002:str", YAMLScalar.Resolved.string, "!!str wins over the bool word"),
            ("v: !!str 123", "tag:yaml.org,2002:str", .string, "!!str wins over the int"),
            ("v: !!int \"123\"", "tag:yaml.org,2002:int", .int("123"), "a tag resolves quoted text too"),
            ("v: !!int 0x1F", "tag:yaml.org,2002:int", .int("31"), "!!int with hex"),
            ("v: !!float 1", "tag:yaml.org,2002:float", .float("1"), "!!float converts an int"),
            ("v: !!float '1.5'", "tag:yaml.org,2002:float", .float("1.5"), "!!float on a quoted float"),
            ("v: !!bool \"yes\"", "tag:yaml.org,2002:bool", .bool(true), "!!bool on a quoted yes"),
            ("v: !!null ''", "tag:yaml.org,2002:null", .null, "!!null on an empty string"),
            ("v: !!timestamp 2001-12-14", "tag:yaml.org,2002:timestamp", .string, "timestamps stay strings"),
            ("v: !!binary aGVsbG8=", "tag:yaml.org,2002:binary", .string, "valid base64 is kept as written"),
            ("v: ! 123", "!", .string, "the non-specific tag makes a string"),
            ("v: !custom 12", "!custom", .string, "unknown tags make strings"),
            ("v: !<tag:yaml.org,2002:int> 12", "tag:yaml.org,2002:int", .int("12"), "verbatim tags"),
        ])
    func tagged(_ source: String, _ tag: String, _ expected: YAMLScalar.Resolved, _ pins: String) throws {
        let value = try #require(try load(source).root?["v"])
        #expect(value.tag == tag, "\(pins)")
        #expect(value.resolved == expected, "\(pins)")
    }

    @Test(
        "a tag that does not fit its text fails like go-yaml v2",
        arguments: [
            ("v: !!int abc", "cannot decode !!str `abc` as a !!int", at(1, 4)),
            ("v: !!float 18446744073709551615", "cannot decode !!int `18446744073709551615` as a !!float", at(1, 4)),
            ("v: !!bool 1", "cannot decode !!int `1` as a !!bool", at(1, 4)),
            ("v: !!null x", "cannot decode !!str `x` as a !!null", at(1, 4)),
            ("v: !!timestamp 2001-02-29", "cannot decode !!str `2001-02-29` as a !!timestamp", at(1, 4)),
            ("a: 1\nv: !!binary \"not base64!\"", "!!binary value contains invalid base64 data", at(2, 4)),
        ])
    func mismatch(_ source: String, _ message: String, _ location: AuditPolicy.SourceLocation) {
        #expect(loadError(source) == YAMLError(message, at: location))
    }

    @Test("collection tags are kept")
    func collectionTags() throws {
        let root = try #require(try load("!!map {a: !!seq [1]}").root)
        #expect(root.tag == "tag:yaml.org,2002:map")
        #expect(root["a"]?.tag == "tag:yaml.org,2002:seq")
        #expect(root.pairs.first?.key.tag == nil)
    }
}

// MARK: - Marks

@Suite("YAMLLoader: source locations")
struct YAMLLoaderMarkTests {
    @Test("block and flow nodes carry 1-based start and exclusive end")
    func blockAndFlow() throws {
        let source = """
            a: 1
            bb:
              - x
              - "y"
            c: {d: [1, 2]}

            """
        let root = try #require(try load(source).root)
        // Block mapping: from its first key to the end of its last value (not the next token).
        #expect(root.span == "1:1-5:15")
        #expect(root.pairs[0].key.span == "1:1-1:2")
        #expect(root.pairs[0].value.span == "1:4-1:5")
        #expect(root.pairs[1].key.span == "2:1-2:3")
        // Block sequence: from its first `-` to the end of its last item; quotes included.
        let list = try #require(root["bb"])
        #expect(list.span == "3:3-4:8")
        #expect(list.items.map(\.span) == ["3:5-3:6", "4:5-4:8"])
        // Flow collections: bracket to bracket, end after the closing bracket.
        let flow = try #require(root["c"])
        #expect(flow.span == "5:4-5:15")
        #expect(flow["d"]?.span == "5:8-5:14")
        #expect(flow["d"]?.items.map(\.span) == ["5:9-5:10", "5:12-5:13"])
    }

    @Test("multi-line scalars span their lines")
    func multiLine() throws {
        let source = "k: |\n  line1\n  line2\nn: plain\n  continued\nq: \"two\n  lines\"\n"
        let root = try #require(try load(source).root)
        // A literal block scalar starts at its indicator and ends where its last line break ends.
        #expect(root["k"]?.span == "1:4-4:1")
        #expect(root["k"]?.text == "line1\nline2\n")
        // A folded plain scalar ends after its last character.
        #expect(root.pairs[1].value.span == "4:4-5:12")
        #expect(root.pairs[1].value.text == "plain continued")
        #expect(root["q"]?.span == "6:4-7:9")
        #expect(root["q"]?.text == "two lines")
    }

    @Test(
        "columns count characters, not bytes; BOM and CRLF as libyaml counts them",
        arguments: [
            ("é: ü", "1:4-1:5", "two-byte characters take one column"),
            ("😀: x", "1:4-1:5", "four-byte characters take one column"),
            ("\u{FEFF}a: x", "1:4-1:5", "a leading byte order mark takes no column"),
            ("z: 0\r\na: x", "2:4-2:5", "CRLF is one line break"),
            ("z: 0\ra: x", "2:4-2:5", "a lone CR is a line break"),
        ])
    func columns(_ source: String, _ span: String, _ pins: String) throws {
        let root = try #require(try load(source).root)
        #expect(root.pairs.last?.value.span == span, "\(pins)")
    }

    @Test("a node with an anchor or tag starts at the anchor or tag")
    func properties() throws {
        let root = try #require(try load("- &a 1\n- !!str 2").root)
        #expect(root.items.map(\.span) == ["1:3-1:7", "2:3-2:10"])
    }
}

// MARK: - Anchors, aliases, merges

@Suite("YAMLLoader: anchors, aliases and merge keys")
struct YAMLLoaderAliasTests {
    @Test("an alias is a copy of its anchored node, with the anchor's marks")
    func aliasCopies() throws {
        let root = try #require(try load("base: &b {x: 1}\nuse: *b\nlist: [&v one, *v, *v]").root)
        let use = try #require(root["use"])
        #expect(use["x"]?.resolved == .int("1"))
        #expect(use.span == "1:7-1:16")
        #expect(root["list"]?.items.map(\.text) == ["one", "one", "one"])
    }

    @Test("an alias refers to the most recent anchor of that name")
    func redefinedAnchor() throws {
        let root = try #require(try load("- &a 1\n- &a 2\n- *a").root)
        #expect(root.items.map(\.text) == ["1", "2", "2"])
        // go-yaml v2 registers an anchor when its node starts, so an inner anchor of the same
        // name, started later, is the one an alias finds.
        let nested = try #require(try load("&a [ &a x, *a ]").root)
        #expect(nested.items.map(\.text) == ["x", "x"])
    }

    @Test(
        "alias errors point at the alias",
        arguments: [
            ("x: *nope", "unknown anchor 'nope' referenced", at(1, 4)),
            ("a: &x [1, *x]", "anchor 'x' value contains itself", at(1, 11)),
            ("a: *x\nb: &x 1", "unknown anchor 'x' referenced", at(1, 4)),
        ])
    func aliasErrors(_ source: String, _ message: String, _ location: AuditPolicy.SourceLocation) {
        #expect(loadError(source) == YAMLError(message, at: location))
    }

    @Test("a merge key splices the named mapping's pairs in place; later pairs win")
    func mergeMapping() throws {
        let root = try #require(try load("base: &base {a: 1, b: 2}\nm:\n  <<: *base\n  b: 3\n").root)
        let m = try #require(root["m"])
        #expect(m.pairs.map(\.key.text) == ["a", "b", "b"])
        #expect(m["b"]?.resolved == .int("3"))
        #expect(m.span == "3:3-4:7")
    }

    @Test("merging a sequence of aliases: earlier mappings take precedence")
    func mergeSequenceOfAliases() throws {
        let source = "x: &x {a: 1}\ny: &y {a: 2, b: 2}\nm: {<<: [*x, *y], c: 3}"
        let m = try #require(try load(source).root?["m"])
        // go-yaml v2 merges from the last mapping to the first, so x's `a` is stored last.
        #expect(m.pairs.map(\.key.text) == ["a", "b", "a", "c"])
        #expect(m["a"]?.resolved == .int("1"))
        #expect(m["b"]?.resolved == .int("2"))
    }

    @Test("keys written before a merge are overridden by it, as in go-yaml v2")
    func mergeOverridesEarlierKeys() throws {
        let m = try #require(try load("{a: 0, <<: {a: 1}}").root)
        #expect(m.pairs.map(\.value.text) == ["0", "1"])
    }

    @Test(
        "merge keys written with a tag",
        arguments: [
            ("{! <<: {a: 1}}", "the non-specific tag keeps a plain << a merge key"),
            ("{!!merge \"<<\": {a: 1}}", "!!merge makes even a quoted << a merge key"),
        ])
    func taggedMerges(_ source: String, _ pins: String) throws {
        let root = try #require(try load(source).root)
        #expect(root.pairs.map(\.key.text) == ["a"], "\(pins)")
    }

    @Test(
        "merge keys that are not merges",
        arguments: [
            ("{\"<<\": {a: 1}}", "a quoted << is an ordinary key"),
            ("{!!str <<: {a: 1}}", "a << tagged !!str is an ordinary key"),
        ])
    func notMerges(_ source: String, _ pins: String) throws {
        let root = try #require(try load(source).root)
        #expect(root.pairs.map(\.key.text) == ["<<"], "\(pins)")
    }

    @Test(
        "a merge value must be a mapping or a literal sequence of mappings",
        arguments: [
            ("m: {<<: 1}", at(1, 9)),
            ("m: {<<: [1]}", at(1, 9)),
            ("s: &s [{a: 1}]\nm: {<<: *s}", at(2, 9)),
            ("m:\n  <<:\n  a: 1", at(2, 6)),
        ])
    func mergeErrors(_ source: String, _ location: AuditPolicy.SourceLocation) {
        #expect(loadError(source) == YAMLError("map merge requires map or sequence of maps as the value", at: location))
    }

    @Test("a billion-laughs document fails fast at the alias that crosses the budget")
    func aliasBomb() {
        let names = Array("abcdefghi")
        var lines = ["a: &a [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ",") + "]"]
        for level in 1..<9 {
            let previous = names[level - 1]
            lines.append(
                "\(names[level]): &\(names[level]) ["
                    + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        let clock = ContinuousClock()
        var error: YAMLError?
        let elapsed = clock.measure { error = loadError(lines.joined(separator: "\n")) }
        // Up to f, 672,610 nodes; g's first *f adds 597,871 more.
        #expect(
            error
                == YAMLError(
                    "document is too large after alias expansion (more than 1000000 nodes; possible alias bomb)",
                    at: at(7, 8)))
        #expect(elapsed < .seconds(5))
    }

    @Test("every use of an alias counts its whole subtree against maxNodes")
    func aliasBudget() throws {
        var limits = YAMLLoader.Limits.default
        limits.maxNodes = 11
        // root 1, key a 1, [1,2,3] 4, key b 1, *a 4 = 11: fits.
        #expect(try load("a: &a [1,2,3]\nb: *a", limits: limits).root != nil)
        // key c 1 more: over.
        #expect(
            loadError("a: &a [1,2,3]\nb: *a\nc: 1", limits: limits)
                == YAMLError("document has more than 11 nodes", at: at(3, 1)))
        limits.maxNodes = 10
        #expect(
            loadError("a: &a [1,2,3]\nb: *a", limits: limits)
                == YAMLError(
                    "document is too large after alias expansion (more than 10 nodes; possible alias bomb)",
                    at: at(2, 4)))
    }

    @Test("nesting reached through an alias counts against maxDepth")
    func aliasDepth() throws {
        var limits = YAMLLoader.Limits.default
        limits.maxDepth = 3
        #expect(try load("a: &a [[1]]\nb: *a", limits: limits).root != nil)
        #expect(loadError("a: &a [[1]]\nb: [*a]", limits: limits) == YAMLError("nesting deeper than 3 levels", at: at(2, 5)))
    }
}

// MARK: - Limits and nesting

@Suite("YAMLLoader: limits")
struct YAMLLoaderLimitTests {
    @Test("default limits")
    func defaults() {
        let limits = YAMLLoader.Limits.default
        #expect(limits.maxDepth == 100)
        #expect(limits.maxNodes == 1_000_000)
        #expect(limits.maxInputBytes == 64 * 1024 * 1024)
        #expect(YAMLLoader().limits.maxDepth == 100)
    }

    static let deepDocuments: [(String, AuditPolicy.SourceLocation?)] = [
        (String(repeating: "[", count: 10_000), at(1, 101)),
        (String(repeating: "{", count: 10_000), at(1, 101)),
        (String(repeating: "[", count: 100) + "1" + String(repeating: "]", count: 100), nil),
        (String(repeating: "- ", count: 150) + "x", at(1, 201)),
        ((0..<150).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " v", at(101, 101)),
    ]

    @Test("deep nesting fails cleanly at the first level too deep", arguments: deepDocuments)
    func deepNesting(_ source: String, _ location: AuditPolicy.SourceLocation?) {
        if let location {
            #expect(loadError(source) == YAMLError("nesting deeper than 100 levels", at: location))
        } else {
            #expect(loadError(source) == nil)
        }
    }

    @Test("20,000 levels without a depth limit: no stack overflow in libyaml or the loader")
    func unboundedDepth() throws {
        var limits = YAMLLoader.Limits.default
        limits.maxDepth = .max
        let open = String(repeating: "[", count: 20_000)
        // libyaml's end-of-stream mark is the start of the line after the last one.
        #expect(
            loadError(open, limits: limits)
                == YAMLError("while parsing a flow node: did not find expected node content", at: at(2, 1)))
        let balanced = try load(open + String(repeating: "]", count: 20_000), limits: limits)
        #expect(balanced.root?.items.count == 1)
    }

    @Test("input larger than maxInputBytes is refused before parsing")
    func inputSize() {
        var limits = YAMLLoader.Limits.default
        limits.maxInputBytes = 10
        #expect(loadError("a: 12345678", limits: limits) == YAMLError("input is too large (11 bytes; the limit is 10 bytes)", at: nil))
        #expect(loadError("a: 1234567", limits: limits) == nil)
    }

    @Test("maxNodes counts plain nodes too")
    func nodeLimit() {
        var limits = YAMLLoader.Limits.default
        limits.maxNodes = 3
        #expect(loadError("[1, 2, 3]", limits: limits) == YAMLError("document has more than 3 nodes", at: at(1, 8)))
    }
}

// MARK: - Errors

@Suite("YAMLLoader: syntax and encoding errors")
struct YAMLLoaderErrorTests {
    @Test(
        "libyaml syntax errors keep libyaml's text and problem position",
        arguments: [
            ("verbs: [*]", "while scanning an alias: did not find expected alphabetic or numeric character", at(1, 10)),
            ("verbs:\n- *\n", "while scanning an alias: did not find expected alphabetic or numeric character", at(2, 4)),
            ("a:\n\tb: 1", "while scanning for the next token: found character that cannot start any token", at(2, 1)),
            ("a: [1, 2\nb: 3\n", "while parsing a flow sequence: did not find expected ',' or ']'", at(2, 2)),
            // At the end of the input libyaml points at the start of the next line.
            ("a: [1, 2", "while parsing a flow sequence: did not find expected ',' or ']'", at(2, 1)),
            ("a: b: c", "mapping values are not allowed in this context", at(1, 5)),
            ("a:\n  b: 1\n c: 2", "while parsing a block mapping: did not find expected key", at(3, 2)),
            ("a: \"open", "while scanning a quoted scalar: found unexpected end of stream", at(1, 9)),
            ("a: &", "while scanning an anchor: did not find expected alphabetic or numeric character", at(1, 5)),
        ])
    func syntax(_ source: String, _ message: String, _ location: AuditPolicy.SourceLocation) {
        #expect(loadError(source) == YAMLError(message, at: location))
    }

    @Test(
        "bytes that are not UTF-8 are refused with the bad byte's position",
        arguments: [
            ([0x61, 0x3A, 0x20, 0xE9, 0x0A] as [UInt8], "0xE9", at(1, 4), "Latin-1 é"),
            (Array("a: 1\nb: ü".utf8) + [0xFF], "0xFF", at(2, 5), "after a multi-byte character"),
            ([0x61, 0x3A, 0x20, 0xC0, 0x80], "0xC0", at(1, 4), "overlong encoding"),
            ([0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80], "0xED", at(1, 4), "encoded surrogate"),
            ([0x61, 0x3A, 0x20, 0xE2, 0x82], "0xE2", at(1, 4), "truncated sequence at the end"),
            ([0xFF, 0xFE, 0x61, 0x00], "0xFF", at(1, 1), "UTF-16 is refused"),
            (Array("\u{FEFF}a: ".utf8) + [0x80], "0x80", at(1, 4), "after a BOM"),
            (Array("a: 1\n---\nb: ".utf8) + [0xFE], "0xFE", at(3, 4), "even in a later document"),
        ])
    func notUTF8(_ bytes: [UInt8], _ byte: String, _ location: AuditPolicy.SourceLocation, _ pins: String) {
        #expect(loadError(bytes) == YAMLError("input is not valid UTF-8 (invalid byte \(byte))", at: location), "\(pins)")
    }

    @Test(
        "control characters are refused where they are, unless a later document starts first",
        arguments: [
            ("a: b\u{7}", YAMLError("control characters are not allowed (U+0007)", at: at(1, 5))),
            ("a: \"x\u{1}y\"", YAMLError("control characters are not allowed (U+0001)", at: at(1, 6))),
            ("a: x\u{7F}", YAMLError("control characters are not allowed (U+007F)", at: at(1, 5))),
            ("a: x\u{80}", YAMLError("control characters are not allowed (U+0080)", at: at(1, 5))),
            ("a: 1\n...\n\u{7}", YAMLError("control characters are not allowed (U+0007)", at: at(3, 1))),
            ("a: [1,\n\u{0}", YAMLError("control characters are not allowed (U+0000)", at: at(2, 1))),
            ("a: 1\n---\nb: \u{7}", nil),
        ])
    func controlCharacters(_ source: String, _ expected: YAMLError?) {
        #expect(loadError(source) == expected)
    }

    @Test("NEL, LS and PS are allowed and count as line breaks")
    func unicodeBreaks() throws {
        let root = try #require(try load("a: \"x\u{85}y\"\nb: 1\u{2028}c: 2\u{2029}d: 3").root)
        // A NEL inside a quoted scalar is a line break that folds to a space.
        #expect(root["a"]?.text == "x y")
        #expect(root["b"]?.start == at(3, 4))
        #expect(root["c"]?.start == at(4, 4))
        #expect(root["d"]?.start == at(5, 4))
        // Columns and lines of errors after such breaks agree with libyaml's.
        #expect(loadError("a: \"x\u{85}y\"\nb: \u{7}")?.location == at(3, 4))
    }
}

// MARK: - Documents

@Suite("YAMLLoader: documents")
struct YAMLLoaderDocumentTests {
    @Test(
        "no document or an empty one gives no root",
        arguments: [
            ("", "empty input"),
            ("\n\n  \n", "blank lines"),
            ("# only\n# comments\n", "comments only"),
            ("\u{FEFF}", "a byte order mark only"),
            ("---\n", "an empty explicit document"),
            ("--- # comment\n...\n", "an empty explicit document with an end marker"),
        ])
    func empty(_ source: String, _ pins: String) throws {
        let document = try load(source)
        #expect(document.root == nil, "\(pins)")
        #expect(document.furtherDocument == nil, "\(pins)")
    }

    @Test("explicit nulls and empty strings are roots")
    func explicitRoots() throws {
        #expect(try load("~").root?.resolved == .null)
        #expect(try load("--- ''").root?.resolved == .string)
    }

    @Test(
        "only the first document is loaded; where the next starts is reported and errors there are ignored",
        arguments: [
            ("a: 1\n---\nb: 2\n", at(2, 1), "a valid second document"),
            ("a: 1\n---\nb: [\n", at(2, 1), "a broken second document"),
            ("a: 1\n--- !!int x\n", at(2, 1), "a bad tag in the second document is never resolved"),
            ("a: 1\n---\nb: *nope\n", at(2, 1), "an unknown alias in the second document"),
            ("--- \na: 1\n--- \nb: 2", at(3, 1), "both documents explicit"),
            ("a: 1\n...\nb: 2\n", at(3, 1), "libyaml wants --- after ...: where the content starts"),
            ("a: 1\n... # end\n# comment\n  junk: [", at(4, 3), "comments skipped to find it"),
            ("a: 1\n...\n", nil, "an end marker alone starts nothing"),
        ])
    func multiDocument(_ source: String, _ further: AuditPolicy.SourceLocation?, _ pins: String) throws {
        let document = try load(source)
        #expect(document.root?["a"]?.resolved == .int("1"), "\(pins)")
        #expect(document.furtherDocument == further, "\(pins)")
    }

    @Test("an empty first document followed by another")
    func emptyThenMore() throws {
        let document = try load("---\n---\na: 1")
        #expect(document.root == nil)
        #expect(document.furtherDocument == at(2, 1))
    }

    @Test("duplicate keys are kept, in order")
    func duplicateKeys() throws {
        let root = try #require(try load("a: 1\nb: 2\na: 3").root)
        #expect(root.pairs.map(\.key.text) == ["a", "b", "a"])
        #expect(root.pairs.map(\.value.text) == ["1", "2", "3"])
    }
}

// MARK: - Robustness and speed

@Suite("YAMLLoader: robustness")
struct YAMLLoaderRobustnessTests {
    static let sample = """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: &lvl Metadata
            users: ["system:kube-proxy"]
            verbs: [watch, 'get', "list"]
            resources:
              - group: ""
                resources: [endpoints, services/status]
          - level: *lvl
            nonResourceURLs: ["/healthz*", /version]
            base: &b {x: 1, y: [1, 2]}
            merged: {<<: *b, z: !!str 3}
          - level: None
            text: |
              multi
              line
        """

    @Test("the sample loads")
    func sampleLoads() throws {
        let root = try #require(try load(Self.sample).root)
        let rules = try #require(root["rules"]).items
        #expect(rules.count == 3)
        #expect(rules[1]["level"]?.text == "Metadata")
        #expect(rules[1]["merged"]?.pairs.map(\.key.text) == ["x", "y", "z"])
    }

    @Test("mutated input never crashes the loader")
    func mutations() {
        var generator = SplitMix64(seed: 0x5EED) // the same mutations on every run
        let base = Array(Self.sample.utf8)
        let alphabet = Array("[]{}:,-?*&!|>'\"#%@` \t\n\r.~0123456789abcxyz".utf8) + [0x00, 0x07, 0x80, 0xC3, 0xFF]
        var outcomes = (loaded: 0, failed: 0)
        for _ in 0..<1_500 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = alphabet.randomElement(using: &generator) ?? 0
                case 1: bytes.insert(alphabet.randomElement(using: &generator) ?? 0, at: index)
                default: if bytes.count > 1 { bytes.remove(at: index) }
                }
            }
            do {
                _ = try YAMLLoader().loadFirstDocument(bytes)
                outcomes.loaded += 1
            } catch {
                outcomes.failed += 1
                if let location = error.location {
                    #expect(location.line >= 1 && location.column >= 1)
                }
            }
        }
        #expect(outcomes.loaded + outcomes.failed == 1_500)
    }

    @Test("a 1,000-rule policy (about 46,000 lines) loads")
    func largePolicy() throws {
        var lines = ["apiVersion: audit.k8s.io/v1", "kind: Policy", "rules:"]
        for rule in 0..<1_000 {
            lines.append("  # rule \(rule)")
            lines.append("  - level: Metadata")
            lines.append("    users:")
            for user in 0..<4 { lines.append("      - \"system:serviceaccount:ns\(rule):sa\(user)\"") }
            lines.append("    userGroups: [\"system:authenticated\", \"group-\(rule)\"]")
            lines.append("    verbs:")
            for verb in ["get", "list", "watch", "create", "update", "patch", "delete"] { lines.append("      - \(verb)") }
            lines.append("    namespaces:")
            for namespace in 0..<5 { lines.append("      - namespace-\(rule)-\(namespace)") }
            lines.append("    resources:")
            for group in 0..<3 {
                lines.append("      - group: \"apps\(group)\"")
                lines.append("        resources:")
                for resource in 0..<4 { lines.append("          - resource\(resource)") }
                lines.append("        resourceNames: [\"name-a\", \"name-b\"]")
            }
            lines.append("    omitStages:")
            lines.append("      - RequestReceived")
        }
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let clock = ContinuousClock()
        var document: YAMLDocument?
        // Release builds take about 25 ms; debug builds are much slower, so only gross
        // regressions are caught here.
        let elapsed = try clock.measure { document = try YAMLLoader().loadFirstDocument(bytes) }
        let rules = try #require(document?.root?["rules"]).items
        #expect(rules.count == 1_000)
        #expect(rules.last?["verbs"]?.items.count == 7)
        #expect(elapsed < .seconds(20))
    }
}
