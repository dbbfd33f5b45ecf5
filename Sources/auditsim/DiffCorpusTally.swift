import AuditAnalysis
import AuditPolicy
import AuditReplay

/// How many recorded requests, and how many bytes per policy, each change of a `PolicyDiff`
/// affects in a corpus: the corpus is replayed under both policies (`ReplayEngine`), and every
/// request is put in the change whose class holds it.
final class DiffCorpusTally: ReplayObserver {
    /// What one change affects.
    struct Counts: Encodable {
        var requests = 0
        /// Bytes written under the old and the new policy (kube-apiserver's JSON lines, after its
        /// own truncation when it is on).
        var oldBytes = 0
        var newBytes = 0
    }

    private let diff: PolicyDiff
    private(set) var counts: [Counts]
    private(set) var requests = 0
    private var current: Int?
    private var earliest: Int64?
    private var latest: Int64?

    init(diff: PolicyDiff) {
        self.diff = diff
        counts = Array(repeating: Counts(), count: diff.changes.count)
    }

    /// Replays the corpus files and counts, showing how far it has read as `progress` says.
    static func run(diff: PolicyDiff, paths: [String], progress: ProgressOptions) throws -> DiffCorpusTally {
        let tally = DiffCorpusTally(diff: diff)
        let engine = ReplayEngine(policies: [ReplayPolicy(name: "old", policy: diff.old), ReplayPolicy(name: "new", policy: diff.new)])
        let (reader, line) = progress.showing(try RecordingReader(paths: paths))
        defer { line?.finish() }
        _ = try engine.run(reader, observer: tally)
        return tally
    }

    func replaying(_ request: ObservedRequest) {
        requests += 1
        current = diff.changeIndex(containing: request.attributes)
        if let index = current { counts[index].requests += 1 }
        if let first = request.firstRecordedMicroseconds { earliest = min(earliest ?? first, first) }
        if let last = request.lastRecordedMicroseconds { latest = max(latest ?? last, last) }
    }

    func emitted(_ event: ObservedEvent) {
        guard let index = current, let size = event.writtenSize else { return }
        if event.policyIndex == 0 { counts[index].oldBytes += size } else { counts[index].newBytes += size }
    }

    /// The time the corpus spans, in days, from its recorded timestamps (`nil` without them).
    var days: Double? {
        guard let earliest, let latest, latest > earliest else { return nil }
        return Double(latest - earliest) / 86_400_000_000
    }

    /// Bytes per day, when the corpus has timestamps.
    func perDay(_ bytes: Int) -> Double? {
        days.map { Double(bytes) / $0 }
    }
}
