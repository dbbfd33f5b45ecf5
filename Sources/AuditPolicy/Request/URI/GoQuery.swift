// Go's `url.ParseQuery`, for `RequestURIParser`.

struct GoQuery {
    private var pairs: [(key: [UInt8], value: [UInt8])] = []

    static let maximumParameters = 10_000

    init(rawQuery: [UInt8]) {
        let ampersand = UInt8(ascii: "&")
        guard rawQuery.lazy.filter({ $0 == ampersand }).count + 1 <= Self.maximumParameters else {
            return
        }
        for piece in rawQuery.split(separator: ampersand, omittingEmptySubsequences: false) {
            if piece.isEmpty || piece.contains(UInt8(ascii: ";")) {
                continue
            }
            let equals = piece.firstIndex(of: UInt8(ascii: "=")) ?? piece.endIndex
            let rawValue = equals < piece.endIndex ? piece[(equals + 1)...] : piece[piece.endIndex...]
            guard let key = PercentDecoding.unescape(piece[..<equals], plusIsSpace: true),
                  let value = PercentDecoding.unescape(rawValue, plusIsSpace: true)
            else {
                continue
            }
            pairs.append((key, value))
        }
    }

    var isEmpty: Bool { pairs.isEmpty }

    /// The first value given for `key`, as the `Convert_Slice_string_To_*` functions read it.
    func first(_ key: String) -> [UInt8]? {
        pairs.first(where: { RequestURIParser.bytes($0.key, equal: key) })?.value
    }
}
