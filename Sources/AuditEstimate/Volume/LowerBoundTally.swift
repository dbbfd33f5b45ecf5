/// Requests whose sizes are lower bounds, and their events.
public struct LowerBoundTally: Codable, Sendable, Hashable {
    public var requests: Int
    public var tally: VolumeTally

    public init(requests: Int = 0, tally: VolumeTally = VolumeTally()) {
        self.requests = requests
        self.tally = tally
    }

    mutating func add(_ other: LowerBoundTally) {
        requests += other.requests
        tally.add(other.tally)
    }
}
