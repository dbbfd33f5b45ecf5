import AuditPolicy

/// The per-request rules of a replay that do not depend on how events are counted: which stages
/// are emitted, which body members go, and whether sizes are lower bounds.
enum RequestReplay {
    /// The stages kube-apiserver emits for the request under `decision`.
    ///
    /// A failed authentication emits a single ResponseStarted event (`WithFailedAuthenticationAudit`
    /// in `pkg/endpoints/filters/authn_audit.go` never processes RequestReceived, and its response
    /// writer emits ResponseStarted); other requests follow `Decision.emittedStages`.
    static func stages(of request: GroupedRequest, under decision: Decision) -> [Stage] {
        if request.final.event.isFailedAuthentication {
            guard decision.level != .none, !decision.omitStages.contains(.responseStarted) else { return [] }
            return [.responseStarted]
        }
        return decision.emittedStages(isLongRunning: request.final.facts.isLongRunning, outcome: request.outcome)
    }

    /// The members removed from the request and response bodies.
    ///
    /// - managedFields go when the decision says so, except from patch bodies, which are logged
    ///   raw (`pkg/audit/request.go`: `LogRequestObject` strips, `LogRequestPatch` does not;
    ///   `LogResponseObject` strips).
    /// - `"creationTimestamp":null` goes from objects of built-in API groups when replaying for
    ///   1.35 or later, since typed objects stopped writing it; custom resources are stored as
    ///   unstructured maps and keep a null they were given.
    static func bodyEdits(of copy: RecordedCopy, under decision: Decision, dropsNullCreationTimestamp: Bool, builtInGroups: Set<String>)
        -> (request: BodyEditSet, response: BodyEditSet)
    {
        let isPatch = copy.event.verbKind == .patch
        var response: BodyEditSet = []
        if decision.omitManagedFields { response.insert(.managedFields) }
        if dropsNullCreationTimestamp, let reference = copy.facts.objectReference, builtInGroups.contains(reference.apiGroup) {
            response.insert(.nullCreationTimestamp)
        }
        return (isPatch ? [] : response, response)
    }

    /// Whether the sizes of the request's events are lower bounds at `level`: its last stage was not
    /// recorded, CloudWatch cut the recorded event (its bodies and annotations are gone), or the
    /// recording lacks a body the level includes (it was recorded at a lower level, or
    /// kube-apiserver truncated it when it was recorded).
    ///
    /// Which requests carry bodies (upstream `pkg/endpoints/handlers`): create, update and patch
    /// always log a request body, delete and deletecollection when the client sent options; every
    /// request answered with an object (errors included, as a Status) logs a response body, except
    /// long-running ones (watch, exec, attach, port-forward, proxy, log), whose responses are streams.
    static func isLowerBound(_ request: GroupedRequest, at level: Level) -> Bool {
        guard level != .none else { return false }
        if !request.isComplete || request.final.origin.wasCut { return true }
        let event = request.final.event
        let attributes = request.final.facts.attributes
        let recorded = event.wasTruncatedWhenRecorded ? .metadata : event.recordedLevel
        let streams = request.final.facts.isLongRunning
        if level >= .request, recorded < .request, !event.requestObject.isPresent, attributes.isResourceRequest, !streams,
           ["create", "update", "patch", "delete", "deletecollection"].contains(attributes.verb) {
            return true
        }
        if level == .requestResponse, recorded < .requestResponse, !event.responseObject.isPresent,
           attributes.isResourceRequest || event.isFailedAuthentication, !streams {
            return true
        }
        return false
    }

    /// The request on one line, as every report prints requests (`RequestDescription`).
    static func summary(of copy: RecordedCopy) -> String {
        RequestDescription.text(copy.facts.attributes)
    }
}
