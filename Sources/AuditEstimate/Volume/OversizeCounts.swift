/// Events over the size limits.
public struct OversizeCounts: Codable, Sendable, Hashable {
    /// Events over the size limit (`--max-event-size`) as kube-apiserver writes them.
    public var events: Int
    /// Of those, events that still reach CloudWatch over the limit: cut, no longer valid JSON.
    public var arriveCut: Int
    /// Events over CloudWatch's 1 MiB limit.
    public var overCloudWatchMaxEventSize: Int

    public init(events: Int = 0, arriveCut: Int = 0, overCloudWatchMaxEventSize: Int = 0) {
        self.events = events
        self.arriveCut = arriveCut
        self.overCloudWatchMaxEventSize = overCloudWatchMaxEventSize
    }

    mutating func add(_ other: OversizeCounts) {
        events += other.events
        arriveCut += other.arriveCut
        overCloudWatchMaxEventSize += other.overCloudWatchMaxEventSize
    }
}
