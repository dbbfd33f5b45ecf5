import AuditReplay
import Foundation
import Testing
@testable import AuditEstimate

/// Issue 15, "`estimate --merge` with counters near 2^62 or 2^63−1 overflows. Negative counters are
/// accepted and print negative dollars. A merge input is untrusted input: validate it."
@Suite("Merge input is untrusted")
struct MergeInputTests {
    /// The sample report as `--format json` writes it, as a JSON object to tamper with.
    static func sampleObject() throws -> [String: Any] {
        var span = ObservedSpan(requestTimes: RequestTimes())
        span.cover(first: SampleReports.start, last: SampleReports.start + 60_000_000)
        var report = SampleReports.twoPolicies()
        report.volume.span = span
        let data = try JSONEncoder().encode(report)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A step into a JSON value: a key of an object or an index into an array.
    enum Step: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case key(String)
        case index(Int)

        init(stringLiteral value: String) { self = .key(value) }
        init(integerLiteral value: Int) { self = .index(value) }
    }

    /// `object` with the value at `path` replaced by `value`.
    static func setting(_ object: Any, _ path: [Step], to value: Any) -> Any {
        guard let step = path.first else { return value }
        switch step {
        case .key(let key):
            guard var dictionary = object as? [String: Any] else { return object }
            dictionary[key] = setting(dictionary[key] as Any, Array(path.dropFirst()), to: value)
            return dictionary
        case .index(let index):
            guard var array = object as? [Any] else { return object }
            array[index] = setting(array[index], Array(path.dropFirst()), to: value)
            return array
        }
    }

