/// Renders a request's audit events as kube-apiserver's log backend writes them at level
/// RequestResponse with no omitted stages: one JSON line per stage, members in audit/v1
/// `Event` field order (pkg/apis/audit/v1/types.go), Go's encoding/json escaping.
///
/// What each stage carries follows pkg/endpoints/filters/audit.go and pkg/audit/request.go:
/// RequestReceived is written before impersonation, authorization and the handler run, so
/// it has the URL's objectRef only, no responseStatus, bodies or annotations;
/// ResponseStarted (long-running requests) adds the impersonated user, the response code
/// and the annotations; ResponseComplete adds the bodies and what the request body told
/// about the object.
enum AuditEventRenderer {
    /// One event line (with its newline) and the time it is written.
    struct RenderedEvent {
        let time: CorpusTime
        let line: [UInt8]
    }

    static func events(for request: CorpusRequest) -> [RenderedEvent] {
        switch request.shape {
        case .ordinary:
            return [
                RenderedEvent(time: request.received, line: line(request, stage: .requestReceived)),
                RenderedEvent(time: request.completed, line: line(request, stage: .responseComplete)),
            ]
        case .longRunning:
            return [
                RenderedEvent(time: request.received, line: line(request, stage: .requestReceived)),
                RenderedEvent(time: request.responseStarted ?? request.received, line: line(request, stage: .responseStarted)),
                RenderedEvent(time: request.completed, line: line(request, stage: .responseComplete)),
            ]
        case .failedAuthentication:
            return [RenderedEvent(time: request.responseStarted ?? request.completed, line: line(request, stage: .responseStarted))]
        }
    }

    private enum Stage {
        case requestReceived, responseStarted, responseComplete
    }

    private static func line(_ request: CorpusRequest, stage: Stage) -> [UInt8] {
        let failedAuthentication = request.shape == .failedAuthentication
        let pastReceived = stage != .requestReceived
        let complete = stage == .responseComplete
        var writer = GoJSONWriter(capacity: 1024 + (request.requestObject?.count ?? 0) + (request.responseObject?.count ?? 0))
        writer.writeRaw(#"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"#)
        writer.writeString(request.auditID)
        writer.writeRaw(#","stage":""#)
        writer.writeRaw(stage == .requestReceived ? "RequestReceived" : stage == .responseStarted ? "ResponseStarted" : "ResponseComplete")
        writer.writeRaw(#"","requestURI":"#)
        writer.writeString(request.requestURI)
        writer.writeRaw(#","verb":"#)
        writer.writeString(request.verb)
        writer.writeRaw(#","user":"#)
        if let user = request.user {
            writer.write(.encoded(user.encoded))
        } else {
            writer.writeRaw("{}")
        }
        if pastReceived, let impersonated = request.impersonatedUser {
            writer.writeRaw(#","impersonatedUser":"#)
            writer.write(.encoded(impersonated.encoded))
        }
        writer.writeRaw(#","sourceIPs":["#)
        writer.writeString(request.sourceIP)
        writer.writeRaw("]")
        if !request.userAgent.isEmpty {
            writer.writeRaw(#","userAgent":"#)
            writer.writeString(request.userAgent)
        }
        if var objectRef = request.objectRef {
            if complete, let fromBody = request.objectRefFromBody {
                // pkg/audit/request.go LogRequestObject: fills only what the URL left empty.
                if objectRef.name.isEmpty { objectRef.name = fromBody.name }
                if objectRef.uid.isEmpty { objectRef.uid = fromBody.uid }
                if objectRef.resourceVersion.isEmpty { objectRef.resourceVersion = fromBody.resourceVersion }
            }
            writer.writeRaw(#","objectRef":"#)
            writer.write(objectRef.json)
        }
        if pastReceived {
            writer.writeRaw(#","responseStatus":"#)
            if stage == .responseStarted && !failedAuthentication {
                // Only the code is known when a long-running response starts.
                writer.write(CorpusStatus.success(request.responseStatus.code).json)
            } else {
                writer.write(request.responseStatus.json)
            }
        }
        if complete, let body = request.requestObject {
            writer.writeRaw(#","requestObject":"#)
            writer.write(.encoded(body))
        }
        if complete || failedAuthentication, let body = request.responseObject {
            writer.writeRaw(#","responseObject":"#)
            writer.write(.encoded(body))
        }
        writer.writeRaw(#","requestReceivedTimestamp":"#)
        writer.writeString(request.received.microTimeText)
        writer.writeRaw(#","stageTimestamp":"#)
        let stageTime: CorpusTime
        switch stage {
        case .requestReceived: stageTime = request.received
        case .responseStarted: stageTime = request.responseStarted ?? request.received
        case .responseComplete: stageTime = request.completed
        }
        writer.writeString(stageTime.microTimeText)
        if pastReceived && !request.annotations.isEmpty {
            writer.writeRaw(#","annotations":"#)
            writer.write(.map(request.annotations))
        }
        writer.writeRaw("}\n")
        return writer.bytes
    }
}
