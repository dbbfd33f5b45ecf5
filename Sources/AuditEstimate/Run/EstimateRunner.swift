import AuditReplay

/// Runs an estimate: replays a corpus under the policies once for the volume, then, when
/// suggestions are on, once more under each suggested change to measure its saving exactly.
///
/// ```swift
/// let runner = EstimateRunner(policies: [eks, tuned])
/// let report = try runner.run(canReread: true) { try RecordingReader(paths: ["audit.jsonl.gz"]) }
/// ```
public struct EstimateRunner: Sendable {
    public let policies: [ReplayPolicy]
    public let options: EstimateOptions

    public init(policies: [ReplayPolicy], options: EstimateOptions = EstimateOptions()) {
        self.policies = policies
        self.options = options
    }

    /// Replays the corpus `makeSource` reads and derives every figure.
    ///
    /// - Parameters:
    ///   - canReread: whether `makeSource` can be called a second time (false for standard input);
    ///     suggestions need a second pass.
    ///   - makeSource: a fresh source over the whole corpus, from its start.
    /// - Throws: what the source or the engine throws.
    public func run<Source: EventBatchSource>(canReread: Bool, _ makeSource: () throws -> Source) throws -> EstimateReport {
        let observer = AccumulatingObserver(VolumeAccumulator(policies: policies, maxEventSize: options.replay.limits.maxEventSize))
        let replayed = try ReplayEngine(policies: policies, options: options.replay).run(try makeSource(), observer: observer)
        var (volume, evidence) = observer.accumulator.finish(report: replayed)
        volume.openRequests = replayed.openRequests
        let largest = try MergeCounters.largest(in: volume, name: "the corpus")
        try options.assumptions.prices.requireBillable(events: largest.tallyEvents, ingestedBytes: largest.tallyIngestedBytes)
        let suggestions: SuggestionReport
        if options.suggestionsPerPolicy == 0 {
            suggestions = SuggestionReport(policies: [], unavailableReason: "not computed (--no-suggestions)")
        } else if !canReread {
            suggestions = SuggestionReport(policies: [], unavailableReason: "not computed: standard input cannot be replayed a second time; save it to a file for suggestions")
        } else {
            let evaluator = SuggestionEvaluator(policies: policies, options: options)
            suggestions = try evaluator.evaluate(volume: volume, evidence: evidence, makeSource)
        }
        return EstimateReport(volume: volume, assumptions: options.assumptions, suggestions: suggestions)
    }
}
