import AuditPolicy
import AuditReplay
import Foundation
import Testing
@testable import AuditEstimate

/// A corpus written by hand, estimated end to end (replay, volume, scale, prices), every total
/// worked out by hand; merging shards equals one pass; what-if equals the difference of single runs.
@Suite("Estimate of a hand-written corpus")
struct HandCorpusTests {
    /// Each event is written exactly as kube-apiserver's log backend writes it at Metadata level,
    /// so replaying it under a Metadata policy that omits RequestReceived emits it unchanged
    /// (`SynthesisExactnessTests` pins that); its userAgent is padded so that each line is
    /// exactly 998 bytes: 998 + 26 = 1,024 billed bytes per event.
    static let eventBytes = 998

    static func event(_ number: Int, uri: String, verb: String, user: String, groups: [String], objectRef: String?, received: String, ended: String) -> String {
        let head = "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\",\"auditID\":\"00000000-0000-0000-0000-00000000000\(number)\","
            + "\"stage\":\"ResponseComplete\",\"requestURI\":\"\(uri)\",\"verb\":\"\(verb)\","
            + "\"user\":{\"username\":\"\(user)\",\"groups\":[\(groups.map { "\"\($0)\"" }.joined(separator: ","))]},\"sourceIPs\":[\"10.0.0.\(number)\"],\"userAgent\":\""
        let tail = "\"" + (objectRef.map { ",\"objectRef\":\($0)" } ?? "") + ",\"responseStatus\":{\"metadata\":{},\"code\":200},"
            + "\"requestReceivedTimestamp\":\"\(received)\",\"stageTimestamp\":\"\(ended)\"}"
        return head + String(repeating: "x", count: eventBytes - head.utf8.count - tail.utf8.count) + tail
    }

    /// Four requests in one hour: the first written at 10:00:00, the last at 11:00:00 (the span is
    /// measured on stageTimestamp, when kube-apiserver writes each event).
    static let lines = [
        event(1, uri: "/api/v1/namespaces/default/pods/web-1", verb: "get", user: "alice", groups: ["system:authenticated"],
              objectRef: "{\"resource\":\"pods\",\"namespace\":\"default\",\"name\":\"web-1\",\"apiVersion\":\"v1\"}",
              received: "2026-11-01T09:59:59.998000Z", ended: "2026-11-01T10:00:00.000000Z"),
        event(2, uri: "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node-1", verb: "update", user: "system:node:node-1",
              groups: ["system:nodes", "system:authenticated"],
              objectRef: "{\"resource\":\"leases\",\"namespace\":\"kube-node-lease\",\"name\":\"node-1\",\"apiGroup\":\"coordination.k8s.io\",\"apiVersion\":\"v1\"}",
              received: "2026-11-01T10:20:00.000000Z", ended: "2026-11-01T10:20:00.003000Z"),
        event(3, uri: "/api/v1/namespaces/kube-system/configmaps", verb: "list", user: "system:serviceaccount:kube-system:coredns",
              groups: ["system:serviceaccounts", "system:authenticated"],
              objectRef: "{\"resource\":\"configmaps\",\"namespace\":\"kube-system\",\"apiVersion\":\"v1\"}",
              received: "2026-11-01T10:40:00.000000Z", ended: "2026-11-01T10:40:00.001000Z"),
        event(4, uri: "/version", verb: "get", user: "system:serviceaccount:monitoring:probe", groups: ["system:serviceaccounts", "system:authenticated"],
              objectRef: nil, received: "2026-11-01T10:59:59.000000Z", ended: "2026-11-01T11:00:00.000000Z"),
    ]

    static let metadataPolicy = "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]\nrules:\n- level: Metadata\n"
    /// The same, without the node's lease renewal: the what-if's second policy.
    static let withoutLeases = "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]\nrules:\n"
        + "- level: None\n  resources:\n  - group: coordination.k8s.io\n    resources: [leases]\n- level: Metadata\n"

    static func policy(_ yaml: String, name: String) throws -> ReplayPolicy {
        let loaded = PolicyReader.read(PolicySource(name: name, text: yaml), options: PolicyReadOptions())
        return ReplayPolicy(name: name, policy: try loaded.compile())
    }

    static func estimate(_ lines: [String], policies: [ReplayPolicy], maxEventSize: Int = SizeLimits.defaultMaxEventSize,
                         prices: CloudWatchPrices = CloudWatchPrices(), suggestions: Int = 0) throws -> EstimateReport {
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let options = EstimateOptions(
            replay: ReplayOptions(limits: SizeLimits(maxEventSize: maxEventSize), scanThreads: 0),
            assumptions: EstimateAssumptions(prices: prices, storage: StorageModel(retentionDays: 30, compressionRatio: 4)),
            suggestionsPerPolicy: suggestions
        )
        return try EstimateRunner(policies: policies, options: options).run(canReread: true) {
            RecordingReader(bytes: bytes, source: "hand.jsonl")
        }
    }

    @Test("the fixture's events are 998 bytes each")
    func fixture() {
        #expect(Self.lines.map(\.utf8.count) == [998, 998, 998, 998])
    }

    /// Events 4, bytes 4 × 998 = 3,992, billed 4 × 1,024 = 4,096.
    /// Span: stageTimestamps 10:00:00 to 11:00:00 = 3,600 s; × 24 to a day, × 24 × 30.4375 = 730.5 to a month.
    /// Per day: 96 events, 98,304 billed bytes; per month: 2,922 events, 2,992,128 billed bytes.
    /// Standard ingestion: 2,992,128 / 2^30 GB × $0.50 = 730.5 × 2^12 × 2^-31 = 730.5 × 2^-19
    /// = $0.00139331817626953125 a month; Infrequent Access half: $0.000696659088134765625.
    /// Storage (30 days, 4:1): 98,304 / 4 × 30 = 737,280 bytes = 720 × 2^10 / 2^30
    /// = 0.0006866455078125 GB; × $0.03 = $0.000020599365234375 a month (0.03 is not exact in
    /// binary, so that one is compared to within 1e-18).
    @Test("events, bytes, days and dollars, by hand")
    func totals() throws {
        let report = try Self.estimate(Self.lines, policies: [Self.policy(Self.metadataPolicy, name: "metadata.yaml")])
        let volume = try #require(report.volume.policies.first)
        #expect(volume.total == VolumeTally(events: 4, bytes: 3_992, ingestedBytes: 3_992))
        #expect(report.scale.basis == .timestamps)
        #expect(report.scale.seconds == 3_600)
        #expect(report.scale.firstTimestamp == "2026-11-01T10:00:00Z")
        #expect(report.scale.lastTimestamp == "2026-11-01T11:00:00Z")
        let projection = try #require(report.policies.first?.projection)
        #expect(projection.events == ScaledFigure(corpus: 4, perDay: 96, perMonth: 2_922))
        #expect(projection.billedBytes == ScaledFigure(corpus: 4_096, perDay: 98_304, perMonth: 2_992_128))
        #expect(projection.standardIngestionCost.perMonth == 0.00139331817626953125)
        #expect(projection.infrequentAccessIngestionCost.perMonth == 0.000696659088134765625)
        #expect(projection.storedGB == 0.0006866455078125)
        let storage = try #require(projection.standardStorageCostPerMonth)
        #expect(abs(storage - 0.000020599365234375) < 1e-18)

        // Breakdowns: one event of 998 bytes per request.
        #expect(volume.rules[0].tally.events == 4 && volume.rules[0].line == 5)
        #expect(volume.resources.tallies.keys.sorted() == ["/version", "configmaps", "leases.coordination.k8s.io", "pods"])
        #expect(volume.identities.tallies.keys.sorted() == ["alice", "system:node:*", "system:serviceaccount:kube-system:*", "system:serviceaccount:monitoring:*"])
        #expect(volume.namespaces.tallies["(non-resource)"]?.bytes == 998)
        #expect(volume.verbs.tallies["get"]?.events == 2)
        // Written at 10:00, 10:20, 10:40 and 11:00: four 10-second buckets of the timeline.
        #expect(volume.timeline.buckets.count == 4)
    }

    /// With a limit of 900 bytes every event is over it: each arrives cut to 900 bytes, billed
    /// 900 + 26 = 926; 4 × 926 = 3,704 billed bytes.
    @Test("events over the limit are counted, and billed as they arrive: cut to the limit")
    func oversize() throws {
        let report = try Self.estimate(Self.lines, policies: [Self.policy(Self.metadataPolicy, name: "metadata.yaml")], maxEventSize: 900)
        let volume = try #require(report.volume.policies.first)
        #expect(volume.oversize == OversizeCounts(events: 4, arriveCut: 4, overCloudWatchMaxEventSize: 0))
        #expect(volume.total == VolumeTally(events: 4, bytes: 3_992, ingestedBytes: 3_600))
        #expect(report.policies.first?.projection.billedBytes.corpus == 3_704)
    }

    @Test("merging the estimates of two halves equals estimating the whole")
    func mergeEqualsSinglePass() throws {
        let policies = [try Self.policy(Self.metadataPolicy, name: "metadata.yaml"), try Self.policy(Self.withoutLeases, name: "no-leases.yaml")]
        let whole = try Self.estimate(Self.lines, policies: policies)
        let firstHalf = try Self.estimate(Array(Self.lines[..<2]), policies: policies)
        let secondHalf = try Self.estimate(Array(Self.lines[2...]), policies: policies)
        // Through the JSON, as `--merge` reads it.
        let encoder = JSONEncoder()
        var merged = try EstimateReport.volume(fromJSON: encoder.encode(firstHalf), name: "a.json")
        try merged.add(EstimateReport.volume(fromJSON: encoder.encode(secondHalf), name: "b.json"))
        merged.inputs = whole.volume.inputs
        #expect(merged == whole.volume)
        let report = EstimateReport(volume: merged, assumptions: whole.assumptions, suggestions: whole.suggestions)
        #expect(report.policies == whole.policies)
        #expect(report.scale == whole.scale)
    }

    /// Without the lease renewal: 3 events, 2,994 bytes; the difference is -1 event, -998 bytes,
    /// -1,024 billed bytes, -24,576 a day.
    @Test("the what-if difference equals the difference of two single runs")
    func whatIf() throws {
        let metadata = try Self.policy(Self.metadataPolicy, name: "metadata.yaml")
        let tuned = try Self.policy(Self.withoutLeases, name: "no-leases.yaml")
        let together = try Self.estimate(Self.lines, policies: [metadata, tuned])
        let first = try Self.estimate(Self.lines, policies: [metadata])
        let second = try Self.estimate(Self.lines, policies: [tuned])
        let comparison = try #require(together.whatIf.first)
        let expected = try #require(second.volume.policies.first?.total) - (try #require(first.volume.policies.first?.total))
        #expect(comparison.difference == expected)
        #expect(comparison.difference == VolumeTally(events: -1, bytes: -998, ingestedBytes: -998))
        #expect(comparison.projection.billedBytes.perDay == -24_576)
        let single = try #require(second.policies.first?.projection.standardTotalCostPerMonth)
            - (try #require(first.policies.first?.projection.standardTotalCostPerMonth))
        let difference = try #require(comparison.projection.standardTotalCostPerMonth)
        #expect(abs(difference - single) < 1e-15)
    }
}
