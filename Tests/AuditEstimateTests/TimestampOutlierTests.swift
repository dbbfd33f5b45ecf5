import AuditPolicy
import AuditReplay
import Testing
@testable import AuditEstimate

/// Issue 15, "An event dated 0001-01-01 shrinks the estimate a million-fold. Detect outlier
/// timestamps, exclude them from the span, and report them."
@Suite("Outlier timestamps")
struct TimestampOutlierTests {
    /// 2026-11-01T10:00:00Z.
    static let start: Int64 = 1_793_527_200_000_000
    /// 0001-01-01T00:00:00Z: 719,162 days before the epoch.
    static let yearOne: Int64 = -719_162 * 86_400 * 1_000_000

    /// One request a second for five minutes, then `odd` (microseconds) as requests of their own.
    static func span(odd: [Int64]) -> ObservedSpan {
        var span = ObservedSpan(requestTimes: RequestTimes())
        for second in 0..<300 { span.cover(first: start + Int64(second) * 1_000_000, last: start + Int64(second) * 1_000_000 + 5_000) }
        for time in odd { span.cover(first: time, last: time) }
        return span
    }

    @Test("an event dated 0001-01-01 shrinks the estimate a million-fold: it is left out of the span and reported")
    func yearOneIsLeftOut() throws {
        let scale = EstimateScale(span: Self.span(odd: [Self.yearOne]), durationSeconds: nil)
        // The bulk: 0 s to 299.005 s.
        #expect(scale.seconds == 299.005)
        #expect(scale.firstTimestamp == "2026-11-01T10:00:00Z")
        #expect(scale.outliers == TimestampOutliers(requests: 1, examples: ["0001-01-01T00:00:00Z"]))
        #expect(scale.explanation.contains("1 request dated far from the rest is left out of the span (0001-01-01T00:00:00Z)"))
    }

    /// With the odd request below the bulk, Q1 is second 74 and Q3 ends second 225 (151 s apart);
    /// the fences reach 3 × 151 + 3,600 = 4,053 s beyond them: from −3,979 s to 4,278 s. With the
    /// odd request above, both move one second later: up to 4,279 s.
    static let second: Int64 = 1_000_000
    static let fenceCases: [(odd: Int64, outliers: Int)] = [
        (start + 4_000 * second, 0),
        (start - 3_900 * second, 0),
        (start + 5_000 * second, 1),
        (start - 4_000 * second, 1),
        (start + 70 * 365 * 86_400 * second, 1),
        (Int64.max, 1),
        (Int64.min, 1),
    ]

    @Test("requests far outside the fences are outliers, requests within them are not", arguments: fenceCases)
    func fences(odd: Int64, outliers: Int) {
        let bulk = Self.span(odd: [odd]).bulk
        #expect((bulk?.outliers?.requests ?? 0) == outliers)
    }

    @Test("steady traffic over a year loses no request")
    func steadyYear() {
        var span = ObservedSpan(requestTimes: RequestTimes())
        for hour in 0..<(365 * 24) { span.cover(first: Self.start + Int64(hour) * 3_600_000_000, last: Self.start + Int64(hour) * 3_600_000_000) }
        let bulk = span.bulk
        #expect(bulk?.outliers == nil)
        #expect(bulk?.firstMicroseconds == Self.start)
        #expect(bulk?.lastMicroseconds == Self.start + Int64(365 * 24 - 1) * 3_600_000_000)
    }

    @Test("outliers are counted, and three of them shown, earliest first")
    func manyOutliers() {
        let odd = (0..<5).map { Self.yearOne + Int64($0) * 86_400_000_000 * 400 }
        let outliers = Self.span(odd: odd).bulk?.outliers
        #expect(outliers?.requests == 5)
        #expect(outliers?.examples == ["0001-01-01T00:00:00Z", "0002-02-05T00:00:00Z", "0003-03-12T00:00:00Z"])
    }

    @Test("request times stay within their bucket budget whatever the timestamps, and merge exactly")
    func boundedAndMergeable() {
        var spread = RequestTimes()
        for day in 0..<Int64(50_000) { spread.add(first: Self.start + day * 86_400_000_000, last: Self.start + day * 86_400_000_000) }
        #expect(spread.buckets.count <= RequestTimes.maximumBuckets)
        #expect(spread.buckets.values.reduce(0) { $0 + $1.requests } == 50_000)
        var fine = RequestTimes()
        fine.add(first: Self.start, last: Self.start + 1)
        fine.add(spread)
        #expect(fine.bucketSeconds == spread.bucketSeconds)
        #expect(fine.buckets.values.reduce(0) { $0 + $1.requests } == 50_001)
    }

    @Test("shards merge to the outliers of one run")
    func shards() {
        var first = Self.span(odd: [])
        var second = ObservedSpan(requestTimes: RequestTimes())
        second.cover(first: Self.yearOne, last: Self.yearOne)
        first.add(second)
        #expect(first.bulk == Self.span(odd: [Self.yearOne]).bulk)
    }
}
