/// An authenticated user as an audit event records it (authentication/v1 `UserInfo`:
/// username, uid, groups, extra; each omitted when empty).
struct CorpusUser {
    let username: String
    let groups: [String]
    /// The user's JSON, encoded once.
    let encoded: [UInt8]

    init(username: String, uid: String? = nil, groups: [String] = [], extra: [(String, [String])] = []) {
        self.username = username
        self.groups = groups
        let extraJSON: CorpusJSON? = extra.isEmpty ? nil : .object(
            extra.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.map { ($0.0, .array($0.1.map(CorpusJSON.string))) }
        )
        encoded = CorpusJSON.object(omittingNil: [
            ("username", .string(username)),
            ("uid", uid.map(CorpusJSON.string)),
            ("groups", groups.isEmpty ? nil : .array(groups.map(CorpusJSON.string))),
            ("extra", extraJSON),
        ]).encoded
    }
}

/// What an audit event's `objectRef` holds (audit/v1 `ObjectReference`, members in that
/// struct's order, each omitted when empty).
struct CorpusObjectRef {
    var resource = ""
    var namespace = ""
    var name = ""
    var uid = ""
    var apiGroup = ""
    var apiVersion = ""
    var resourceVersion = ""
    var subresource = ""

    var json: CorpusJSON {
        .object([
            ("resource", resource), ("namespace", namespace), ("name", name), ("uid", uid),
            ("apiGroup", apiGroup), ("apiVersion", apiVersion), ("resourceVersion", resourceVersion),
            ("subresource", subresource),
        ].filter { !$0.1.isEmpty }.map { ($0.0, .string($0.1)) })
    }
}

/// An audit event's `responseStatus` (a metav1 `Status` with the bounded fields kube-apiserver
/// copies: pkg/audit/context.go `LogResponseObject`; only the code for successful
/// responses that are not a Status: pkg/endpoints/filters/audit.go `processCode`).
struct CorpusStatus {
    var code: Int
    var status: String?
    var message: String?
    var reason: String?
    var details: CorpusJSON?

    static func success(_ code: Int = 200) -> CorpusStatus { CorpusStatus(code: code) }

    var json: CorpusJSON {
        .object(omittingNil: [
            ("metadata", .object([])),
            ("status", status.map(CorpusJSON.string)),
            ("message", message.map(CorpusJSON.string)),
            ("reason", reason.map(CorpusJSON.string)),
            ("details", details),
            ("code", .int(Int64(code))),
        ])
    }

    /// The full Status object a failed request returns, as the response body
    /// (`responseObject` at level RequestResponse).
    var responseObject: CorpusJSON {
        .object(omittingNil: [
            ("kind", "Status"), ("apiVersion", "v1"),
            ("metadata", .object([])),
            ("status", status.map(CorpusJSON.string)),
            ("message", message.map(CorpusJSON.string)),
            ("reason", reason.map(CorpusJSON.string)),
            ("details", details),
            ("code", .int(Int64(code))),
        ])
    }
}

/// One request to kube-apiserver, with everything its audit events record.
struct CorpusRequest {
    /// Which stages the request goes through (pkg/endpoints/filters/audit.go `WithAudit`,
    /// authn_audit.go `WithFailedAuthenticationAudit`).
    enum Shape {
        /// RequestReceived, then ResponseComplete.
        case ordinary
        /// RequestReceived, ResponseStarted when the response starts, ResponseComplete:
        /// watch, and the exec/attach/portforward/log/proxy subresources.
        case longRunning
        /// Failed authentication: a single ResponseStarted event without a user.
        case failedAuthentication
    }

    var shape = Shape.ordinary
    var auditID: String
    var requestURI: String
    var verb: String
    /// `nil` only for failed authentication (the event's `user` is then `{}`).
    var user: CorpusUser?
    /// Set from ResponseStarted on (impersonation runs after the RequestReceived event).
    var impersonatedUser: CorpusUser?
    var sourceIP: String
    var userAgent: String
    /// The objectRef as parsed from the URL (all stages).
    var objectRef: CorpusObjectRef?
    /// name, uid and resourceVersion taken from the request body for creates and updates
    /// (pkg/audit/request.go `LogRequestObject`), added at ResponseComplete.
    var objectRefFromBody: (name: String, uid: String, resourceVersion: String)?
    var responseStatus: CorpusStatus
    /// The request body (already compact JSON), from ResponseComplete.
    var requestObject: [UInt8]?
    /// The response body, from ResponseComplete (level RequestResponse).
    var responseObject: [UInt8]?
    /// Annotations (authorization decision and reason, admission), from ResponseStarted on.
    var annotations: [(String, String)]
    var received: CorpusTime
    /// When the response started (long-running requests and failed authentication).
    var responseStarted: CorpusTime?
    var completed: CorpusTime
}
