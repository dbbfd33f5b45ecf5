import AuditPolicy
import AuditReplay
import Foundation

/// `auditsim replay --format json`: the replay report, with `schema` and the raw additive
/// counts of `volume` (those `estimate --merge` and `auditsim merge` add), so that replays of
/// shards merge into the replay of the whole corpus.
///
/// The report's keys stay at the top level, as before; `schema` and `volume` are added.
public struct ReplaySummary: Codable, Sendable, Hashable {
    /// Identifies the format: `auditsim-replay/1`.
    public static let currentSchema = "auditsim-replay/1"
    public var report: ReplayReport
    /// The raw sums, with the open requests of a shard (`--shard`).
    public var volume: EstimateVolume

    private enum Keys: String, CodingKey { case schema, volume }

    public init(report: ReplayReport, volume: EstimateVolume) {
        self.report = report
        self.volume = volume
    }

    public func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(Self.currentSchema, forKey: .schema)
        try container.encode(volume, forKey: .volume)
    }

    public init(from decoder: any Decoder) throws {
        report = try ReplayReport(from: decoder)
        volume = try decoder.container(keyedBy: Keys.self).decode(EstimateVolume.self, forKey: .volume)
    }

    /// Replays `source` under `policies` and keeps the volume alongside the report.
    ///
    /// - Throws: what the source or `emit` throws.
    public static func run<Source: EventBatchSource>(
        policies: [ReplayPolicy], options: ReplayOptions, source: Source, emit: ((UnsafeBufferPointer<UInt8>) throws -> Void)? = nil
    ) throws -> ReplaySummary {
        let observer = AccumulatingObserver(VolumeAccumulator(policies: policies, maxEventSize: options.limits.maxEventSize, detailed: true))
        var report = try ReplayEngine(policies: policies, options: options).run(source, emit: emit, observer: observer)
        var volume = observer.accumulator.finish(report: report).volume
        volume.openRequests = report.openRequests
        report.openRequests = nil
        return ReplaySummary(report: report, volume: volume)
    }

    /// The report of a merged volume: every count from the volume; the lists of examples
    /// (offenders, malformed lines) are those of `examples`, in order, cut to `shown` entries.
    public static func report(of volume: EstimateVolume, reencodedEvents: Int, examples: [ReplayReport], shown: Int) -> ReplayReport {
        let policies = volume.policies.enumerated().map { index, policy in
            let offenders = examples.flatMap { $0.policies.indices.contains(index) ? $0.policies[index].oversize.offenders : [] }
            return PolicyReplay(
                policy: policy.policy, events: policy.total.events, bytes: policy.total.bytes,
                stages: Stage.allCases.map { StageTally(stage: $0, events: policy.stages.tallies[$0.rawValue]?.events ?? 0, bytes: policy.stages.tallies[$0.rawValue]?.bytes ?? 0) },
                levels: policy.levels.map { LevelTally(level: $0.level, requests: $0.requests, events: $0.tally.events, bytes: $0.tally.bytes) },
                rules: policy.rules.map { RuleTally(index: $0.index, line: $0.line, level: $0.level, requests: $0.requests, events: $0.tally.events, bytes: $0.tally.bytes) },
                defaultRequests: policy.defaultRequests,
                lowerBound: Tally(requests: policy.lowerBound.requests, events: policy.lowerBound.tally.events, bytes: policy.lowerBound.tally.bytes),
                oversize: OversizeSummary(events: policy.oversize.events, arriveCut: policy.oversize.arriveCut,
                                          overCloudWatchMaxEventSize: policy.oversize.overCloudWatchMaxEventSize, offenders: Array(offenders.prefix(shown))),
                apiServerTruncation: policy.apiServerTruncation
            )
        }
        return ReplayReport(
            inputs: volume.inputs, rawEvents: volume.rawEvents, requests: volume.requests, incompleteRequests: volume.incompleteRequests,
            duplicateEvents: volume.duplicateEvents, reencodedEvents: reencodedEvents,
            malformed: MalformedLines(count: volume.malformedLines, shown: Array(examples.flatMap(\.malformed.shown).prefix(shown))),
            limits: volume.limits, policies: policies
        )
    }
}
