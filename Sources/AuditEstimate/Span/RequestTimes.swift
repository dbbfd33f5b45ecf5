/// When a corpus's requests were recorded, counted in buckets of time, so that the bulk of the
/// corpus can be told apart from a request dated far away from it (`SpanBulk`).
///
/// Each request counts once, in the bucket of its first recorded `stageTimestamp`; a bucket also
/// keeps the earliest first and the latest last timestamp of its requests, so the span of the
/// bulk is exact whatever the bucket width. Buckets start at 1 second and widen (10 s, a minute,
/// 10 minutes, an hour, a day, then tenfold) whenever there would be more than `maximumBuckets`,
/// so memory stays bounded whatever the timestamps; every width divides the next, so histograms
/// of shards merge exactly.
public struct RequestTimes: Sendable, Hashable {
    /// One bucket: its requests and the times they span, in microseconds since the epoch.
    public struct Bucket: Codable, Sendable, Hashable {
        /// The bucket's start, in seconds since the epoch.
        public var start: Int64
        public var requests: Int
        public var firstMicroseconds: Int64
        public var lastMicroseconds: Int64

        public init(start: Int64, requests: Int, firstMicroseconds: Int64, lastMicroseconds: Int64) {
            self.start = start
            self.requests = requests
            self.firstMicroseconds = firstMicroseconds
            self.lastMicroseconds = lastMicroseconds
        }

        mutating func add(_ other: Bucket) {
            requests += other.requests
            firstMicroseconds = min(firstMicroseconds, other.firstMicroseconds)
            lastMicroseconds = max(lastMicroseconds, other.lastMicroseconds)
        }
    }

    /// The widths a histogram can have, in seconds, narrowest first; the widest holds the whole
    /// range of `Int64` microseconds in three buckets.
    public static let widths: [Int64] = [1, 10, 60, 600, 3_600, 86_400, 864_000, 8_640_000, 86_400_000, 864_000_000,
                                         8_640_000_000, 86_400_000_000, 864_000_000_000, 8_640_000_000_000]
    /// The most buckets kept before widening.
    public static let maximumBuckets = 2_000

    /// The bucket width in seconds.
    public private(set) var bucketSeconds: Int64
    /// The buckets, by start.
    public private(set) var buckets: [Int64: Bucket]

    public init() {
        bucketSeconds = Self.widths[0]
        buckets = [:]
    }

    /// Counts a request recorded from `first` to `last` (microseconds since the epoch).
    public mutating func add(first: Int64, last: Int64) {
        let start = EpochBuckets.start(ofMicroseconds: first, width: bucketSeconds)
        insert(Bucket(start: start, requests: 1, firstMicroseconds: first, lastMicroseconds: max(first, last)))
        if buckets.count > Self.maximumBuckets { widen() }
    }

    /// Adds another histogram, widening to the wider of the two widths.
    public mutating func add(_ other: RequestTimes) {
        var other = other
        while other.bucketSeconds < bucketSeconds, other.widen() {}
        while bucketSeconds < other.bucketSeconds, widen() {}
        for bucket in other.buckets.values { insert(bucket) }
        if buckets.count > Self.maximumBuckets { widen() }
    }

    /// The buckets in time order.
    public var sortedBuckets: [Bucket] {
        buckets.keys.sorted().compactMap { buckets[$0] }
    }

    private mutating func insert(_ bucket: Bucket) {
        if buckets[bucket.start] == nil { buckets[bucket.start] = bucket } else { buckets[bucket.start]?.add(bucket) }
    }

    /// Widens the buckets to the next width; `false` when already at the widest.
    @discardableResult
    private mutating func widen() -> Bool {
        guard let index = Self.widths.firstIndex(of: bucketSeconds), index + 1 < Self.widths.count else { return false }
        let width = Self.widths[index + 1]
        let old = buckets
        bucketSeconds = width
        buckets = [:]
        for var bucket in old.values {
            bucket.start = EpochBuckets.start(ofSeconds: bucket.start, width: width)
            insert(bucket)
        }
        if buckets.count > Self.maximumBuckets { widen() }
        return true
    }
}

extension RequestTimes: Codable {
    private enum CodingKeys: String, CodingKey { case bucketSeconds, buckets }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let width = try container.decode(Int64.self, forKey: .bucketSeconds)
        guard Self.widths.contains(width) else {
            throw DecodingError.dataCorruptedError(forKey: .bucketSeconds, in: container, debugDescription: "bucketSeconds must be one of \(Self.widths.map(String.init).joined(separator: ", "))")
        }
        self.init()
        bucketSeconds = width
        for bucket in try container.decode([Bucket].self, forKey: .buckets) {
            // The range of a timeline's buckets: seconds whose microseconds fit an Int64.
            guard Timeline.startRange.contains(bucket.start), bucket.start % width == 0, buckets[bucket.start] == nil,
                  bucket.firstMicroseconds <= bucket.lastMicroseconds else {
                throw DecodingError.dataCorruptedError(forKey: .buckets, in: container,
                                                       debugDescription: "bucket start \(bucket.start) is repeated, not a multiple of \(width), out of range, or ends before it starts")
            }
            buckets[bucket.start] = bucket
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bucketSeconds, forKey: .bucketSeconds)
        try container.encode(sortedBuckets, forKey: .buckets)
    }
}
