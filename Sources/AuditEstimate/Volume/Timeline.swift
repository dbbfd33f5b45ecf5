/// Events and bytes over time, in buckets of a fixed width aligned on the Unix epoch, so that
/// timelines of shards merge bucket by bucket.
///
/// Buckets are 10 seconds wide; a timeline that would hold more than `maximumBuckets` is
/// coarsened to a minute, 10 minutes, an hour, then a day (each width divides the next, so
/// coarsening and merging stay exact). Events without a timestamp are not in the timeline.
public struct Timeline: Sendable, Hashable {
    /// The widths a timeline can have, narrowest first.
    public static let widths = [10, 60, 600, 3_600, 86_400]
    /// The most buckets kept before coarsening.
    public static let maximumBuckets = 20_000

    /// The bucket starts a timeline read back can hold: seconds whose microseconds fit an `Int64`,
    /// with a day to spare for the end of the last bucket.
    public static let startRange: ClosedRange<Int64> = (86_400 - Int64.max / 1_000_000)...(Int64.max / 1_000_000 - 86_400)

    /// The bucket width in seconds.
    public private(set) var bucketSeconds: Int
    /// The tally of each bucket, by the bucket's start in seconds since the epoch.
    public private(set) var buckets: [Int64: VolumeTally]

    public init(bucketSeconds: Int = Timeline.widths[0], buckets: [Int64: VolumeTally] = [:]) {
        self.bucketSeconds = bucketSeconds
        self.buckets = buckets
    }

    /// Adds a tally at a time (microseconds since the epoch).
    public mutating func add(atMicroseconds time: Int64, _ tally: VolumeTally) {
        buckets[EpochBuckets.start(ofMicroseconds: time, width: Int64(bucketSeconds)), default: VolumeTally()].add(tally)
        if buckets.count > Self.maximumBuckets { coarsen() }
    }

    /// Adds another timeline, coarsening to the wider of the two widths.
    public mutating func add(_ other: Timeline) {
        var other = other
        while other.bucketSeconds < bucketSeconds, other.coarsen() {}
        while bucketSeconds < other.bucketSeconds, coarsen() {}
        for (start, tally) in other.buckets { buckets[start, default: VolumeTally()].add(tally) }
        if buckets.count > Self.maximumBuckets { coarsen() }
    }

    /// The buckets in time order.
    public var sortedBuckets: [TimelineBucket] {
        buckets.keys.sorted().map { TimelineBucket(start: $0, tally: buckets[$0] ?? VolumeTally()) }
    }

    /// Widens the buckets to the next width; `false` when already at the widest.
    @discardableResult
    private mutating func coarsen() -> Bool {
        guard let index = Self.widths.firstIndex(of: bucketSeconds), index + 1 < Self.widths.count else { return false }
        let width = Int64(Self.widths[index + 1])
        var merged: [Int64: VolumeTally] = [:]
        for (start, tally) in buckets { merged[EpochBuckets.start(ofSeconds: start, width: width), default: VolumeTally()].add(tally) }
        bucketSeconds = Int(width)
        buckets = merged
        if buckets.count > Self.maximumBuckets { coarsen() }
        return true
    }
}

extension Timeline: Codable {
    private enum CodingKeys: String, CodingKey { case bucketSeconds, buckets }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let width = try container.decode(Int.self, forKey: .bucketSeconds)
        guard Self.widths.contains(width) else {
            throw DecodingError.dataCorruptedError(forKey: .bucketSeconds, in: container,
                                                   debugDescription: "bucketSeconds must be one of \(Self.widths.map(String.init).joined(separator: ", "))")
        }
        var buckets: [Int64: VolumeTally] = [:]
        for bucket in try container.decode([TimelineBucket].self, forKey: .buckets) {
            guard Self.startRange.contains(bucket.start), buckets[bucket.start] == nil else {
                throw DecodingError.dataCorruptedError(forKey: .buckets, in: container,
                                                       debugDescription: "bucket start \(bucket.start) is repeated or outside \(Self.startRange)")
            }
            guard bucket.start % Int64(width) == 0 else {
                throw DecodingError.dataCorruptedError(forKey: .buckets, in: container,
                                                       debugDescription: "bucket start \(bucket.start) is not a multiple of \(width)")
            }
            buckets[bucket.start, default: VolumeTally()].add(bucket.tally)
        }
        self.init(bucketSeconds: width, buckets: buckets)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bucketSeconds, forKey: .bucketSeconds)
        try container.encode(sortedBuckets, forKey: .buckets)
    }
}
