/// One row of a ranked breakdown, with its share of the policy's total.
public struct ShareRow: Codable, Sendable, Hashable {
    /// The value (`pods`, `get`, `#12 (line 104)`, ...).
    public var key: String
    public var events: Int
    public var bytes: Int
    /// Its share of the policy's events and bytes, from 0 to 1.
    public var eventsShare: Double
    public var bytesShare: Double
    /// Its bytes per day, when the corpus can be scaled.
    public var bytesPerDay: Double?

    public init(key: String, tally: VolumeTally, total: VolumeTally, scale: EstimateScale) {
        self.key = key
        events = tally.events
        bytes = tally.bytes
        eventsShare = total.events > 0 ? Double(tally.events) / Double(total.events) : 0
        bytesShare = total.bytes > 0 ? Double(tally.bytes) / Double(total.bytes) : 0
        bytesPerDay = scale.perDayFactor.map { Double(tally.bytes) * $0 }
    }
}
