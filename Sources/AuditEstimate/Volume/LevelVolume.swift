import AuditPolicy

/// The requests and events of one decided level.
public struct LevelVolume: Codable, Sendable, Hashable {
    /// The level, written `None`, `Metadata`, `Request` or `RequestResponse`.
    public var level: Level
    public var requests: Int
    public var tally: VolumeTally

    public init(level: Level, requests: Int = 0, tally: VolumeTally = VolumeTally()) {
        self.level = level
        self.requests = requests
        self.tally = tally
    }

    mutating func add(_ other: LevelVolume) {
        requests += other.requests
        tally.add(other.tally)
    }
}
