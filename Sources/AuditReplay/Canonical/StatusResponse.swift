/// The `responseStatus` kube-apiserver 1.36 writes for a response that is a `metav1.Status`
/// (deletes, errors), rebuilt from the Status the recording holds as its `responseObject`.
///
/// Upstream (k8s.io/apiserver v0.36): `pkg/audit/request.go`, `LogResponseObject`, hands the
/// `*metav1.Status` to `pkg/audit/context.go`, `AuditContext.LogResponseObject`, which copies
/// its status, message, reason, details and code (not its kind, apiVersion or list metadata)
/// into responseStatus at Metadata level and above. The handler writes the header after that,
/// and the audit filter's response writer then sets the code to the HTTP status
/// (`pkg/endpoints/filters/audit.go`, `auditResponseWriter.processCode`, through
/// `AuditContext.SetEventResponseStatusCode`), so the recorded code, being that status, wins.
/// Older servers copied fewer fields (no message and no details before these releases), which
/// is why recordings from them are short.
enum StatusResponse {
    /// The rebuilt responseStatus, or `nil` when `responseObject` is not a Status.
    static func responseStatus(responseObject: JSONTree?, recorded: JSONTree?) -> JSONTree? {
        guard let responseObject, isStatus(responseObject) else { return nil }
        var members: [(key: [UInt8], value: JSONTree)] = []
        for name in ["status", "message", "reason", "details"] {
            if let value = responseObject.member(name) { members.append((Array(name.utf8), value)) }
        }
        if let code = recorded?.member("code") ?? responseObject.member("code") {
            members.append((Array("code".utf8), code))
        }
        return .object(members)
    }

    /// Whether an object is a `metav1.Status`: kind `Status` of the unversioned `v1` it is
    /// always encoded as (or `meta.k8s.io/v1`).
    static func isStatus(_ object: JSONTree) -> Bool {
        guard object.member("kind")?.stringBytes == Array("Status".utf8),
              let version = object.member("apiVersion")?.stringBytes else { return false }
        return version == Array("v1".utf8) || version == Array("meta.k8s.io/v1".utf8)
    }

    /// Whether a compact body starts as a Status encoded by kube-apiserver does
    /// (`{"kind":"Status",`), a cheap test to send an event to the canonicalizer.
    static func mayBeStatus(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
        body.starts(with: prefix)
    }

    private static let prefix: [UInt8] = Array(#"{"kind":"Status","#.utf8)
}
