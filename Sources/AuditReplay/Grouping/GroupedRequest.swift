import AuditPolicy

/// The recorded copies of one request (its stages, grouped by auditID).
struct GroupedRequest {
    /// The richest copy: the ResponseComplete or Panic event when recorded (it carries the final
    /// response status, every annotation and the bodies), else the latest stage recorded.
    var final: RecordedCopy
    /// Whether the request's last stage (ResponseComplete, Panic, or the single event of a failed
    /// authentication) was recorded.
    var isComplete: Bool
    /// The held RequestReceived and ResponseStarted events that are not `final`, copied out only
    /// when asked for (most policies omit RequestReceived, and few requests have a
    /// ResponseStarted), and the held event `final` points into, if any: references rather than
    /// copies, so that grouping moves a few words.
    private let heldReceived: HeldEvent?
    private let heldStarted: HeldEvent?
    private let finalKeeper: HeldEvent?

    /// A request whose last recorded copy is `final` (held by `finalKeeper` when it was kept
    /// beyond its batch), with its earlier stages `received` and `started`.
    init(final: RecordedCopy, keptBy finalKeeper: HeldEvent? = nil, received: HeldEvent? = nil, started: HeldEvent? = nil, isComplete: Bool) {
        self.final = final
        self.isComplete = isComplete
        heldReceived = received
        heldStarted = started
        self.finalKeeper = finalKeeper
    }

    /// The recorded RequestReceived event, if any and not `final`.
    var received: RecordedCopy? { heldReceived?.copy }
    /// The recorded ResponseStarted event, if any and not `final`.
    var started: RecordedCopy? { heldStarted?.copy }

    /// The recorded copy of `stage`, if the recording has one.
    func copy(of stage: Stage) -> RecordedCopy? {
        if final.event.stage == stage { return final }
        switch stage {
        case .requestReceived: return received
        case .responseStarted: return started
        case .responseComplete, .panic: return nil
        }
    }

    /// How the request ended.
    var outcome: RequestOutcome { final.event.stage == .panic ? .panicked : .completed }
}
