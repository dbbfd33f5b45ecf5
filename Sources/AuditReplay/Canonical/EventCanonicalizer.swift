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
/// Two repairs go beyond a Go round trip, both keeping sizes exact: a timestamp in a non-RFC 3339
/// but readable form (`2024-01-02 03:04:05.6`) is read as UTC, and a missing timestamp is taken
/// from the other one (or `MicroTime.placeholder`), because kube-apiserver always writes both.
enum EventCanonicalizer {
    /// The canonical bytes of the event in `bytes`, which `EventScanner` has already validated.
    static func canonicalize(_ bytes: UnsafeBufferPointer<UInt8>) throws(EventScanFailure) -> [UInt8] {
        guard let base = bytes.baseAddress else { throw EventScanFailure(reason: "empty line: not an audit event") }
        var parser = JSONTreeParser(base: base, count: bytes.count, position: 0)
        guard case .object(let members) = try parser.parse(depth: 1) else {
            throw EventScanFailure(reason: "not an audit event: not a JSON object")
        }
        var spans: [EventField: ByteSpan] = [:]
        for (key, value) in members {
            if let field = EventField.named(String(decoding: key, as: UTF8.self)), case .unparsed(let span) = value {
                spans[field] = span
            }
        }
        func tree(_ field: EventField, depth: Int) throws(EventScanFailure) -> JSONTree? {
            guard let span = spans[field] else { return nil }
            var parser = JSONTreeParser(base: base, count: bytes.count, position: span.start)
            let value = try parser.parse(depth: depth)
            if case .null = value { return nil }
            return value
        }

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
        if let metadata = try tree(.authenticationMetadata, depth: 2) {
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
        if let reference = try tree(.objectRef, depth: 2) {
            writer.member("objectRef")
            writer.structure(reference, strings: ["resource", "namespace", "name", "uid", "apiGroup", "apiVersion", "resourceVersion", "subresource"])
        }
        if let status = try tree(.responseStatus, depth: 5) {
            writer.member("responseStatus")
            writer.status(status, source: base)
        }
        for field in [EventField.requestObject, .responseObject] {
            guard let span = spans[field], !isNull(base, span) else { continue }
            writer.member(field == .requestObject ? "requestObject" : "responseObject")
            writer.compactBody(UnsafeBufferPointer(start: base + span.start, count: span.count))
        }
        let received = try tree(.requestReceivedTimestamp, depth: 1)?.stringBytes.flatMap(MicroTime.parse)
        let stage = try tree(.stageTimestamp, depth: 1)?.stringBytes.flatMap(MicroTime.parse)
        writer.member("requestReceivedTimestamp")
        writer.raw((received ?? stage ?? MicroTime.placeholder).quotedBytes)
        writer.member("stageTimestamp")
        writer.raw((stage ?? received ?? MicroTime.placeholder).quotedBytes)
        if case .object(let annotations)? = try tree(.annotations, depth: 2), !annotations.isEmpty {
            writer.member("annotations")
            writer.sortedMap(annotations) { writer, value in writer.string(value.stringBytes ?? []) }
        }
        writer.raw("}")
        return writer.bytes
    }

    private static func isNull(_ base: UnsafePointer<UInt8>, _ span: ByteSpan) -> Bool {
        span.count == 4 && base[span.start] == UInt8(ascii: "n")
    }
}
