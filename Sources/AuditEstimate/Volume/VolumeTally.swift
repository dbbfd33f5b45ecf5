/// Events and their bytes: the raw sums every figure of an estimate is derived from.
///
/// Sums only, so tallies of shards of a corpus add up to the tally of the whole corpus.
public struct VolumeTally: Codable, Sendable, Hashable {
    /// Events kube-apiserver writes (after its own truncation, when that is on).
    public var events: Int
    /// Their size as kube-apiserver writes them: JSON lines without the newline.
    public var bytes: Int
    /// The bytes CloudWatch ingests for them: the same, except that an event over the size limit
    /// arrives cut to the limit
    /// (`CloudWatchTruncation.arrivedBytes`).
    public var ingestedBytes: Int

    public init(events: Int = 0, bytes: Int = 0, ingestedBytes: Int = 0) {
        self.events = events
        self.bytes = bytes
        self.ingestedBytes = ingestedBytes
    }

    /// Counts one event.
    @inline(__always)
    public mutating func add(bytes size: Int, ingested: Int) {
        events += 1
        bytes += size
        ingestedBytes += ingested
    }

    /// Adds another tally.
    public mutating func add(_ other: VolumeTally) {
        events += other.events
        bytes += other.bytes
        ingestedBytes += other.ingestedBytes
    }

    /// The sum of two tallies.
    public static func + (lhs: VolumeTally, rhs: VolumeTally) -> VolumeTally {
        var sum = lhs
        sum.add(rhs)
        return sum
    }

    /// The difference of two tallies (what `rhs` has less than `lhs` when positive).
    public static func - (lhs: VolumeTally, rhs: VolumeTally) -> VolumeTally {
        VolumeTally(events: lhs.events - rhs.events, bytes: lhs.bytes - rhs.bytes, ingestedBytes: lhs.ingestedBytes - rhs.ingestedBytes)
    }

    /// Whether nothing was counted.
    public var isEmpty: Bool { events == 0 && bytes == 0 && ingestedBytes == 0 }
}

extension VolumeTally {
    /// Reads a tally written flat into an enclosing object (`events`, `bytes`, `ingestedBytes` keys).
    init<Key: CodingKey>(flattenedIn container: KeyedDecodingContainer<Key>, events: Key, bytes: Key, ingestedBytes: Key) throws {
        self.init(
            events: try container.decode(Int.self, forKey: events),
            bytes: try container.decode(Int.self, forKey: bytes),
            ingestedBytes: try container.decode(Int.self, forKey: ingestedBytes)
        )
    }

    /// Writes the tally flat into an enclosing object.
    func encodeFlattened<Key: CodingKey>(into container: inout KeyedEncodingContainer<Key>, events: Key, bytes: Key, ingestedBytes: Key) throws {
        try container.encode(self.events, forKey: events)
        try container.encode(self.bytes, forKey: bytes)
        try container.encode(self.ingestedBytes, forKey: ingestedBytes)
    }
}
