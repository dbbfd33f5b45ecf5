import AuditPolicy

/// What to synthesize for one stage of one request.
struct SynthesisPlan {
    var stage: Stage
    var level: Level
    /// Members removed from `requestObject` and `responseObject`.
    var requestEdits: BodyEditSet
    var responseEdits: BodyEditSet
    /// kube-apiserver's truncating backend dropped the bodies and added the annotation
    /// `audit.k8s.io/truncated: "true"` (`plugin/pkg/audit/truncate/truncate.go`, `truncate`).
    var truncatedByAPIServer = false
}

/// Writes the audit events kube-apiserver would emit for a recorded request, exactly as its log
/// backend serializes them: Go's `encoding/json` encoding of an audit.k8s.io/v1 Event, one line.
///
/// Every value is copied from the recorded copies (already in log-backend form), so the output is
/// byte-identical to the recording whenever the recording was made at the decided level or above.
/// What varies by stage follows kube-apiserver's audit code (`pkg/endpoints/filters/audit.go`,
/// `pkg/audit/context.go`, `pkg/audit/request.go`), which fills one event as the request
/// progresses and writes it at each stage:
///
/// - RequestReceived is written right after `LogRequestMetadata`: no impersonatedUser (the
///   impersonation filter runs later), an objectRef from the URL only (no uid or resourceVersion,
///   and no name for a create whose URL has none: `LogRequestObject` adds them later), no
///   responseStatus, no bodies, only the annotations set during authentication (usually none),
///   and its stageTimestamp equals the requestReceivedTimestamp (`ProcessEventStage`).
/// - ResponseStarted (long-running requests) is written when the response starts: the request
///   body (if any) is logged by then, the response status is the final one, and annotations lack
///   only the latency annotations `writeLatencyToAnnotation` adds at the end.
/// - ResponseComplete and Panic carry everything.
///
/// A recorded copy of a stage is used as is for the stage-dependent fields; otherwise they are
/// derived from the richest copy by the rules above.
enum EventSynthesizer {
    static func write<Sink: EventByteSink>(_ request: GroupedRequest, _ plan: SynthesisPlan, into sink: inout Sink) {
        let final = request.final
        let event = final.event
        let stageCopy = request.copy(of: plan.stage)
        let isReceived = plan.stage == .requestReceived
        let source = stageCopy ?? final

        sink.write("{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"")
        sink.write(literal(plan.level))
        sink.write("\",\"auditID\":")
        sink.write(final.slice(event.auditID))
        sink.write(",\"stage\":\"")
        sink.write(literal(plan.stage))
        sink.write("\",\"requestURI\":")
        if event.requestURI.isPresent { sink.write(final.slice(event.requestURI)) } else { sink.write("\"\"") }
        sink.write(",\"verb\":")
        sink.write(final.slice(event.verb))
        sink.write(",\"user\":")
        if event.user.isPresent { sink.write(final.slice(event.user)) } else { sink.write("{}") }
        if !isReceived {
            if source.event.impersonatedUser.isPresent {
                sink.write(",\"impersonatedUser\":")
                sink.write(source.slice(source.event.impersonatedUser))
            }
            if source.event.authenticationMetadata.isPresent {
                sink.write(",\"authenticationMetadata\":")
                sink.write(source.slice(source.event.authenticationMetadata))
            }
        }
        if event.sourceIPs.isPresent {
            sink.write(",\"sourceIPs\":")
            sink.write(final.slice(event.sourceIPs))
        }
        if event.userAgent.isPresent {
            sink.write(",\"userAgent\":")
            sink.write(final.slice(event.userAgent))
        }
        if isReceived && stageCopy == nil {
            writeObjectReferenceFromURL(final, into: &sink)
        } else if source.event.objectRef.isPresent {
            sink.write(",\"objectRef\":")
            sink.write(source.slice(source.event.objectRef))
        }
        if !isReceived, source.event.responseStatus.isPresent {
            sink.write(",\"responseStatus\":")
            sink.write(source.slice(source.event.responseStatus))
        }
        if !isReceived && !plan.truncatedByAPIServer {
            if plan.level >= .request, event.requestObject.isPresent {
                sink.write(",\"requestObject\":")
                writeBody(final, event.requestObject, event.requestObjectEdits, final.requestRemovals, plan.requestEdits, into: &sink)
            }
            if plan.level == .requestResponse, event.responseObject.isPresent {
                sink.write(",\"responseObject\":")
                writeBody(final, event.responseObject, event.responseObjectEdits, final.responseRemovals, plan.responseEdits, into: &sink)
            }
        }
        sink.write(",\"requestReceivedTimestamp\":")
        sink.write(final.slice(event.requestReceivedTimestamp))
        sink.write(",\"stageTimestamp\":")
        if isReceived {
            sink.write(final.slice(event.requestReceivedTimestamp))
        } else {
            sink.write(source.slice(source.event.stageTimestamp))
        }
        writeAnnotations(request, plan, stageCopy: stageCopy, into: &sink)
        sink.write("}")
    }

    /// The RequestReceived objectRef derived from a later copy: the members `LogRequestMetadata`
    /// fills from the request URL. Upstream: `pkg/audit/request.go`, `LogRequestMetadata` (from
    /// the authorizer attributes) and `LogRequestObject` (which adds name, uid and
    /// resourceVersion from the body later).
    private static func writeObjectReferenceFromURL<Sink: EventByteSink>(_ copy: RecordedCopy, into sink: inout Sink) {
        guard copy.event.objectRef.isPresent else { return }
        let dropName = copy.event.verbKind == .create && copy.facts.attributes.name.isEmpty
        sink.write(",\"objectRef\":{")
        var first = true
        for member in ObjectMembers.of(copy.slice(copy.event.objectRef)) {
            if member.keyIs("uid") || member.keyIs("resourceVersion") || (dropName && member.keyIs("name")) { continue }
            if !first { sink.write(",") }
            first = false
            sink.write(member.member)
        }
        sink.write("}")
    }

    private static func writeBody<Sink: EventByteSink>(
        _ copy: RecordedCopy, _ span: ByteSpan, _ editRange: Range<Int>, _ removals: BodyRemovals, _ edits: BodyEditSet,
        into sink: inout Sink
    ) {
        let removed = removals.bytes(for: edits)
        sink.writeBody(copy.slice(span), removing: {
            BodyCuts.ranges(of: copy.edits(of: editRange), selecting: edits)
                .map { ($0.lowerBound - span.start)..<($0.upperBound - span.start) }
        }, removedBytes: removed)
    }

    /// Annotations by stage (see the type's documentation), plus the truncation mark.
    private static func writeAnnotations<Sink: EventByteSink>(_ request: GroupedRequest, _ plan: SynthesisPlan, stageCopy: RecordedCopy?, into sink: inout Sink) {
        let source: RecordedCopy
        var keep = AnnotationFilter.all
        switch plan.stage {
        case .requestReceived:
            source = stageCopy ?? request.final
            if stageCopy == nil { keep = .setByAuthentication }
        case .responseStarted:
            source = stageCopy ?? request.final
            if stageCopy == nil { keep = .allButLatency }
        case .responseComplete, .panic:
            source = request.final
        }
        let span = source.event.annotations
        guard span.isPresent else {
            if plan.truncatedByAPIServer { sink.write(",\"annotations\":{\"audit.k8s.io/truncated\":\"true\"}") }
            return
        }
        guard keep != .all || plan.truncatedByAPIServer else {
            sink.write(",\"annotations\":")
            sink.write(source.slice(span))
            return
        }
        var members = ObjectMembers.of(source.slice(span))
        switch keep {
        case .all:
            break
        case .setByAuthentication:
            // Authentication runs before the audit filter (`DefaultBuildHandlerChain`) and its
            // annotations are kept by `AuditContext.Init`; every other annotation comes later.
            members.removeAll { !$0.keyHasPrefix("authentication.k8s.io/") }
        case .allButLatency:
            // Upstream: `pkg/endpoints/filters/audit.go`, `writeLatencyToAnnotation`, called just
            // before ResponseComplete.
            members.removeAll { $0.keyHasPrefix("apiserver.latency.k8s.io/") }
        }
        var insertion: Int? = nil
        if plan.truncatedByAPIServer {
            // A Go map: the key goes in sorted order, or replaces the value of an existing one.
            if let existing = members.firstIndex(where: { $0.keyIs("audit.k8s.io/truncated") }) {
                members.remove(at: existing)
                insertion = existing
            } else {
                insertion = members.firstIndex { member in
                    !UnsafeBufferPointer(rebasing: member.key[1..<(member.key.count - 1)]).lexicographicallyPrecedes(truncatedKey)
                } ?? members.count
            }
        }
        guard !members.isEmpty || insertion != nil else { return }
        sink.write(",\"annotations\":{")
        var first = true
        func separate() {
            if !first { sink.write(",") }
            first = false
        }
        for (index, member) in members.enumerated() {
            if index == insertion {
                separate()
                sink.write("\"audit.k8s.io/truncated\":\"true\"")
            }
            separate()
            sink.write(member.member)
        }
        if insertion == members.count {
            separate()
            sink.write("\"audit.k8s.io/truncated\":\"true\"")
        }
        sink.write("}")
    }

    private static let truncatedKey: [UInt8] = Array("audit.k8s.io/truncated".utf8)

    /// Which recorded annotations a stage derived from a later copy has.
    private enum AnnotationFilter {
        case all
        /// RequestReceived: only those set during authentication.
        case setByAuthentication
        /// ResponseStarted: all but the latency annotations added at the end.
        case allButLatency
    }

    static func literal(_ level: Level) -> StaticString {
        switch level {
        case .none: "None"
        case .metadata: "Metadata"
        case .request: "Request"
        case .requestResponse: "RequestResponse"
        }
    }

    static func literal(_ stage: Stage) -> StaticString {
        switch stage {
        case .requestReceived: "RequestReceived"
        case .responseStarted: "ResponseStarted"
        case .responseComplete: "ResponseComplete"
        case .panic: "Panic"
        }
    }
}
