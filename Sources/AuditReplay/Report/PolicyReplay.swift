import AuditPolicy

/// What kube-apiserver would emit for the replayed requests under one policy.
public struct PolicyReplay: Codable, Sendable, Hashable {
    /// The policy's name: its file, or `<built-in eks>`.
    public var policy: String
    /// Events emitted, after kube-apiserver's truncation when it is on (dropped events excluded).
    public var events: Int
    /// Their total size in bytes (JSON lines without newlines).
    public var bytes: Int
    /// Events and bytes by stage, in stage order; stages with no event are listed with zeros.
    public var stages: [StageTally]
    /// Requests, events and bytes by decided level (None included: requests that emit nothing).
    public var levels: [LevelTally]
    /// Requests, events and bytes by the rule that decided them, in rule order (rules that matched
    /// nothing included, with zeros).
    public var rules: [RuleTally]
    /// Requests no rule matched: level None, nothing emitted.
    public var defaultRequests: Int
    /// Requests whose sizes are lower bounds: the recording lacks a body or a stage the decided
    /// level would include (recorded at a lower level, truncated when recorded, or incomplete).
    public var lowerBound: Tally
    /// Events over the size limits.
    public var oversize: OversizeSummary
    /// What kube-apiserver's truncation did, when `--apiserver-truncate` is on.
    public var apiServerTruncation: TruncationSummary?

    public init(
        policy: String, events: Int, bytes: Int, stages: [StageTally], levels: [LevelTally], rules: [RuleTally],
        defaultRequests: Int, lowerBound: Tally, oversize: OversizeSummary, apiServerTruncation: TruncationSummary?
    ) {
        self.policy = policy
        self.events = events
        self.bytes = bytes
        self.stages = stages
        self.levels = levels
        self.rules = rules
        self.defaultRequests = defaultRequests
        self.lowerBound = lowerBound
        self.oversize = oversize
        self.apiServerTruncation = apiServerTruncation
    }
}

/// Requests, events and bytes.
public struct Tally: Codable, Sendable, Hashable {
    public var requests: Int
    public var events: Int
    public var bytes: Int

    public init(requests: Int = 0, events: Int = 0, bytes: Int = 0) {
        self.requests = requests
        self.events = events
        self.bytes = bytes
    }
}

/// Events and bytes of one stage.
public struct StageTally: Codable, Sendable, Hashable {
    public var stage: Stage
    public var events: Int
    public var bytes: Int

    public init(stage: Stage, events: Int = 0, bytes: Int = 0) {
        self.stage = stage
        self.events = events
        self.bytes = bytes
    }
}

/// Requests, events and bytes of one level.
public struct LevelTally: Codable, Sendable, Hashable {
    public var level: Level
    public var requests: Int
    public var events: Int
    public var bytes: Int

    public init(level: Level, requests: Int = 0, events: Int = 0, bytes: Int = 0) {
        self.level = level
        self.requests = requests
        self.events = events
        self.bytes = bytes
    }
}

/// What one rule decided.
public struct RuleTally: Codable, Sendable, Hashable {
    /// The rule's position in `rules`, from 0.
    public var index: Int
    /// The line where the rule starts in the policy file, when known.
    public var line: Int?
    /// The rule's level.
    public var level: Level
    public var requests: Int
    public var events: Int
    public var bytes: Int

    public init(index: Int, line: Int?, level: Level, requests: Int = 0, events: Int = 0, bytes: Int = 0) {
        self.index = index
        self.line = line
        self.level = level
        self.requests = requests
        self.events = events
        self.bytes = bytes
    }
}

/// Events over the size limits.
public struct OversizeSummary: Codable, Sendable, Hashable {
    /// Events over `maxEventSize` as kube-apiserver writes them (before its own truncation).
    public var events: Int
    /// Of those, events still over the limit when they reach CloudWatch (kube-apiserver's
    /// truncation off, or not enough): they arrive cut and are no longer valid JSON.
    public var arriveCut: Int
    /// Events over CloudWatch's 1 MiB limit (before kube-apiserver's truncation).
    public var overCloudWatchMaxEventSize: Int
    /// The offending events, in replay order (at most `ReplayOptions.offenderLimit`).
    public var offenders: [Offender]

