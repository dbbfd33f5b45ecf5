import AuditPolicy

/// What the scanner found in one recorded audit event: where each field of the
/// audit.k8s.io/v1 Event is, and the few decoded values the policy decision needs.
///
/// Spans are offsets into the event's bytes and include the value's delimiters; an absent field
/// (missing, or `null`) has the span `.absent`.
struct ScannedEvent: Sendable {
    var auditID = ByteSpan.absent
    var requestURI = ByteSpan.absent
    var verb = ByteSpan.absent
    var user = ByteSpan.absent
    var impersonatedUser = ByteSpan.absent
    var authenticationMetadata = ByteSpan.absent
    var sourceIPs = ByteSpan.absent
    var userAgent = ByteSpan.absent
    var objectRef = ByteSpan.absent
    var responseStatus = ByteSpan.absent
    var requestObject = ByteSpan.absent
    var responseObject = ByteSpan.absent
    var requestReceivedTimestamp = ByteSpan.absent
    var stageTimestamp = ByteSpan.absent
    var annotations = ByteSpan.absent

    /// The recorded `level`, when present and known.
    var level: Level?
    /// The recorded `stage`, when present and known.
    var stage: Stage?
    /// `responseStatus.code`, when present.
    var responseCode: Int?

    /// Whether every value the synthesizer copies is already exactly as kube-apiserver's log
    /// backend writes it (compact, Go's string escaping, struct fields in order, map keys
    /// sorted, omitted empty values, timestamps in RFC 3339 with microseconds in UTC).
    var isCanonical = true
    /// Whether `annotations` has `audit.k8s.io/truncated`, set by kube-apiserver's truncating
    /// backend when it dropped the bodies of the recorded event.
    var wasTruncatedWhenRecorded = false

    /// Where this event's removable body members are in the batch's candidate list.
    var requestObjectEdits: Range<Int> = 0..<0
    var responseObjectEdits: Range<Int> = 0..<0

    /// Whether `user` names a user (a user name or groups).
    var hasUser = false
    /// What `verb` is, as far as the replay cares.
    var verbKind = VerbKind.other
}

/// The verbs whose bodies the audit code treats specially.
enum VerbKind: Sendable {
    /// `create`: the objectRef name comes from the body, after the policy was evaluated.
    case create
    /// `patch`: the request body is the raw patch, never stripped of managedFields.
    case patch
    case other
}

/// The values of an event the policy needs, decoded (strings, unlike the rest of `ScannedEvent`).
struct DecodedEventFields: Sendable {
    /// Where `user.username` is (absent when missing or `null`), decoded only when asked
    /// (`user(in:)`): a decision cache hit needs no strings.
    var userNameSpan = ByteSpan.absent
    /// Where `user.groups` is (absent when missing, `null` or `[]`).
    var userGroupsSpan = ByteSpan.absent
    /// Where `verb` is, decoded only when asked (`verb(in:)`).
    var verbSpan = ByteSpan.absent

    /// The verb, decoded from `bytes` (the event scanned).
    func verb(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard verbSpan.isPresent, let base = bytes.baseAddress else { return "" }
        return GoJSONString.decodeString(base, verbSpan)
    }
    /// Where the objectRef members the policy matches on are; `nil` without an objectRef.
    /// Decoded only when asked (`objectReference(in:)`): a decision cache hit needs none of them.
    var objectReferenceSpans: ObjectReferenceSpans?

    /// Whether `user` names a user: a user name or groups. An event without is a failed
    /// authentication (`pkg/endpoints/filters/authn_audit.go`). A string of more than its two
    /// quotes decodes to a non-empty one.
    var hasUser: Bool { userNameSpan.count > 2 || userGroupsSpan.isPresent }

    /// The user, decoded from `bytes` (the event scanned); `nil` without one (`hasUser`).
    func user(in bytes: UnsafeBufferPointer<UInt8>) -> UserInfo? {
        guard hasUser, let base = bytes.baseAddress else { return nil }
        return UserInfo(
            name: userNameSpan.isPresent ? GoJSONString.decodeString(base, userNameSpan) : "",
            groups: userGroupsSpan.isPresent ? GoJSONString.decodeStringArray(base, userGroupsSpan) : []
        )
    }

    /// The objectRef fields the policy matches on, decoded from `bytes` (the event scanned);
    /// `nil` without an objectRef.
    func objectReference(in bytes: UnsafeBufferPointer<UInt8>) -> ObjectReferenceValues? {
        guard let spans = objectReferenceSpans, let base = bytes.baseAddress else { return nil }
        func text(_ span: ByteSpan) -> String { span.isPresent ? GoJSONString.decodeString(base, span) : "" }
        return ObjectReferenceValues(
            resource: text(spans.resource), namespace: text(spans.namespace), name: text(spans.name),
            apiGroup: text(spans.apiGroup), apiVersion: text(spans.apiVersion), subresource: text(spans.subresource)
        )
    }
}

/// Where an objectRef's members are in an event (absent when missing or `null`).
struct ObjectReferenceSpans: Sendable {
    var resource = ByteSpan.absent
    var namespace = ByteSpan.absent
    var name = ByteSpan.absent
    var apiGroup = ByteSpan.absent
    var apiVersion = ByteSpan.absent
    var subresource = ByteSpan.absent
}

/// The decoded fields of an event's objectRef.
struct ObjectReferenceValues: Sendable, Hashable {
    var resource = ""
    var namespace = ""
    var name = ""
    var apiGroup = ""
    var apiVersion = ""
    var subresource = ""
}

extension ScannedEvent {
    /// Whether the recorded stage ends the request (ResponseComplete or Panic). An event without
    /// a stage is taken as complete.
    var isFinalStage: Bool {
        switch stage {
        case .responseComplete, .panic, nil: true
        case .requestReceived, .responseStarted: false
        }
    }

    /// Whether the event is a failed authentication (no user): kube-apiserver emits only one
    /// event for such a request.
    /// Upstream: `pkg/endpoints/filters/authn_audit.go`, `WithFailedAuthenticationAudit`.
    var isFailedAuthentication: Bool { !hasUser }

    /// The level the event was recorded at: its `level` field, or else what its bodies show.
    var recordedLevel: Level {
        if let level, level != .none { return level }
        if responseObject.isPresent { return .requestResponse }
        if requestObject.isPresent { return .request }
        return .metadata
    }
}
