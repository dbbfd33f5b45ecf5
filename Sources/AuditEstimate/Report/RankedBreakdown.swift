/// The top rows of one breakdown, by bytes and by events.
public struct RankedBreakdown: Codable, Sendable, Hashable {
    public var dimension: BreakdownDimension
    /// How many distinct values there are in all.
    public var distinctValues: Int
    public var byBytes: [ShareRow]
    public var byEvents: [ShareRow]

    public init(dimension: BreakdownDimension, rows: [(key: String, tally: VolumeTally)], total: VolumeTally, scale: EstimateScale, top: Int) {
        self.dimension = dimension
        distinctValues = rows.count
        func ranked(_ measure: BreakdownMeasure) -> [ShareRow] {
            rows.sorted { lhs, rhs in
                let left = measure.value(of: lhs.tally), right = measure.value(of: rhs.tally)
                return left != right ? left > right : lhs.key < rhs.key
            }
            .prefix(top)
            .map { ShareRow(key: $0.key, tally: $0.tally, total: total, scale: scale) }
        }
        byBytes = ranked(.bytes)
        byEvents = ranked(.events)
    }
}