    public init(events: Int = 0, arriveCut: Int = 0, overCloudWatchMaxEventSize: Int = 0, offenders: [Offender] = []) {
        self.events = events
        self.arriveCut = arriveCut
        self.overCloudWatchMaxEventSize = overCloudWatchMaxEventSize
        self.offenders = offenders
    }
}

/// One event over the size limit.
public struct Offender: Codable, Sendable, Hashable {
    /// Where the request's richest recorded copy was read.
    public var file: String
    public var line: Int
    public var auditID: String
    public var stage: Stage
    public var level: Level
    /// The request on one line (`RequestDescription.text`): `get secrets db -n default as alice (groups: ...)`.
    public var request: String
    /// The event's size as kube-apiserver's log backend writes it, without the newline.
    public var size: Int
    /// Whether `size` is a lower bound (see `PolicyReplay.lowerBound`).
    public var sizeIsLowerBound: Bool
    /// Whether the event is also over CloudWatch's 1 MiB limit.
    public var overCloudWatchMaxEventSize: Bool
    /// What kube-apiserver's truncation did: `truncated` (bodies dropped), `dropped`, or `nil`
    /// when it is off or the event was under its limit.
    public var apiServerAction: String?
    /// The size after kube-apiserver's truncation, when it truncated the event.
    public var sizeAfterAPIServerTruncation: Int?
    /// How many bytes of the event reach CloudWatch: `maxEventSize` when it arrives cut (the first
    /// `maxEventSize - 14` bytes followed by `[Truncated...]`), the whole event when kube-apiserver's
    /// truncation brought it under the limit, 0 when kube-apiserver dropped it.
    public var arrivedBytes: Int
    /// Whether what arrives is still valid JSON (false when cut).
    public var arrivesAsValidJSON: Bool

    public init(
        file: String, line: Int, auditID: String, stage: Stage, level: Level, request: String, size: Int,
        sizeIsLowerBound: Bool, overCloudWatchMaxEventSize: Bool, apiServerAction: String?, sizeAfterAPIServerTruncation: Int?,
        arrivedBytes: Int, arrivesAsValidJSON: Bool
    ) {
        self.file = file
        self.line = line
        self.auditID = auditID
        self.stage = stage
        self.level = level
        self.request = request
        self.size = size
        self.sizeIsLowerBound = sizeIsLowerBound
        self.overCloudWatchMaxEventSize = overCloudWatchMaxEventSize
        self.apiServerAction = apiServerAction
        self.sizeAfterAPIServerTruncation = sizeAfterAPIServerTruncation
        self.arrivedBytes = arrivedBytes
        self.arrivesAsValidJSON = arrivesAsValidJSON
    }
}

/// What kube-apiserver's truncating backend did to the emitted events.
public struct TruncationSummary: Codable, Sendable, Hashable {
    /// `--audit-log-truncate-max-event-size`.
    public var maxEventSize: Int
    /// Events whose bodies were dropped (and marked `audit.k8s.io/truncated`).
    public var truncatedEvents: Int
    /// Events dropped: still too large without bodies, or at Metadata level (no bodies to drop).
    public var droppedEvents: Int
    /// Bytes kube-apiserver did not write because of truncation and drops.
    public var bytesRemoved: Int

    public init(maxEventSize: Int, truncatedEvents: Int = 0, droppedEvents: Int = 0, bytesRemoved: Int = 0) {
        self.maxEventSize = maxEventSize
        self.truncatedEvents = truncatedEvents
        self.droppedEvents = droppedEvents
        self.bytesRemoved = bytesRemoved
    }
}
