/// A JSON value with members in a fixed order, for building Kubernetes objects in the
/// field order Go's encoding/json writes them (struct field order; map keys sorted).
indirect enum CorpusJSON: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case int(Int64)
    case bool(Bool)
    case null
    /// Members in the order given (callers list them in Go struct order).
    case object([(String, CorpusJSON)])
    case array([CorpusJSON])
    /// Text that is already compact JSON, written as it is.
    case encoded([UInt8])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int64) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: CorpusJSON...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, CorpusJSON)...) { self = .object(elements) }

    /// A Go map (`map[string]string`, labels, annotations): members sorted by key bytes,
    /// as encoding/json sorts map keys.
    static func map(_ entries: [(String, String)]) -> CorpusJSON {
        .object(entries.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.map { ($0.0, .string($0.1)) })
    }

    /// An object without the members whose values are `nil`, for Go's `omitempty`.
    static func object(omittingNil members: [(String, CorpusJSON?)]) -> CorpusJSON {
        .object(members.compactMap { key, value in value.map { (key, $0) } })
    }

    /// This value encoded as compact JSON.
    var encoded: [UInt8] {
        var writer = GoJSONWriter()
        writer.write(self)
        return writer.bytes
    }
}
