import AuditCorpus
import AuditPolicy
import AuditReplay
import Foundation
import Testing
@testable import AuditEstimate

/// Issue 13, "requests split across partitions": merging the estimates of any split of a corpus
/// into shards, lines dealt at random so that many requests have their stages in different
/// shards, gives exactly the volume of one pass over the whole corpus.
@Suite("Shard merge law")
struct ShardMergeLawTests {
    static func policies() throws -> [ReplayPolicy] {
        try TestPolicies.eksAndCatchAll(named: "every-stage.yaml")
    }

    /// A small generated corpus, as lines.
    static func corpus(seed: UInt64) -> [[UInt8]] {
        var bytes: [UInt8] = []
        RecordingGenerator.generate(RecordingConfiguration(seed: seed, nodes: 2, durationSeconds: 20), maxBytes: 400_000) { bytes += $0 }
        return bytes.split(separator: UInt8(ascii: "\n")).map(Array.init)
    }

    static func estimate(_ lines: [[UInt8]], policies: [ReplayPolicy], shard: Bool) throws -> EstimateVolume {
        var replay = ReplayOptions(scanThreads: 0)
        replay.holdsOpenRequests = shard
        let bytes = lines.flatMap { $0 + [UInt8(ascii: "\n")] }
        let report = try EstimateRunner(policies: policies, options: EstimateOptions(replay: replay, suggestionsPerPolicy: 0))
            .run(canReread: true) { RecordingReader(bytes: bytes, source: "corpus.jsonl") }
        return report.volume
    }

    /// A deterministic pseudo-random sequence (SplitMix64).
    struct Dealer: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func json(_ volume: EstimateVolume) throws -> Data {
        try JSONEncoder().encode(EstimateReport(volume: volume, assumptions: EstimateAssumptions(), suggestions: SuggestionReport(policies: [], unavailableReason: nil)))
    }

    @Test("merge(random split into k shards) = one pass, for k in 1…32", arguments: 1...32)
    func mergeOfRandomSplitIsOnePass(k: Int) throws {
        let policies = try Self.policies()
        let lines = Self.corpus(seed: UInt64(1000 + k))
        var dealer = Dealer(state: UInt64(k))
        var shards = Array(repeating: [[UInt8]](), count: k)
        for line in lines { shards[Int(dealer.next() % UInt64(k))].append(line) }
        let single = try Self.estimate(lines, policies: policies, shard: false)
        var summaries = try shards.filter { !$0.isEmpty }.map { try Self.json(Self.estimate($0, policies: policies, shard: true)) }
        summaries.shuffle(using: &dealer)
        let completion = OpenRequestCompletion(policies: policies)
        // A tree of merges: the first half merged partially, then with the rest.
        var firstHalf = EstimateMerge()
        let half = summaries.count / 2
        for (index, data) in summaries[..<half].enumerated() { try firstHalf.add(json: data, name: "shard \(index)") }
        var inputs = Array(summaries[half...])
        if half > 0 {
            inputs.append(try Self.json(firstHalf.report(assumptions: EstimateAssumptions(), completion: completion, finishing: false).volume))
        }
        var merge = EstimateMerge()
        for (index, data) in inputs.enumerated() { try merge.add(json: data, name: "input \(index)") }
        var merged = try merge.report(assumptions: EstimateAssumptions(), completion: completion).volume
        #expect(merged.openRequests == nil)
        merged.inputs = single.inputs
        #expect(merged == single)
        #expect(k == 1 || single.requests > 0)
    }

    @Test("a shard's open requests are its requests missing a stage, and bounded")
    func openRequestsAreBounded() throws {
        let policies = try Self.policies()
        let lines = Self.corpus(seed: 7)
        let odd = lines.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        var replay = ReplayOptions(scanThreads: 0)
        replay.holdsOpenRequests = true
        replay.maxHeldOpenRequests = 3
        let bytes = odd.flatMap { $0 + [UInt8(ascii: "\n")] }
        let volume = try EstimateRunner(policies: policies, options: EstimateOptions(replay: replay, suggestionsPerPolicy: 0))
            .run(canReread: true) { RecordingReader(bytes: bytes, source: "odd.jsonl") }.volume
        let open = try #require(volume.openRequests)
        #expect(open.requests.count == 3)
        #expect(open.overBound > 0)
        #expect(open.requests.allSatisfy { !$0.isSettled })
    }
}

