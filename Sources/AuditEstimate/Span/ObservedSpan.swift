/// The time a corpus covers, as its events' timestamps show: from the earliest to the latest
/// `stageTimestamp` of the recorded events, that is, when kube-apiserver wrote them.
///
/// Not from `requestReceivedTimestamp`: a watch recorded at the end of a five-minute log may
/// have been received an hour earlier, and would stretch the span twelvefold.
///
/// Requests dated far from the rest (`TimestampOutliers`) are told apart with `requestTimes`, and
/// left out of the span an estimate scales by (`bulk`).
///
/// Mergeable: the span of shards is the earliest start and the latest end of theirs.
public struct ObservedSpan: Codable, Sendable, Hashable {
    /// The earliest `stageTimestamp`, in microseconds since the Unix epoch (UTC).
    public var firstMicroseconds: Int64?
    /// The latest `stageTimestamp`, in microseconds since the Unix epoch.
    public var lastMicroseconds: Int64?
    /// Requests replayed without any readable timestamp (not in the span nor in the timeline).
    public var requestsWithoutTimestamp: Int
    /// When the requests were recorded, to find outliers; `nil` when not kept (a span built by
    /// hand, or merged with an estimate written before it was).
    public var requestTimes: RequestTimes?

    public init(firstMicroseconds: Int64? = nil, lastMicroseconds: Int64? = nil, requestsWithoutTimestamp: Int = 0, requestTimes: RequestTimes? = nil) {
        self.firstMicroseconds = firstMicroseconds
        self.lastMicroseconds = lastMicroseconds
        self.requestsWithoutTimestamp = requestsWithoutTimestamp
        self.requestTimes = requestTimes
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
        requestTimes?.add(first: start, last: end)
    }

    /// Widens the span to cover another.
    public mutating func add(_ other: ObservedSpan) {
        if let first = other.firstMicroseconds { firstMicroseconds = min(firstMicroseconds ?? first, first) }
        if let last = other.lastMicroseconds { lastMicroseconds = max(lastMicroseconds ?? last, last) }
        requestsWithoutTimestamp += other.requestsWithoutTimestamp
        if let times = other.requestTimes { requestTimes?.add(times) } else { requestTimes = nil }
    }

    /// The span of the requests that are not outliers, and the outliers; without `requestTimes`,
    /// the whole span. `nil` when no request has a timestamp.
    public var bulk: SpanBulk? {
        if let bulk = requestTimes?.bulk { return bulk }
        guard let first = firstMicroseconds, let last = lastMicroseconds else { return nil }
        return SpanBulk(firstMicroseconds: first, lastMicroseconds: last, outliers: nil)
    }
}
