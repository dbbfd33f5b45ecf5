/// Events and bytes by one attribute of the events (resource, verb, user, ...), with every value
/// kept so that tables of shards merge exactly.
///
/// Encoded as a list of rows, largest first by bytes (ties by key), each
/// `{"key": ..., "events": ..., "bytes": ..., "ingestedBytes": ...}`.
public struct BreakdownTable: Sendable, Hashable {
    /// The tally of each value.
    public private(set) var tallies: [String: VolumeTally]

    public init(_ tallies: [String: VolumeTally] = [:]) {
        self.tallies = tallies
    }

    /// Adds a tally to a value's.
    public mutating func add(_ key: String, _ tally: VolumeTally) {
        tallies[key, default: VolumeTally()].add(tally)
    }

    /// Adds every row of another table.
    public mutating func add(_ other: BreakdownTable) {
        for (key, tally) in other.tallies { add(key, tally) }
    }

    /// The rows, largest first by `measure`, ties by key.
    public func rows(by measure: BreakdownMeasure = .bytes) -> [BreakdownRow] {
        tallies.map { BreakdownRow(key: $0.key, tally: $0.value) }.sorted { lhs, rhs in
            let left = measure.value(of: lhs.tally), right = measure.value(of: rhs.tally)
            return left != right ? left > right : lhs.key < rhs.key
        }
    }
}

extension BreakdownTable: Codable {
    public init(from decoder: Decoder) throws {
        let rows = try decoder.singleValueContainer().decode([BreakdownRow].self)
        var table = BreakdownTable()
        for row in rows {
            // Written once per key; a repeated key in a merge input would be added twice.
            guard table.tallies[row.key] == nil else {
                throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "the key '\(row.key)' appears twice"))
            }
            table.add(row.key, row.tally)
        }
        self = table
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rows())
    }
}
