/// Everything a replay found: what was read, and for each policy, what kube-apiserver would
/// emit and how it fares against the size limits.
///
/// Field names are stable: they are the `--format json` output of `auditsim replay`.
public struct ReplayReport: Codable, Sendable, Hashable {
    /// The inputs read (files, or `<stdin>`), in order.
    public var inputs: [String]
    /// Events read, malformed lines excluded.
    public var rawEvents: Int
    /// Requests replayed: events grouped by auditID (and verb, requestURI and user, so that two
    /// requests sharing an auditID stay apart; see `RecordingRepairs.auditIDCollisions`).
    public var requests: Int
    /// Requests whose last stage (ResponseComplete, Panic) was not recorded, replayed from the
    /// latest stage that was; their sizes are lower bounds.
    public var incompleteRequests: Int
    /// Events that repeat a stage already read for the same auditID, or arrive after their request
    /// was replayed; they are counted but not replayed again.
    public var duplicateEvents: Int
    /// Events that were not in kube-apiserver's log-backend form (pretty-printed, reordered,
    /// other escapes, another timestamp format, ...) and were re-encoded before replay.
    public var reencodedEvents: Int
    /// Lines that are not audit events.
    public var malformed: MalformedLines
    /// What the recording lacked and how the replay made up for it.
    public var repairs: RecordingRepairs
    /// The limits events were measured against.
    public var limits: SizeLimits
    /// One entry per replayed policy, in the order given.
    public var policies: [PolicyReplay]
    /// With `ReplayOptions.holdsOpenRequests`: the requests not replayed because their other stages
    /// may be in other shards; absent otherwise.
    public var openRequests: OpenRequests?

    public init(
        inputs: [String], rawEvents: Int, requests: Int, incompleteRequests: Int, duplicateEvents: Int,
        reencodedEvents: Int, malformed: MalformedLines, repairs: RecordingRepairs = RecordingRepairs(), limits: SizeLimits,
        policies: [PolicyReplay]
    ) {
        self.inputs = inputs
        self.rawEvents = rawEvents
        self.requests = requests
        self.incompleteRequests = incompleteRequests
        self.duplicateEvents = duplicateEvents
        self.reencodedEvents = reencodedEvents
        self.malformed = malformed
        self.repairs = repairs
        self.limits = limits
        self.policies = policies
    }

    /// Whether any policy has an event over `limits.maxEventSize`.
    public var hasOversizeEvents: Bool { policies.contains { $0.oversize.events > 0 } }
}

/// Lines that are not audit events: all counted, the first few kept.
public struct MalformedLines: Codable, Sendable, Hashable {
    /// How many lines were malformed.
    public var count: Int
    /// The first malformed lines, in input order.
    public var shown: [MalformedLine]

    public init(count: Int = 0, shown: [MalformedLine] = []) {
        self.count = count
        self.shown = shown
    }
}

/// One line that is not an audit event.
public struct MalformedLine: Codable, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with a malformed line.
    public enum Kind: String, Codable, Sendable, Hashable {
        /// Not JSON, or JSON that is not an audit event.
        case invalid
        /// Longer than the input event cap (`InputEventLimit`): skipped unread.
        case oversize
    }

    public var file: String
    public var line: Int
    public var kind: Kind
    /// Why, such as `invalid JSON at byte 3: ...` or `not an audit event: verb is missing`.
    public var reason: String

    public init(file: String, line: Int, kind: Kind = .invalid, reason: String) {
        self.file = file
        self.line = line
        self.kind = kind
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}

/// The size limits of a replay.
public struct SizeLimits: Codable, Sendable, Hashable {
    /// The event size limit checked (`--max-event-size`), in bytes of the JSON line without its
    /// newline: 262,144 by default, CloudWatch Logs' event limit until 2025.
    public var maxEventSize: Int
    /// CloudWatch Logs' event size limit since April 2025, always reported too.
    public var cloudWatchMaxEventSize: Int
    /// kube-apiserver's own truncation limit (`--audit-log-truncate-max-event-size`) when
    /// `--apiserver-truncate` is on; `nil` when off (kube-apiserver's default).
    public var apiServerTruncateMaxEventSize: Int?

    /// 256 KiB, the limit of this project's brief and of EKS's best-practices guide.
    public static let defaultMaxEventSize = 262_144
    /// CloudWatch Logs' maximum event size since April 2025 (1 MiB).
    public static let cloudWatchMaxEventSize = 1_048_576
    /// kube-apiserver's default `--audit-log-truncate-max-event-size` (100 KiB).
    /// Upstream: `pkg/server/options/audit.go`, `NewAuditTruncateOptions`.
    public static let defaultAPIServerTruncateMaxEventSize = 102_400
    /// The values `maxEventSize` and `apiServerTruncateMaxEventSize` may take: at least one byte,
    /// at most 1 GiB (kube-apiserver only requires a positive truncation size:
    /// `k8s.io/apiserver/pkg/server/options/audit.go`, `AuditTruncateOptions.Validate`).
    public static let allowedEventSizes: ClosedRange<Int> = 1...1 << 30

    public init(maxEventSize: Int = defaultMaxEventSize, apiServerTruncateMaxEventSize: Int? = nil) {
        self.maxEventSize = maxEventSize
        self.cloudWatchMaxEventSize = Self.cloudWatchMaxEventSize
        self.apiServerTruncateMaxEventSize = apiServerTruncateMaxEventSize
    }
}
