import AuditReplay
import Foundation

/// Replay summaries of shards (`auditsim replay --format json`), merged into the replay summary
/// of one pass: the volumes merge as estimates do (`EstimateMerge`, open requests completed), the
/// report's counts are rebuilt from the merged volume, and the listed examples (offenders,
/// malformed lines) are the shards', in the order given.
public struct ReplaySummaryMerge: Sendable {
    private var volumes = EstimateMerge()
    private var examples: [ReplayReport] = []
    private var reencodedEvents = 0
    private var shown = 0

    public init() {}

    /// Whether `json` is a replay summary (its `schema` is `auditsim-replay/1`).
    public static func isReplaySummary(_ json: Data) -> Bool {
        struct Schema: Decodable { var schema: String? }
        return (try? JSONDecoder().decode(Schema.self, from: json))?.schema == ReplaySummary.currentSchema
    }

    /// Adds the replay summary in `json`, read from `name`.
    ///
    /// - Throws: `EstimateMergeError` when it is not a replay summary or does not merge.
    public mutating func add(json: Data, name: String) throws(EstimateMergeError) {
        let summary: ReplaySummary
        do {
            summary = try JSONDecoder().decode(ReplaySummary.self, from: json)
        } catch {
            throw EstimateMergeError("\(name): not an `auditsim replay --format json` output: \(MergeDecoding.describe(error))")
        }
        guard summary.report.reencodedEvents >= 0 else { throw EstimateMergeError("\(name): reencodedEvents is negative") }
        try volumes.add(volume: summary.volume, assumptions: nil, name: name)
        let (sum, overflow) = reencodedEvents.addingReportingOverflow(summary.report.reencodedEvents)
        guard !overflow else { throw EstimateMergeError("\(name): reencodedEvents overflows") }
        reencodedEvents = sum
        var report = summary.report
        report.inputs = []
        examples.append(report)
        shown = max(shown, report.malformed.shown.count, report.policies.map(\.oversize.offenders.count).max() ?? 0)
    }

    /// The merged summary (see `EstimateMerge.report` for `completion` and `finishing`).
    public func summary(completion: OpenRequestCompletion?, finishing: Bool = true) throws(EstimateMergeError) -> ReplaySummary {
        let volume = try volumes.report(assumptions: EstimateAssumptions(), completion: completion, finishing: finishing).volume
        return ReplaySummary(report: ReplaySummary.report(of: volume, reencodedEvents: reencodedEvents, examples: examples, shown: shown), volume: volume)
    }
}
