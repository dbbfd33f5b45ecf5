import AuditPolicy
import AuditReplay

/// Counts what each change of a `PolicyDiff` affects in a recorded corpus: the corpus is replayed
/// under both policies (`ReplayEngine`), and every request is put in the change whose class
/// holds it.
public final class DiffCorpusTally: ReplayObserver {
    private let diff: PolicyDiff
    private var counts: [DiffCorpusCounts.Counts]
    private var requests = 0
    private var current: Int?
    private var earliest: Int64?
    private var latest: Int64?

    init(diff: PolicyDiff) {
        self.diff = diff
        counts = Array(repeating: DiffCorpusCounts.Counts(), count: diff.changes.count)
    }

    /// Replays the recorded corpus `reader` reads (the caller may wrap it to show progress) and counts.
    public static func run(diff: PolicyDiff, reader: RecordingReader) throws -> DiffCorpusCounts {
        let tally = DiffCorpusTally(diff: diff)
        let engine = ReplayEngine(policies: [ReplayPolicy(name: "old", policy: diff.old), ReplayPolicy(name: "new", policy: diff.new)])
        _ = try engine.run(reader, observer: tally)
        return tally.result
    }

    public func replaying(_ request: ObservedRequest) {
        requests += 1
        current = diff.changeIndex(containing: request.attributes)
        if let index = current { counts[index].requests += 1 }
        if let first = request.firstRecordedMicroseconds { earliest = min(earliest ?? first, first) }
        if let last = request.lastRecordedMicroseconds { latest = max(latest ?? last, last) }
    }

    public func emitted(_ event: ObservedEvent) {
        guard let index = current, let size = event.writtenSize else { return }
        if event.policyIndex == 0 { counts[index].oldBytes += size } else { counts[index].newBytes += size }
    }

    /// The counts so far; the span in days from the recorded timestamps, when there are some.
    var result: DiffCorpusCounts {
        var days: Double?
        if let earliest, let latest, latest > earliest { days = Double(latest - earliest) / 86_400_000_000 }
        return DiffCorpusCounts(counts: counts, requests: requests, days: days)
    }
}
