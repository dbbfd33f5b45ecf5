import AuditReplay
import Foundation

/// Estimates of shards of a corpus, written by `--format json`, merged into the estimate of one
/// run over all of them (`auditsim estimate --merge`).
///
/// Each input is untrusted: it is checked (`MergeCounters`) before it is added, and an input
/// that does not pass is an `EstimateMergeError` naming it and the field, never a trap.
///
/// ```swift
/// var merge = EstimateMerge()
/// for (name, data) in files { try merge.add(json: data, name: name) }
/// let report = try merge.report(assumptions: EstimateAssumptions())
/// ```
public struct EstimateMerge: Sendable {
    private var volume: EstimateVolume?
    /// The assumptions the first input was estimated under.
    public private(set) var assumptions: EstimateAssumptions?
    /// Whether the inputs were estimated under different assumptions (prices, storage, --top).
    public private(set) var assumptionsDiffer = false
    /// The sum, over the inputs so far, of each input's largest count: a bound on every merged figure.
    private var countBound = 0
    /// The same sums for the events and ingested bytes of tallies, which billed bytes are made of.
    private var eventsBound = 0
    private var ingestedBytesBound = 0

    public init() {}

    /// Adds the estimate in `json`, read from `name`.
    ///
    /// - Throws: `EstimateMergeError` when it is not an estimate, holds a negative count, would
    ///   make a sum overflow, or was made under other policies or limits than the others.
    public mutating func add(json: Data, name: String) throws(EstimateMergeError) {
        let (next, nextAssumptions) = try EstimateReport.summary(fromJSON: json, name: name)
        try add(volume: next, assumptions: nextAssumptions, name: name)
    }

    /// Adds a volume read from `name` (an estimate's, or a replay summary's), made under `nextAssumptions`.
    ///
    /// - Throws: `EstimateMergeError` as `add(json:name:)` does.
    public mutating func add(volume next: EstimateVolume, assumptions nextAssumptions: EstimateAssumptions?, name: String) throws(EstimateMergeError) {
        if volume == nil { assumptions = nextAssumptions } else { assumptionsDiffer = assumptionsDiffer || assumptions != nextAssumptions }
        let largest = try MergeCounters.largest(in: next, name: name)
        let (bound, overflow) = countBound.addingReportingOverflow(largest.any)
        guard !overflow else {
            throw EstimateMergeError("\(name): its counts and those of the estimates before it add up to more than \(Int.max); no corpus is that large")
        }
        countBound = bound
        // Each at most `countBound`, so neither overflows.
        eventsBound += largest.tallyEvents
        ingestedBytesBound += largest.tallyIngestedBytes
        guard var merged = volume else {
            // Pooled with nothing, to put the open requests in their canonical order.
            var first = next
            if let open = next.openRequests {
                var pooled = OpenRequests()
                let (duplicates, overflow) = first.duplicateEvents.addingReportingOverflow(pooled.add(open))
                guard !overflow else { throw EstimateMergeError("\(name): volume.duplicateEvents overflows") }
                first.duplicateEvents = duplicates
                first.openRequests = pooled
            }
            volume = first
            return
        }
        do {
            try merged.add(next)
        } catch {
            throw EstimateMergeError("\(name): \(error.message)")
        }
        volume = merged
    }

    /// The merged estimate, its figures computed under `assumptions`.
    ///
    /// The merged volume is priced once, across the tiers: the cost of the whole, never a sum of
    /// the shards' costs.
    ///
    /// - Throws: `EstimateMergeError` when nothing was added, or when the merged counts are too
    ///   large to bill in whole bytes (`CloudWatchPrices.requireBillable`).
    /// - Parameters:
    ///   - completion: replays the shards' open requests (`estimate --shard`) whose stages met;
    ///     `nil` when no policies were given, which is an error only if there are open requests.
    ///   - finishing: replay every open request left, as a single pass does at the end of its
    ///     input; false keeps those whose stages have not all met, for a later merge (the result
    ///     is itself a shard).
    public func report(assumptions: EstimateAssumptions, completion: OpenRequestCompletion? = nil, finishing: Bool = true) throws(EstimateMergeError) -> EstimateReport {
        guard var volume else { throw EstimateMergeError("--merge needs the estimate JSON files to merge") }
        if let open = volume.openRequests, !open.requests.isEmpty {
            guard let completion else {
                throw EstimateMergeError("the estimates hold \(open.requests.count) open requests (estimated with --shard): give the shards' --policy options to replay them")
            }
            try completion.complete(&volume, finishing: finishing)
        } else if finishing {
            volume.openRequests = nil
        }
        try assumptions.prices.requireBillable(events: eventsBound, ingestedBytes: ingestedBytesBound)
        return EstimateReport(volume: volume, assumptions: assumptions,
                              suggestions: SuggestionReport(policies: [], unavailableReason: "not computed for merged estimates (they need the corpus; run without --merge on a shard)"))
    }
}
