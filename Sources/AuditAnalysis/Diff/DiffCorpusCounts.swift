/// What each change of a `PolicyDiff` affects in a recorded corpus: how many requests, and how
/// many bytes each policy writes for them (`auditsim diff --corpus`).
public struct DiffCorpusCounts: Sendable {
    /// What one change affects.
    public struct Counts: Sendable, Equatable {
        public var requests = 0
        /// Bytes written under the old and the new policy (kube-apiserver's JSON lines, after its
        /// own truncation when it is on).
        public var oldBytes = 0
        public var newBytes = 0

        public init(requests: Int = 0, oldBytes: Int = 0, newBytes: Int = 0) {
            self.requests = requests
            self.oldBytes = oldBytes
            self.newBytes = newBytes
        }
    }

    /// The counts of each change, in the order of `PolicyDiff.changes`.
    public var counts: [Counts]
    /// Every recorded request, whether a change holds it or not.
    public var requests: Int
    /// The time the corpus spans, in days, from its recorded timestamps (`nil` without them).
    public var days: Double?

    public init(counts: [Counts], requests: Int, days: Double?) {
        self.counts = counts
        self.requests = requests
        self.days = days
    }

    /// Bytes per day, when the corpus has timestamps.
    public func perDay(_ bytes: Int) -> Double? {
        days.map { Double(bytes) / $0 }
    }
}
