/// How a request ended, which decides its last audit stage.
public enum RequestOutcome: Sendable, Hashable {
    /// The handler returned normally: the last stage is ResponseComplete.
    case completed
    /// The handler panicked: Panic replaces ResponseComplete.
    case panicked
}

extension Decision {
    /// The stages kube-apiserver emits for a request under this decision, in order.
    ///
    /// Level None emits nothing. Otherwise RequestReceived, then ResponseStarted for long-running
    /// requests, then ResponseComplete (or Panic), each unless omitted.
    /// Upstream: `pkg/endpoints/filters/audit.go`, `WithAudit` (ResponseStarted comes from the
    /// response writer for long-running requests, or is faked in the deferred function when no
    /// response was written; on a panic only Panic follows), and `pkg/audit/context.go`,
    /// `ProcessEventStage` (which drops omitted stages).
    public func emittedStages(isLongRunning: Bool, outcome: RequestOutcome = .completed) -> [Stage] {
        guard level != .none else { return [] }
        var stages: [Stage] = []
        stages.reserveCapacity(3)
        if !omitStages.contains(.requestReceived) { stages.append(.requestReceived) }
        if isLongRunning, outcome == .completed, !omitStages.contains(.responseStarted) {
            stages.append(.responseStarted)
        }
        let last: Stage = outcome == .panicked ? .panic : .responseComplete
        if !omitStages.contains(last) { stages.append(last) }
        return stages
    }

    /// The stages emitted for `request`, using kube-apiserver's long-running check.
    public func emittedStages(for request: RequestAttributes, outcome: RequestOutcome = .completed) -> [Stage] {
        emittedStages(isLongRunning: request.isLongRunning, outcome: outcome)
    }
}
