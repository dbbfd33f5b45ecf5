import AuditReplay
import Foundation
import Testing
@testable import AuditEstimate

/// The raw sums: tables, timelines and volumes add up exactly, and survive the JSON that
/// `--merge` reads back.
@Suite("Raw sums and merging")
struct VolumeMergeTests {
    @Test("tables add row by row and rank by bytes, then events, then key")
    func tables() {
        var first = BreakdownTable(["pods": VolumeTally(events: 2, bytes: 100, ingestedBytes: 100), "leases.coordination.k8s.io": VolumeTally(events: 9, bytes: 90, ingestedBytes: 90)])
        let second = BreakdownTable(["pods": VolumeTally(events: 1, bytes: 50, ingestedBytes: 40), "nodes": VolumeTally(events: 1, bytes: 150, ingestedBytes: 150)])
        first.add(second)
        #expect(first.tallies["pods"] == VolumeTally(events: 3, bytes: 150, ingestedBytes: 140))
        #expect(first.rows(by: .bytes).map(\.key) == ["nodes", "pods", "leases.coordination.k8s.io"])
        #expect(first.rows(by: .events).map(\.key) == ["leases.coordination.k8s.io", "pods", "nodes"])
    }

    /// 95 s, 91 s and 150 s after the epoch fall in the 10-second buckets starting at 90, 90 and 150.
    @Test("timelines bucket by 10 seconds and merge bucket by bucket")
    func timeline() {
        var timeline = Timeline()
        timeline.add(atMicroseconds: 95_000_000, VolumeTally(events: 1, bytes: 10, ingestedBytes: 10))
        timeline.add(atMicroseconds: 150_000_000, VolumeTally(events: 1, bytes: 20, ingestedBytes: 20))
        var other = Timeline()
        other.add(atMicroseconds: 91_000_000, VolumeTally(events: 2, bytes: 5, ingestedBytes: 5))
        timeline.add(other)
        #expect(timeline.bucketSeconds == 10)
        #expect(timeline.sortedBuckets.map(\.start) == [90, 150])
        #expect(timeline.buckets[90] == VolumeTally(events: 3, bytes: 15, ingestedBytes: 15))
    }

    /// 20,001 distinct minutes are more buckets than a timeline keeps, in 10-second or in minute
    /// buckets: it becomes 10-minute buckets; minutes 0 to 20,000 fall in buckets 0 to 2,000
    /// (2,001 buckets), 10 events in each but the last.
    @Test("a timeline too long for fine buckets is coarsened, and merges with a finer one")
    func coarsening() {
        var timeline = Timeline()
        for minute in 0...Int64(20_000) { timeline.add(atMicroseconds: minute * 60_000_000, VolumeTally(events: 1, bytes: 1, ingestedBytes: 1)) }
        #expect(timeline.bucketSeconds == 600)
        #expect(timeline.buckets.count == 2_001)
        #expect(timeline.buckets[0] == VolumeTally(events: 10, bytes: 10, ingestedBytes: 10))
        // One event at 30 minutes (1,800 s), in a 10-second timeline, joins the bucket of minutes 30 to 39.
        var fine = Timeline()
        fine.add(atMicroseconds: 1_800_000_000, VolumeTally(events: 1, bytes: 1, ingestedBytes: 1))
        fine.add(timeline)
        #expect(fine.bucketSeconds == 600)
        #expect(fine.buckets[1_800] == VolumeTally(events: 11, bytes: 11, ingestedBytes: 11))
    }

    @Test("spans widen to cover each other and count requests without timestamps")
    func spans() {
        var span = ObservedSpan()
        span.cover(first: 100, last: 300)
        span.cover(first: nil, last: nil)
        var other = ObservedSpan()
        other.cover(first: 50, last: 120)
        span.add(other)
        #expect(span == ObservedSpan(firstMicroseconds: 50, lastMicroseconds: 300, requestsWithoutTimestamp: 1))
    }

    static func volume(policy: String = "p.yaml", events: Int, lines: [Int?] = [3, 7]) -> PolicyVolume {
        let tally = VolumeTally(events: events, bytes: 100 * events, ingestedBytes: 100 * events)
        return PolicyVolume(
            policy: policy, total: tally, stages: BreakdownTable(["ResponseComplete": tally]),
            levels: [LevelVolume(level: .metadata, requests: events, tally: tally)],
            rules: lines.enumerated().map { RuleVolume(index: $0.offset, line: $0.element, level: .metadata, requests: $0.offset == 0 ? events : 0, tally: $0.offset == 0 ? tally : VolumeTally()) },
            resources: BreakdownTable(["pods": tally]), verbs: BreakdownTable(["get": tally]),
            oversize: OversizeCounts(events: 1, arriveCut: 1, overCloudWatchMaxEventSize: 0)
        )
    }

    @Test("policy volumes add field by field")
    func policyVolumes() throws {
        var first = Self.volume(events: 2)
        try first.add(Self.volume(events: 3))
        #expect(first.total == VolumeTally(events: 5, bytes: 500, ingestedBytes: 500))
        #expect(first.rules[0].requests == 5)
        #expect(first.levels[0].tally.events == 5)
        #expect(first.oversize == OversizeCounts(events: 2, arriveCut: 2, overCloudWatchMaxEventSize: 0))
        #expect(first.resources.tallies["pods"]?.events == 5)
    }

    @Test("volumes of other policies, or of a changed policy file, do not merge", arguments: [
        VolumeMergeTests.volume(policy: "other.yaml", events: 1),
        VolumeMergeTests.volume(events: 1, lines: [3, 8]),
        VolumeMergeTests.volume(events: 1, lines: [3]),
    ])
    func mismatches(other: PolicyVolume) {
        var first = Self.volume(events: 2)
        #expect(throws: EstimateMergeError.self) { try first.add(other) }
    }

    @Test("the JSON report reads back to the same volume")
    func roundTrip() throws {
        var span = ObservedSpan()
        span.cover(first: 1_700_000_000_000_000, last: 1_700_000_060_000_000)
        var policy = Self.volume(events: 2)
        policy.timeline.add(atMicroseconds: 1_700_000_000_000_000, policy.total)
        let volume = EstimateVolume(inputs: ["a.jsonl"], rawEvents: 4, requests: 2, incompleteRequests: 0, duplicateEvents: 0,
                                    malformedLines: 1, span: span, limits: SizeLimits(), policies: [policy])
        let report = EstimateReport(volume: volume, assumptions: EstimateAssumptions(), suggestions: SuggestionReport(policies: []))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(report)
        #expect(try EstimateReport.volume(fromJSON: data, name: "a.json") == volume)
    }

    @Test("other JSON is refused with the file's name", arguments: [
        "[]", "{\"schema\":\"other/1\"}", "{\"schema\":\"auditsim-estimate/1\"}", "{\"schema\":\"auditsim-estimate/1\",\"volume\":{\"inputs\":[]}}",
    ])
    func refusesOtherJSON(text: String) {
        #expect {
            _ = try EstimateReport.volume(fromJSON: Data(text.utf8), name: "shard.json")
        } throws: { error in
            (error as? EstimateMergeError)?.message.hasPrefix("shard.json: ") == true
        }
    }
}
