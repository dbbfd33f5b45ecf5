/// Requests dated far from the rest of the corpus, which are left out of its time span (their
/// events still count in every total).
///
/// One request dated 0001-01-01 in a five-minute recording would otherwise stretch the span to
/// two thousand years and shrink every daily figure a million-fold.
///
/// The rule: with Q1 and Q3 the first and third quartiles of the requests' times (each request at
/// its first recorded `stageTimestamp`), a request is an outlier when it lies more than
/// 3 × (Q3 − Q1) + 1 hour before Q1 or after Q3 (Tukey's "far out" fences, widened by an hour).
/// - The quartiles do not move however far away the odd requests are, as long as they are fewer
///   than a quarter of the corpus.
/// - A recording with steady traffic of any length never loses a request: its fences lie one and
///   a half times its length beyond its quartiles.
/// - The hour keeps a short recording's stragglers (skewed clocks, a long request written late).
/// Quartiles are taken at the resolution of `RequestTimes`' buckets, rounded outwards, so the
/// fences are never narrower than the rule says.
public struct TimestampOutliers: Codable, Sendable, Hashable {
    /// Requests left out of the span.
    public var requests: Int
    /// Up to `maximumExamples` of their times (RFC 3339, UTC), earliest first.
    public var examples: [String]

    public init(requests: Int, examples: [String]) {
        self.requests = requests
        self.examples = examples
    }

    /// Times listed as examples.
    public static let maximumExamples = 3
    /// The fences' distance from the quartiles, in interquartile ranges.
    public static let fenceIQRs = 3.0
    /// And in seconds, on top.
    public static let fenceSeconds = 3_600.0
}

/// The time span of the bulk of a corpus: the earliest and latest timestamps of the requests that
/// are not outliers, and the outliers.
public struct SpanBulk: Sendable, Hashable {
    public var firstMicroseconds: Int64
    public var lastMicroseconds: Int64
    /// `nil` when no request is an outlier.
    public var outliers: TimestampOutliers?
}

extension RequestTimes {
    /// The bulk of the requests, by `TimestampOutliers`' rule; `nil` when no request has a time.
    public var bulk: SpanBulk? {
        let sorted = sortedBuckets
        let total = sorted.reduce(0.0) { $0 + Double($1.requests) }
        guard total > 0 else { return nil }
        func bucket(atRank rank: Double) -> Bucket {
            var seen = 0.0
            for bucket in sorted {
                seen += Double(bucket.requests)
                if seen >= rank { return bucket }
            }
            return sorted[sorted.count - 1]
        }
        let q1 = Double(bucket(atRank: (total / 4).rounded(.up)).start)
        let q3 = Double(bucket(atRank: (total * 3 / 4).rounded(.up)).start) + Double(bucketSeconds)
        let reach = TimestampOutliers.fenceIQRs * (q3 - q1) + TimestampOutliers.fenceSeconds
        let (low, high) = ((q1 - reach) * 1_000_000, (q3 + reach) * 1_000_000)
        var first: Int64?
        var last: Int64?
        var outliers = 0
        var examples: [String] = []
        for bucket in sorted {
            if Double(bucket.lastMicroseconds) < low || Double(bucket.firstMicroseconds) > high {
                outliers += bucket.requests
                if examples.count < TimestampOutliers.maximumExamples { examples.append(UTCTime.format(microseconds: bucket.firstMicroseconds)) }
            } else {
                first = min(first ?? bucket.firstMicroseconds, bucket.firstMicroseconds)
                last = max(last ?? bucket.lastMicroseconds, bucket.lastMicroseconds)
            }
        }
        guard let first, let last else { return nil }
        return SpanBulk(firstMicroseconds: first, lastMicroseconds: last,
                        outliers: outliers > 0 ? TimestampOutliers(requests: outliers, examples: examples) : nil)
    }
}
