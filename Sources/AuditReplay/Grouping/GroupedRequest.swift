import AuditPolicy

/// The recorded copies of one request (its stages, grouped by auditID).
struct GroupedRequest {
    /// The richest copy: the ResponseComplete or Panic event when recorded (it carries the final
    /// response status, every annotation and the bodies), else the latest stage recorded.
    var final: RecordedCopy
    /// The recorded RequestReceived event, if any and not `final`.
    var received: RecordedCopy?
    /// The recorded ResponseStarted event, if any and not `final`.
    var started: RecordedCopy?
    /// Whether the request's last stage (ResponseComplete, Panic, or the single event of a failed
    /// authentication) was recorded.
    var isComplete: Bool
    /// Owners of the bytes of copies kept beyond their batch (the held RequestReceived and
    /// ResponseStarted copies): two references rather than an array, so nothing is allocated.
    var keepers: (received: HeldEvent?, started: HeldEvent?) = (nil, nil)

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
