/// Generates a fake recording of EKS control-plane audit traffic at level RequestResponse
/// with no omitted stages, as kube-apiserver's log backend writes it: one audit.k8s.io/v1
/// Event per line, in the order the events are written (by stage timestamp).
///
/// The recording is a cut from a running cluster: requests already under way when it
/// starts (watches, mostly) appear with only their later stages, and requests still
/// under way when it ends with only their earlier ones.
public enum RecordingGenerator {
    /// What was written.
    public struct Summary: Sendable, Equatable {
        /// Audit events (lines) written.
        public var events: Int
        /// Bytes written.
        public var bytes: Int
    }

    /// Writes the corpus to `write`, in chunks of about 1 MiB of whole lines. Stops at the
    /// end of the configured duration or, with `maxBytes`, after the line that reaches it.
    @discardableResult
    public static func generate(_ configuration: RecordingConfiguration, maxBytes: Int? = nil,
                                  write: ([UInt8]) throws -> Void) rethrows -> Summary {
        let context = CorpusContext(seed: configuration.seed)
        let start = CorpusTime(microseconds: configuration.startSeconds * CorpusTime.second)
        let end = configuration.durationSeconds.map { start + Int64($0) * CorpusTime.second }
        ClusterBootstrap.populate(context, nodes: max(1, configuration.nodes), start: start)

        var sources: [any TrafficSource] = []
        var schedule = TimeOrderedHeap<Int>()
        for scheduled in SteadyTraffic.sources(context, start: start) + ScriptedActivity.sources(context, start: start, configuration: configuration) {
            schedule.insert(sources.count, at: scheduled.firstFire)
            sources.append(scheduled.source)
        }

        var summary = Summary(events: 0, bytes: 0)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 21)
        func budgetReached() -> Bool { maxBytes.map { summary.bytes >= $0 } ?? false }
        /// Writes the pending events due by `time` (those before `start` are dropped: the recording had not begun).
        func flush(dueBy time: CorpusTime) throws {
            while !budgetReached(), let event = context.popPendingEvent(dueBy: time) {
                guard event.time >= start else { continue }
                chunk.append(contentsOf: event.line)
                summary.events += 1
                summary.bytes += event.line.count
                if chunk.count >= 1 << 20 {
                    try write(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
        }

        while !budgetReached(), let next = schedule.popEarliest() {
            if let end, next.time >= end { break }
            try flush(dueBy: next.time)
            if let again = sources[next.value].fire(at: next.time, in: context) {
                schedule.insert(next.value, at: again)
            }
            for started in context.startedSources {
                schedule.insert(sources.count, at: started.firstFire)
                sources.append(started.source)
            }
            context.startedSources.removeAll()
        }
        try flush(dueBy: end.map { $0 + -1 } ?? CorpusTime(microseconds: .max))
        if !chunk.isEmpty { try write(chunk) }
        return summary
    }
}
