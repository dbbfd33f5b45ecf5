import AuditReplay

/// Replays the open requests of merged shards whose stages have met, with the engine a single
/// pass uses, and adds what they write to the merged volume.
///
/// Each request's copies go to the engine in stage order, as a single pass meets them, so the
/// engine groups them as it would have and the request is counted exactly once: its events,
/// bytes, breakdowns, span and timeline as in one pass over the whole corpus. The shards already
/// counted the copies as events read, so only what the replay adds is taken.
public struct OpenRequestCompletion: Sendable {
    /// The policies the shards were estimated under, in the same order.
    public let policies: [ReplayPolicy]

    public init(policies: [ReplayPolicy]) { self.policies = policies }

    /// Replays the requests of `volume.openRequests` whose stages are all there, or all of them
    /// (from the stages recorded, as a single pass does at the end of its input) when `finishing`.
    ///
    /// - Throws: `EstimateMergeError` when the policies are not those of the shards, or a held
    ///   copy is not an audit event.
    public func complete(_ volume: inout EstimateVolume, finishing: Bool) throws(EstimateMergeError) {
        guard var open = volume.openRequests else { return }
        let ready = open.removeSettled(all: finishing)
        volume.openRequests = finishing ? nil : open
        guard !ready.isEmpty else { return }
        var lines: [UInt8] = []
        for request in ready {
            guard let requestLines = request.jsonLines else {
                throw EstimateMergeError("volume.openRequests: a copy of request \(request.auditID) is not the base64 of one event line")
            }
            lines += requestLines
        }
        var options = ReplayOptions(limits: volume.limits, scanThreads: 0)
        options.maxWaitingRequests = max(options.maxWaitingRequests, ready.count)
        options.maxWaitingBytes = max(options.maxWaitingBytes, lines.count)
        let observer = AccumulatingObserver(VolumeAccumulator(policies: policies, maxEventSize: volume.limits.maxEventSize))
        let replayed: ReplayReport
        do {
            let source = RecordingReader(bytes: lines, source: "<open requests>", format: .jsonLines)
            replayed = try ReplayEngine(policies: policies, options: options).run(source, observer: observer)
        } catch {
            throw EstimateMergeError("the open requests of the shards do not replay: \(error)")
        }
        guard replayed.malformed.count == 0 else {
            throw EstimateMergeError("volume.openRequests: \(replayed.malformed.count) held copies are not audit events")
        }
        var completed = observer.accumulator.finish(report: replayed).volume
        completed.inputs = []
        completed.rawEvents = 0
        completed.openRequests = nil
        let pending = volume.openRequests
        volume.openRequests = nil
        try volume.add(completed)
        volume.openRequests = pending
    }
}