/// Issue 13: a shard summary is untrusted input; its open requests are checked like its counts.
@Suite("Shard summaries are validated")
struct ShardSummaryValidationTests {
    static func summary(_ open: OpenRequests) throws -> Data {
        let volume = EstimateVolume(inputs: ["a"], rawEvents: 1, requests: 0, incompleteRequests: 0, duplicateEvents: 0, malformedLines: 0,
                                    span: ObservedSpan(), limits: SizeLimits(), policies: [], openRequests: open)
        return try ShardMergeLawTests.json(volume)
    }

    @Test("an open request with a copy that is not base64 of one line, or two copies of a stage, is refused", arguments: [
        [OpenRequest.Copy(slot: .final, event: "not base64!")],
        [OpenRequest.Copy(slot: .final, event: "e30KZTMw")],  // "{}\n{}": two lines
        [OpenRequest.Copy(slot: .final, event: "e30="), OpenRequest.Copy(slot: .final, event: "e30=")],
        [],
    ])
    func refused(copies: [OpenRequest.Copy]) throws {
        let data = try Self.summary(OpenRequests(requests: [OpenRequest(auditID: "YQ==", longRunning: false, copies: copies)]))
        var merge = EstimateMerge()
        #expect(throws: EstimateMergeError.self) { try merge.add(json: data, name: "shard.json") }
    }

    @Test("a well-formed open request is accepted")
    func accepted() throws {
        let data = try Self.summary(OpenRequests(requests: [OpenRequest(auditID: "YQ==", longRunning: false, copies: [OpenRequest.Copy(slot: .final, event: "e30=")])]))
        var merge = EstimateMerge()
        try merge.add(json: data, name: "shard.json")
    }
}

/// Issue 13: replay summaries merge too; every count of the merged replay is that of one pass.
@Suite("Replay summaries merge")
struct ReplaySummaryMergeTests {
    static func summary(_ lines: [[UInt8]], policies: [ReplayPolicy], shard: Bool) throws -> ReplaySummary {
        var options = ReplayOptions(scanThreads: 0)
        options.holdsOpenRequests = shard
        let bytes = lines.flatMap { $0 + [UInt8(ascii: "\n")] }
        return try ReplaySummary.run(policies: policies, options: options, source: RecordingReader(bytes: bytes, source: "corpus.jsonl"))
    }

    /// The report without its example lists and inputs, which a merge does not reproduce.
    static func counts(_ report: ReplayReport) -> ReplayReport {
        var report = report
        report.inputs = []
        for index in report.policies.indices { report.policies[index].oversize.offenders = [] }
        report.malformed.shown = []
        return report
    }

    @Test("merge(random split of a replay into k shards) = one replay", arguments: [2, 5, 16])
    func mergeOfReplayShardsIsOnePass(k: Int) throws {
        let policies = try ShardMergeLawTests.policies()
        let lines = ShardMergeLawTests.corpus(seed: UInt64(2000 + k))
        var dealer = ShardMergeLawTests.Dealer(state: UInt64(k))
        var shards = Array(repeating: [[UInt8]](), count: k)
        for line in lines { shards[Int(dealer.next() % UInt64(k))].append(line) }
        let single = try Self.summary(lines, policies: policies, shard: false)
        var merge = ReplaySummaryMerge()
        for (index, shard) in shards.enumerated() where !shard.isEmpty {
            let data = try JSONEncoder().encode(Self.summary(shard, policies: policies, shard: true))
            #expect(ReplaySummaryMerge.isReplaySummary(data))
            try merge.add(json: data, name: "shard \(index)")
        }
        let merged = try merge.summary(completion: OpenRequestCompletion(policies: policies))
        #expect(Self.counts(merged.report) == Self.counts(single.report))
        var volume = merged.volume
        volume.inputs = single.volume.inputs
        #expect(volume == single.volume)
    }
}
