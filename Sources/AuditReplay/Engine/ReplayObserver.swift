import AuditPolicy

/// Sees every request a replay goes through and every event kube-apiserver produces for it, for
/// breakdowns beyond the report's totals (by resource, user, time, ...), as `auditsim estimate`
/// makes.
///
/// Called on the thread that called `ReplayEngine.run`, in request order: `replaying` once per
/// request, then `emitted` once per event under each policy, in policy order. A replay without an
/// observer builds none of these values.
public protocol ReplayObserver: AnyObject {
    /// A request is about to be replayed; the events that follow are its.
    func replaying(_ request: ObservedRequest)
    /// One event kube-apiserver produces for the current request under one policy, including an
    /// event its own truncation then drops (`writtenSize` is `nil`).
    func emitted(_ event: ObservedEvent)
    /// Once, at the end: how many policy decisions were looked up in the decision cache (one per
    /// event) and how many of them were found there instead of walking the rules.
    func decisionCache(lookups: Int, hits: Int)
}

extension ReplayObserver {
    public func decisionCache(lookups: Int, hits: Int) {}
}

/// A request, as the policies saw it, and when its recorded events were written.
public struct ObservedRequest: Sendable {
    /// The request's attributes (the authenticated user, verb, resource or path, namespace).
    public var attributes: RequestAttributes
    /// The earliest `stageTimestamp` of its recorded events, in microseconds since the Unix
    /// epoch; `nil` when the recording has no timestamp.
    public var firstRecordedMicroseconds: Int64?
    /// The `stageTimestamp` of its latest recorded event.
    public var lastRecordedMicroseconds: Int64?

    public init(attributes: RequestAttributes, firstRecordedMicroseconds: Int64?, lastRecordedMicroseconds: Int64?) {
        self.attributes = attributes
        self.firstRecordedMicroseconds = firstRecordedMicroseconds
        self.lastRecordedMicroseconds = lastRecordedMicroseconds
    }
}

/// One event kube-apiserver produces for the current request under one policy.
public struct ObservedEvent: Sendable {
    /// The policy's position in `ReplayEngine.policies`.
    public var policyIndex: Int
    /// The policy's decision for the request.
    public var decision: Decision
    public var stage: Stage
    /// The event's size as the log backend writes it (JSON line without newline), before
    /// kube-apiserver's own truncation.
    public var size: Int
    /// Its size after kube-apiserver's truncation (the same when that is off or did not act);
    /// `nil` when kube-apiserver dropped it.
    public var writtenSize: Int?
    /// Whether the size is a lower bound (`PolicyReplay.lowerBound`).
    public var sizeIsLowerBound: Bool
    /// The event's `stageTimestamp` (when kube-apiserver writes it), in microseconds since the
    /// epoch; `nil` when the recording has no timestamp.
    public var stageMicroseconds: Int64?

    public init(policyIndex: Int, decision: Decision, stage: Stage, size: Int, writtenSize: Int?, sizeIsLowerBound: Bool, stageMicroseconds: Int64?) {
        self.policyIndex = policyIndex
        self.decision = decision
        self.stage = stage
        self.size = size
        self.writtenSize = writtenSize
        self.sizeIsLowerBound = sizeIsLowerBound
        self.stageMicroseconds = stageMicroseconds
    }
}

extension ObservedRequest {
    /// The request of a grouped request, with the span of its recorded events.
    init(_ request: GroupedRequest) {
        let times = [request.received, request.started, request.final].compactMap { $0?.stageMicroseconds }
        self.init(attributes: request.final.facts.attributes, firstRecordedMicroseconds: times.min(), lastRecordedMicroseconds: request.final.stageMicroseconds)
    }
}

extension GroupedRequest {
    /// When the event of `stage` is written: the `stageTimestamp` the synthesizer gives it
    /// (`EventSynthesizer`: the request's `requestReceivedTimestamp` for RequestReceived, else the
    /// recorded copy of the stage's, or the latest recorded copy's).
    func stageMicroseconds(of stage: Stage) -> Int64? {
        if stage == .requestReceived { return final.microseconds(final.event.requestReceivedTimestamp) }
        return (copy(of: stage) ?? final).stageMicroseconds
    }
}

extension RecordedCopy {
    /// The copy's `stageTimestamp` in microseconds since the epoch.
    var stageMicroseconds: Int64? { microseconds(event.stageTimestamp) }

    /// A timestamp of the copy in microseconds since the epoch; `nil` when the recording had no
    /// timestamp (its replayed form holds `MicroTime.placeholder`, which is no time).
    func microseconds(_ span: ByteSpan) -> Int64? {
        guard span.isPresent, !origin.lacksTimestamps else { return nil }
        let bytes = slice(span)
        guard let time = MicroTime.parseCanonical(bytes) ?? MicroTime.parse(GoJSONString.decode(bytes)) else { return nil }
        return time.seconds * 1_000_000 + Int64(time.microseconds)
    }
}
