// Field selectors as apimachinery's `fields.ParseSelector` reads them, for `RequestURIParser`.

/// The terms of a field selector, as `fields.ParseSelector` reads them.
///
/// The selector is split at unescaped commas; the raw terms are sorted byte-wise; each non-empty
/// term is split at its first operator (`!=`, `==` or `=`, tried in that order at each position);
/// the value is unescaped (`\\`, `\,`, `\=`; any other escape, a trailing `\`, or a bare `,` or `=`
/// is an error). `RequiresExactMatch` then returns the first `=`/`==` term on the field.
struct FieldSelectorTerms {
    private var equalities: [(field: [UInt8], value: [UInt8])] = []

    static func parse(_ selector: [UInt8]) -> FieldSelectorTerms? {
        var result = FieldSelectorTerms()
        for term in splitTerms(selector).sorted(by: { $0.lexicographicallyPrecedes($1) }) where !term.isEmpty {
            guard let (field, isEquality, rawValue) = splitTerm(term), let value = unescape(rawValue) else {
                return nil
            }
            if isEquality {
                result.equalities.append((field, value))
            }
        }
        return result
    }

    func requiredValue(for field: String) -> [UInt8]? {
        equalities.first(where: { RequestURIParser.bytes($0.field, equal: field) })?.value
    }

    private static func splitTerms(_ selector: [UInt8]) -> [[UInt8]] {
        guard !selector.isEmpty else { return [] }
        var terms: [[UInt8]] = []
        var current: [UInt8] = []
        var escaped = false
        for byte in selector {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: ",") {
                terms.append(current)
                current = []
                continue
            }
            current.append(byte)
        }
        terms.append(current)
        return terms
    }

    private static func splitTerm(_ term: [UInt8]) -> (field: [UInt8], isEquality: Bool, value: [UInt8])? {
        let bang = UInt8(ascii: "!"), equals = UInt8(ascii: "=")
        for index in term.indices {
            let next = index + 1 < term.count ? term[index + 1] : nil
            if term[index] == bang, next == equals {
                return (Array(term[..<index]), false, Array(term[(index + 2)...]))
            }
            if term[index] == equals {
                let width = next == equals ? 2 : 1
                return (Array(term[..<index]), true, Array(term[(index + width)...]))
            }
        }
        return nil
    }

    private static func unescape(_ value: [UInt8]) -> [UInt8]? {
        let backslash = UInt8(ascii: "\\"), comma = UInt8(ascii: ","), equals = UInt8(ascii: "=")
        var output: [UInt8] = []
        var escaped = false
        for byte in value {
            if escaped {
                guard byte == backslash || byte == comma || byte == equals else { return nil }
                output.append(byte)
                escaped = false
            } else if byte == backslash {
                escaped = true
            } else if byte == comma || byte == equals {
                return nil
            } else {
                output.append(byte)
            }
        }
        return escaped ? nil : output
    }
}
