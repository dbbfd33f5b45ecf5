/// Renders YAML values the way Go's `fmt` prints what go-yaml v2 decodes them to, for the
/// messages sigs.k8s.io/yaml and go-yaml build with `%#v` and `strconv.FormatFloat`.
enum GoSyntax {
    /// `%#v` of the value go-yaml v2 decodes `node` into (`interface{}`): `"text"`, `1`,
    /// `0xffffffffffffffff` (uint64), `1.5`, `true`, `[]interface {}{...}`,
    /// `map[interface {}]interface {}{k:v, ...}`; nil is `<nil>` at the top and
    /// `interface {}(nil)` inside a slice or map.
    static func render(_ node: YAMLNode, nested: Bool) -> String {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return nested ? "interface {}(nil)" : "<nil>"
            case .bool(let flag): return flag ? "true" : "false"
            case .int(let text):
                if Int64(text) != nil { return text }
                return "0x" + (UInt64(text).map { String($0, radix: 16) } ?? text)
            case .float(let text): return formatG(double(fromJSONNumber: text), shortestOf: { $0.description })
            case .string: return GoValueRendering.quoted(scalar.text)
            }
        case .sequence(let items):
            return "[]interface {}{" + items.map { render($0, nested: true) }.joined(separator: ", ") + "}"
        case .mapping(let pairs):
            // go-yaml keeps the last value of a repeated key; fmt prints keys sorted (same-typed keys by value).
            var kept: [(key: YAMLNode, value: YAMLNode)] = []
            for pair in pairs {
                let text = render(pair.key, nested: true)
                if let index = kept.firstIndex(where: { render($0.key, nested: true) == text }) {
                    kept[index].value = pair.value
                } else {
                    kept.append((pair.key, pair.value))
                }
            }
            kept.sort { sortKey($0.key) < sortKey($1.key) }
            return "map[interface {}]interface {}{" + kept.map { render($0.key, nested: true) + ":" + render($0.value, nested: true) }.joined(separator: ", ") + "}"
        }
    }

    /// `strconv.FormatFloat(f, 'g', -1, 32)` with sigs.k8s.io/yaml's spellings of infinities and NaN,
    /// as `convertToJSONableObject` makes a map key of a float.
    static func float32Key(_ jsonNumber: String) -> String {
        switch jsonNumber {
        case ".inf": return ".inf"
        case "-.inf": return "-.inf"
        case ".nan": return ".nan"
        default:
            let narrowed = Float(double(fromJSONNumber: jsonNumber))
            if narrowed.isInfinite { return narrowed < 0 ? "-.inf" : ".inf" }
            return formatG(Double(narrowed), shortestOf: { Float($0).description })
        }
    }

    private static func double(fromJSONNumber text: String) -> Double {
        switch text {
        case ".inf": .infinity
        case "-.inf": -.infinity
        case ".nan": .nan
        default: Double(text) ?? 0
        }
    }

    /// Go's `%g` with the shortest precision (`strconv.FormatFloat(v, 'g', -1, size)`): `%e` form
    /// when the decimal exponent is below -4 or at least 6 (`eprec = 6` for shortest output), so
    /// `1e+06` and `1e-05` but `123456` and `0.0001`.
    private static func formatG(_ value: Double, shortestOf describe: (Double) -> String) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 { return sign + "0" }
        let (digits, pointPosition) = GoFloatFormat.shortestDigits(description: describe(value.magnitude))
        let exponent = pointPosition - 1
        if exponent < -4 || exponent >= 6 {
            var text = sign + String(digits.first ?? "0")
            if digits.count > 1 { text += "." + digits.dropFirst() }
            let exponentDigits = String(abs(exponent))
            return text + (exponent < 0 ? "e-" : "e+") + (exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits)
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count)
        }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// fmt's key order for keys of one type (strings by bytes, numbers by value); keys of
    /// different types are grouped by type (Go orders the types by an address: an approximation).
    private static func sortKey(_ node: YAMLNode) -> SortKey {
        guard case .scalar(let scalar) = node.content else { return SortKey(rank: 5, number: 0, text: []) }
        switch scalar.resolved {
        case .null: return SortKey(rank: 0, number: 0, text: [])
        case .bool(let flag): return SortKey(rank: 1, number: flag ? 1 : 0, text: [])
        case .int(let text): return SortKey(rank: 2, number: Double(text) ?? 0, text: [])
        case .float(let text): return SortKey(rank: 3, number: double(fromJSONNumber: text), text: [])
        case .string: return SortKey(rank: 4, number: 0, text: Array(scalar.text.utf8))
        }
    }

    private struct SortKey: Comparable {
        var rank: Int
        var number: Double
        var text: [UInt8]

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.rank != b.rank { return a.rank < b.rank }
            if a.number != b.number { return a.number < b.number }
            return a.text.lexicographicallyPrecedes(b.text)
        }
    }
}