    static func json(_ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: object)
    }

    /// Merges `files` (name, JSON) and returns the error's message, or nil when the merge succeeds.
    static func mergeError(_ files: [(String, Data)]) -> String? {
        var merge = EstimateMerge()
        do {
            for (name, data) in files { try merge.add(json: data, name: name) }
            _ = try merge.report(assumptions: EstimateAssumptions())
            return nil
        } catch {
            return error.message
        }
    }

    @Test("negative counters are refused, naming the file and the field", arguments: [
        (["volume", "rawEvents"] as [Step], "volume.rawEvents"),
        (["volume", "policies", 0, "total", "bytes"], "volume.policies[0].total.bytes"),
        (["volume", "policies", 1, "rules", 2, "requests"], "volume.policies[1].rules[2].requests"),
        (["volume", "policies", 0, "oversize", "events"], "volume.policies[0].oversize.events"),
        (["volume", "policies", 0, "timeline", "buckets", 0, "ingestedBytes"], "volume.policies[0].timeline.buckets[start 1700000000].ingestedBytes"),
        (["volume", "policies", 0, "levels", 1, "tally", "events"], "volume.policies[0].levels[1].events"),
        (["volume", "span", "requestTimes", "buckets", 0, "requests"], "volume.span.requestTimes.buckets[start 1700000000].requests"),
    ])
    func negativeCountersAreRefused(path: [Step], field: String) throws {
        let tampered = try Self.json(Self.setting(try Self.sampleObject(), path, to: -5))
        #expect(Self.mergeError([("shard.json", tampered)]) == "shard.json: \(field) is -5; counts cannot be negative")
    }

    @Test("counters near 2^62 or 2^63−1 overflow: the sums are checked, not trapped", arguments: [
        (["volume", "rawEvents"] as [Step], Int.max, 2),
        (["volume", "policies", 0, "total", "bytes"], Int.max, 2),
        (["volume", "policies", 0, "resources", 0, "bytes"], 1 << 62, 2),
        (["volume", "policies", 0, "timeline", "buckets", 0, "bytes"], 1 << 62, 2),
    ])
    func hugeCountersDoNotOverflow(path: [Step], value: Int, copies: Int) throws {
        let tampered = try Self.json(Self.setting(try Self.sampleObject(), path, to: value))
        // One file alone is merged: its figures are finite.
        #expect(Self.mergeError([("a.json", tampered)]) == nil)
        let message = try #require(Self.mergeError(Array(repeating: ("b.json", tampered), count: copies)))
        #expect(message.hasPrefix("b.json: its counts and those of the estimates before it add up to more than 9223372036854775807"))
    }

    @Test("counters near 2^63−1 overflow: one file's timeline buckets that add up past Int.max are refused")
    func timelineOverflowsInOneFile() throws {
        var object: Any = try Self.sampleObject()
        for bucket in 0..<2 { object = Self.setting(object, ["volume", "policies", 0, "timeline", "buckets", .index(bucket), "events"], to: Int.max) }
        let message = try #require(Self.mergeError([("t.json", try Self.json(object))]))
        #expect(message.hasPrefix("t.json: the buckets up to volume.policies[0].timeline.buckets[start 1700000060] add up to more than"))
    }

    @Test("a merge input is untrusted: repeated keys and impossible bucket starts are refused", arguments: [
        (["volume", "policies", 0, "timeline", "buckets", 1, "start"] as [Step], Int64(1_700_000_000)),
        (["volume", "policies", 0, "timeline", "buckets", 0, "start"], Int64.max - 7),
        (["volume", "span", "requestTimes", "buckets", 0, "start"], Int64.min),
        (["volume", "span", "requestTimes", "bucketSeconds"], Int64(7)),
    ])
    func malformedStructureIsRefused(path: [Step], value: Int64) throws {
        let tampered = try Self.json(Self.setting(try Self.sampleObject(), path, to: value))
        let message = try #require(Self.mergeError([("x.json", tampered)]))
        #expect(message.hasPrefix("x.json: "))
    }

    @Test("a merge input is untrusted: a breakdown key written twice would be counted twice")
    func repeatedKeyIsRefused() throws {
        let object = try Self.sampleObject()
        let rows = try #require(((object["volume"] as? [String: Any])?["policies"] as? [[String: Any]])?[0]["verbs"] as? [Any])
        let tampered = try Self.json(Self.setting(object, ["volume", "policies", 0, "verbs"], to: rows + [rows[0]]))
        let message = try #require(Self.mergeError([("k.json", tampered)]))
        #expect(message.contains("appears twice"))
    }

    /// Billed bytes are exact integers: a merge whose counts, billed at the event overhead, would
    /// not fit an `Int` is refused with a message, and the largest counts that fit give finite
    /// figures at the largest options.
    @Test("negative counters print negative dollars no more: every figure of a merge of the largest billable counts is finite")
    func largestCountsGiveFiniteFigures() throws {
        let prices = CloudWatchPrices(standardIngestionPerGB: CloudWatchPrices.maximumPrice, infrequentAccessIngestionPerGB: CloudWatchPrices.maximumPrice,
                                      standardStoragePerGBMonth: CloudWatchPrices.maximumPrice, infrequentAccessStoragePerGBMonth: CloudWatchPrices.maximumPrice,
                                      eventOverheadBytes: CloudWatchPrices.maximumEventOverheadBytes, bytesPerGB: 1)
        let pricing = PricingAssumptions(model: .vendedTiered, accountVendedGBMonth: PricingAssumptions.maximumAccountVendedGBMonth, clusters: PricingAssumptions.maximumClusters)
        let assumptions = EstimateAssumptions(prices: prices, storage: StorageModel(retentionDays: StorageModel.maximumRetentionDays, compressionRatio: 1),
                                              pricing: pricing, durationSeconds: 1)
        func merged(_ count: Int) throws -> EstimateMerge {
            var object: Any = try Self.sampleObject()
            for field in ["events", "bytes", "ingestedBytes"] { object = Self.setting(object, ["volume", "policies", 0, "total", .key(field)], to: Int64(count)) }
            var merge = EstimateMerge()
            try merge.add(json: try Self.json(object), name: "max.json")
            return merge
        }
        let refusal = try #require(throws: EstimateMergeError.self) { try merged(Int.max).report(assumptions: assumptions) }
        #expect(refusal.message.contains("--event-overhead"))
        let largest = Int.max / (CloudWatchPrices.maximumEventOverheadBytes + 1)
        let report = try merged(largest).report(assumptions: assumptions)
        let projection = report.policies[0].projection
        let month = try #require(projection.monthlyCost)
        for figure in [projection.standardTotalCostPerMonth, projection.infrequentAccessTotalCostPerMonth, projection.storedGB, projection.billedBytes.perMonth,
                       month.standard.standalone, month.infrequentAccess.marginal] {
            let value = try #require(figure)
            #expect(value.isFinite && value > 0)
        }
        #expect(throws: Never.self) { try JSONEncoder().encode(report) }
    }
}
