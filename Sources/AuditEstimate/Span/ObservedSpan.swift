/// The time a corpus covers, as its events' timestamps show: from the earliest to the latest
/// `stageTimestamp` of the recorded events, that is, when kube-apiserver wrote them.
///
/// Not from `requestReceivedTimestamp`: a watch recorded at the end of a five-minute log may
/// have been received an hour earlier, and would stretch the span twelvefold.
///
/// Mergeable: the span of shards is the earliest start and the latest end of theirs.
public struct ObservedSpan: Codable, Sendable, Hashable {
    /// The earliest `stageTimestamp`, in microseconds since the Unix epoch (UTC).
    public var firstMicroseconds: Int64?
    /// The latest `stageTimestamp`, in microseconds since the Unix epoch.
    public var lastMicroseconds: Int64?
    /// Requests replayed without any readable timestamp (not in the span nor in the timeline).
    public var requestsWithoutTimestamp: Int

    public init(firstMicroseconds: Int64? = nil, lastMicroseconds: Int64? = nil, requestsWithoutTimestamp: Int = 0) {
        self.firstMicroseconds = firstMicroseconds
        self.lastMicroseconds = lastMicroseconds
        self.requestsWithoutTimestamp = requestsWithoutTimestamp
    }

    /// Widens the span to cover a request whose recorded events were written from `first` to
    /// `last` (microseconds since the epoch; either may be missing).
    public mutating func cover(first: Int64?, last: Int64?) {
        guard let start = first ?? last else {
            requestsWithoutTimestamp += 1
            return
        }
        let end = max(last ?? start, start)
        firstMicroseconds = min(firstMicroseconds ?? start, start)
        lastMicroseconds = max(lastMicroseconds ?? end, end)
    }

    /// Widens the span to cover another.
    public mutating func add(_ other: ObservedSpan) {
        if let first = other.firstMicroseconds { firstMicroseconds = min(firstMicroseconds ?? first, first) }
        if let last = other.lastMicroseconds { lastMicroseconds = max(lastMicroseconds ?? last, last) }
        requestsWithoutTimestamp += other.requestsWithoutTimestamp
    }

    /// The span's length in seconds, when there are timestamps.
    public var seconds: Double? {
        guard let first = firstMicroseconds, let last = lastMicroseconds else { return nil }
        return (Double(last) - Double(first)) / 1_000_000
    }
}
