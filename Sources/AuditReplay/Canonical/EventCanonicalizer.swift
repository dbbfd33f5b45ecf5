/// The canonical form of a recorded event, and what the canonicalizer had to supply.
struct CanonicalEvent {
    /// The event as kube-apiserver's log backend writes it.
    var bytes: [UInt8]
    /// The version the event was recorded in (converted to v1).
    var version: RecordedEventVersion
    /// Whether the recording had no timestamp at all: both were written as
    /// `MicroTime.placeholder`, whose length is that of any timestamp, so sizes stay exact.
    var lacksTimestamps: Bool
    /// Whether the responseStatus was rebuilt from a Status response and differs from the
    /// recorded one (`StatusResponse`).
    var rebuiltStatus: Bool
}

/// Re-encodes a recorded event that is not in kube-apiserver's log-backend form (pretty-printed,
/// members in another order, other string escapes, unsorted maps, empty values Go omits,
/// timestamps in another format, an older apiVersion) into that form, so that the fast span
/// arithmetic applies to it.
///
/// The result is what Go's `encoding/json` writes for the audit.k8s.io/v1 Event the recorded
/// JSON decodes into (upstream: `pkg/apis/audit/v1/types.go`; kube-apiserver's log backend,
/// `plugin/pkg/audit/log/backend.go`, encodes with `json.NewEncoder`): unknown members dropped,
/// struct fields in declaration order, empty optional fields omitted, map keys sorted, strings
/// with Go's escaping, bodies compacted with `<`, `>`, `&`, U+2028 and U+2029 escaped.
///
/// An audit.k8s.io/v1alpha1 or v1beta1 event is decoded as its own version and converted to v1
/// as kube-apiserver's conversion functions did (`RecordedEventVersion`): the v1alpha1 objectRef
/// `apiVersion` split into apiGroup and apiVersion, and the timestamps below.
///
/// What 1.36 writes and the recording may lack is rebuilt, keeping sizes exact:
/// - a missing `requestReceivedTimestamp` is the recorded `timestamp`, a missing `stageTimestamp`
///   `metadata.creationTimestamp` (upstream: `pkg/apis/audit/v1beta1/conversion.go` and
///   `v1alpha1/conversion.go` in release-1.23, `Convert_v1beta1_Event_To_audit_Event` and
///   `Convert_v1alpha1_Event_To_audit_Event`; applied to events labelled v1 as well, since
///   converters relabel old events); then a missing one is the other, or `MicroTime.placeholder`
///   when the recording has no time at all (`CanonicalEvent.lacksTimestamps`);
/// - a timestamp in a readable non-RFC 3339 form (`2024-01-02 03:04:05.6`) is read as UTC;
/// - the responseStatus of a response that is a Status is rebuilt from it (`StatusResponse`).
enum EventCanonicalizer {
    /// The canonical bytes of the event in `bytes`, which `EventScanner` has already validated.
    static func canonicalize(_ bytes: UnsafeBufferPointer<UInt8>) throws(EventScanFailure) -> CanonicalEvent {
        guard let base = bytes.baseAddress else { throw EventScanFailure(reason: "empty line: not an audit event") }
        var parser = JSONTreeParser(base: base, count: bytes.count, position: 0)
        guard case .object(let members) = try parser.parse(depth: 1) else {
            throw EventScanFailure(reason: "not an audit event: not a JSON object")
        }
        var spans: [EventField: ByteSpan] = [:]
        var preV1: [String: ByteSpan] = [:]
        for (key, value) in members {
            guard case .unparsed(let span) = value else { continue }
            let name = String(decoding: key, as: UTF8.self)
            if let field = EventField.named(name) {
                spans[field] = span
            } else if name == "timestamp" || name == "metadata" {
                preV1[name] = span
            }
        }
        func tree(_ span: ByteSpan?, depth: Int) throws(EventScanFailure) -> JSONTree? {
            guard let span else { return nil }
            var parser = JSONTreeParser(base: base, count: bytes.count, position: span.start)
            let value = try parser.parse(depth: depth)
            if case .null = value { return nil }
            return value
        }
        func tree(_ field: EventField, depth: Int) throws(EventScanFailure) -> JSONTree? {
            try tree(spans[field], depth: depth)
        }
        let recordedReference = try tree(.objectRef, depth: 2)
        let version = RecordedEventVersion.of(
            declared: try tree(.apiVersion, depth: 1)?.stringBytes, objectRef: recordedReference, hasPreV1Members: !preV1.isEmpty
        )

        var writer = CanonicalEventWriter()
        writer.raw("{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\"")
        if let level = try tree(.level, depth: 1)?.stringBytes {
            writer.member("level")
            writer.string(level)
        }
        writer.member("auditID")
        writer.string(try tree(.auditID, depth: 1)?.stringBytes ?? [])
        if let stage = try tree(.stage, depth: 1)?.stringBytes {
            writer.member("stage")
            writer.string(stage)
        }
        writer.member("requestURI")
        writer.string(try tree(.requestURI, depth: 1)?.stringBytes ?? [])
        writer.member("verb")
        writer.string(try tree(.verb, depth: 1)?.stringBytes ?? [])
        writer.member("user")
        writer.userInfo(try tree(.user, depth: 4) ?? .object([]))
        if let impersonated = try tree(.impersonatedUser, depth: 4) {
            writer.member("impersonatedUser")
            writer.userInfo(impersonated)
        }
        if version.hasAuthenticationMetadata, let metadata = try tree(.authenticationMetadata, depth: 2) {
            writer.member("authenticationMetadata")
            writer.structure(metadata, strings: ["impersonationConstraint"])
        }
        if case .array(let addresses)? = try tree(.sourceIPs, depth: 2), !addresses.isEmpty {
            writer.member("sourceIPs")
            writer.stringList(addresses)
        }
        if let agent = try tree(.userAgent, depth: 1)?.stringBytes, !agent.isEmpty {
            writer.member("userAgent")
            writer.string(agent)
        }
        if let reference = recordedReference {
            writer.member("objectRef")
            writer.structure(version.convertedObjectReference(reference), strings: RecordedEventVersion.v1.objectReferenceMembers)
        }
        let recordedStatus = try tree(.responseStatus, depth: 5)
        // Two levels tell a Status from any other body without decoding a large one.
        let isStatus = try tree(.responseObject, depth: 2).map(StatusResponse.isStatus) ?? false
        let rebuiltStatus = isStatus ? StatusResponse.responseStatus(responseObject: try tree(.responseObject, depth: 5), recorded: recordedStatus) : nil
        var statusChanged = false
        if let status = rebuiltStatus ?? recordedStatus {
            writer.member("responseStatus")
            let start = writer.bytes.count
            writer.status(status, source: base)
            if rebuiltStatus != nil {
                var recorded = CanonicalEventWriter()
                if let recordedStatus { recorded.status(recordedStatus, source: base) }
                statusChanged = !writer.bytes[start...].elementsEqual(recorded.bytes)
            }
        }
        for field in [EventField.requestObject, .responseObject] {
            guard let span = spans[field], !isNull(base, span) else { continue }
            writer.member(field == .requestObject ? "requestObject" : "responseObject")
            writer.compactBody(UnsafeBufferPointer(start: base + span.start, count: span.count))
        }
        var received = try tree(.requestReceivedTimestamp, depth: 1)?.stringBytes.flatMap(MicroTime.parse)
        if received == nil { received = try tree(preV1["timestamp"], depth: 1)?.stringBytes.flatMap(MicroTime.parse) }
        var stage = try tree(.stageTimestamp, depth: 1)?.stringBytes.flatMap(MicroTime.parse)
        if stage == nil { stage = try tree(preV1["metadata"], depth: 2)?.member("creationTimestamp")?.stringBytes.flatMap(MicroTime.parse) }
        writer.member("requestReceivedTimestamp")
        writer.raw((received ?? stage ?? MicroTime.placeholder).quotedBytes)
        writer.member("stageTimestamp")
        writer.raw((stage ?? received ?? MicroTime.placeholder).quotedBytes)
        if case .object(let annotations)? = try tree(.annotations, depth: 2), !annotations.isEmpty {
            writer.member("annotations")
            writer.sortedMap(annotations) { writer, value in writer.string(value.stringBytes ?? []) }
        }
        writer.raw("}")
        return CanonicalEvent(bytes: writer.bytes, version: version, lacksTimestamps: received == nil && stage == nil, rebuiltStatus: statusChanged)
    }

    private static func isNull(_ base: UnsafePointer<UInt8>, _ span: ByteSpan) -> Bool {
        span.count == 4 && base[span.start] == UInt8(ascii: "n")
    }
}
