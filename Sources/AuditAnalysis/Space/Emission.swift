import AuditPolicy

/// What ends up in the audit log for a class of requests: the level, the stages at which events
/// can be written, and whether managedFields stay in logged bodies.
///
/// Upstream:
/// - `pkg/endpoints/filters/audit.go`, `WithAudit`: RequestReceived, then ResponseStarted only
///   for long-running requests, then ResponseComplete (or Panic when the handler panics).
/// - `pkg/endpoints/filters/authn_audit.go`, `WithFailedAuthenticationAudit`: a request whose
///   authentication fails (the policy sees no user) gets a single ResponseStarted event.
/// - `pkg/audit/context.go`, `ProcessEventStage`: omitted stages are never written.
public struct Emission: Sendable, Hashable, Codable {
    /// The level events are written at.
    public var level: Level
    /// The stages at which events can be written (empty at level None).
    public var stages: StageSet
    /// Whether managedFields are removed from logged bodies; `nil` when no body is logged.
    public var omitManagedFields: Bool?

    /// The emission of `decision` for requests with or without a user, long-running or not.
    public init(decision: Decision, hasUser: Bool, longRunning: Bool) {
        level = decision.level
        omitManagedFields = decision.level >= .request ? decision.omitManagedFields : nil
        guard decision.level != .none else {
            stages = []
            return
        }
        var possible: StageSet = hasUser ? [.requestReceived, .responseComplete, .panic] : [.responseStarted]
        if hasUser, longRunning { possible.insert(.responseStarted) }
        stages = possible.subtracting(decision.omitStages)
    }
}
