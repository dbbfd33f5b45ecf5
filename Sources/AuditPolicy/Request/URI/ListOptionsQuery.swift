// The list options kube-apiserver decodes from a request's query, for `RequestURIParser`.

/// What `NewRequestInfo` takes from `metainternalversion.ListOptions` decoded from the query.
///
/// The decoding (`ParameterCodec.DecodeParameters`: url.Values to meta/v1 ListOptions to the
/// internal ListOptions) fails when `timeoutSeconds` or `limit` is not a Go int64, `labelSelector`
/// is not a valid label selector, or `fieldSelector` is not a valid field selector. Then upstream
/// reads `watch` again with `strings.ToLower` (so `watch=falſe` means watch there, though not
/// when decoding succeeds, where `strings.EqualFold` folds `ſ` to `s`) and fills no name.
/// No query parameters at all means a plain list.
enum ListOptionsQuery {
    struct Result {
        var watch: Bool
        /// The value `fieldSelector` requires for `metadata.name`, when it requires one.
        var metadataName: [UInt8]?
    }

    static func decode(_ query: GoQuery) -> Result {
        if query.isEmpty {
            return Result(watch: false, metadataName: nil)
        }
        let watchValue = query.first("watch")
        let decodes = (query.first("timeoutSeconds").map(GoInt64.isParsable) ?? true)
            && (query.first("limit").map(GoInt64.isParsable) ?? true)
            && LabelSelectorSyntax.isValid(query.first("labelSelector") ?? [])
        if decodes, let terms = FieldSelectorTerms.parse(query.first("fieldSelector") ?? []) {
            let watch = watchValue.map { !($0 == Array("0".utf8) || foldsToFalse($0)) } ?? false
            return Result(watch: watch, metadataName: terms.requiredValue(for: "metadata.name"))
        }
        let watch = watchValue.map { !($0 == Array("0".utf8) || lowercasesToFalse($0)) } ?? false
        return Result(watch: watch, metadataName: nil)
    }

    /// `strings.EqualFold(value, "false")`: simple case folding, so `ſ` (U+017F) matches `s`.
    private static func foldsToFalse(_ value: [UInt8]) -> Bool {
        let scalars = Array(String(decoding: value, as: UTF8.self).unicodeScalars)
        let orbits: [[UInt32]] = [[0x46, 0x66], [0x41, 0x61], [0x4C, 0x6C], [0x53, 0x73, 0x17F], [0x45, 0x65]]
        return scalars.count == orbits.count && zip(scalars, orbits).allSatisfy { $1.contains($0.value) }
    }

    /// `strings.ToLower(value) == "false"`: only ASCII letters lower to ASCII `f`, `a`, `l`, `s`, `e`.
    private static func lowercasesToFalse(_ value: [UInt8]) -> Bool {
        value.count == 5 && value.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }
            == Array("false".utf8)
    }
}

/// Go's `strconv.ParseInt(value, 10, 64)` succeeding: an optional sign, at least one ASCII digit,
/// nothing else (no underscores), and within the int64 range.
enum GoInt64 {
    static func isParsable(_ value: [UInt8]) -> Bool {
        var digits = value[...]
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return false
        }
        let significant = Array(digits.drop(while: { $0 == UInt8(ascii: "0") }))
        let limit = Array((negative ? "9223372036854775808" : "9223372036854775807").utf8)
        if significant.count != limit.count {
            return significant.count < limit.count
        }
        return !limit.lexicographicallyPrecedes(significant)
    }
}

/// `content.IsPathSegmentName`: not `.` or `..`, and no `/` or `%`.
enum PathSegmentName {
    static func isValid(_ name: [UInt8]) -> Bool {
        !RequestURIParser.bytes(name, equal: ".") && !RequestURIParser.bytes(name, equal: "..")
            && !name.contains(UInt8(ascii: "/")) && !name.contains(UInt8(ascii: "%"))
    }
}
