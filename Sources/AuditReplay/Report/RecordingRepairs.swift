/// What a replay had to make up for in the recording: lines CloudWatch cut, events without
/// timestamps, requests sharing an auditID, events of older audit.k8s.io versions.
///
/// Field names are stable: they are part of `auditsim replay --format json`.
public struct RecordingRepairs: Codable, Sendable, Hashable {
    /// Lines that CloudWatch Logs cut at its event size limit (ending in `[Truncated...]`):
    /// counted apart from malformed lines.
    public var cutLines = NotedEvents()
    /// How many cut lines still held an auditID and a verb, and were replayed as lower bounds.
    public var replayedCutLines = 0
    /// Events with no timestamp at all (no `requestReceivedTimestamp`, `stageTimestamp`,
    /// `timestamp` or `metadata.creationTimestamp`): they are written with a placeholder time of
    /// the same length, so sizes stay exact, and count for no time in breakdowns.
    public var eventsWithoutTimestamps = NotedEvents()
    /// Requests that share an auditID with an earlier, different request (another verb,
    /// requestURI or user): replayed apart, each on its own.
    public var auditIDCollisions = NotedEvents()
    /// Events recorded as audit.k8s.io/v1beta1, converted to v1.
    public var v1beta1Events = 0
    /// Events recorded as audit.k8s.io/v1alpha1, converted to v1.
    public var v1alpha1Events = 0
    /// Events whose responseStatus was rebuilt from the Status they hold as responseObject.
    public var rebuiltResponseStatuses = 0

    public init() {}

    /// Adds another part's repairs (a later batch's), keeping at most `limit` of each list.
    mutating func add(_ other: RecordingRepairs, limit: Int) {
        cutLines.add(other.cutLines, limit: limit)
        replayedCutLines += other.replayedCutLines
        eventsWithoutTimestamps.add(other.eventsWithoutTimestamps, limit: limit)
        auditIDCollisions.add(other.auditIDCollisions, limit: limit)
        v1beta1Events += other.v1beta1Events
        v1alpha1Events += other.v1alpha1Events
        rebuiltResponseStatuses += other.rebuiltResponseStatuses
    }
}

/// Events with something to say about them: all counted, the first few shown.
public struct NotedEvents: Codable, Sendable, Hashable {
    public var count = 0
    /// The first few, in input order.
    public var shown: [NotedEvent] = []

    public init() {}

    /// Counts one, keeping it when fewer than `limit` are kept.
    mutating func note(_ event: @autoclosure () -> NotedEvent, limit: Int) {
        count += 1
        if shown.count < limit { shown.append(event()) }
    }

    /// Adds another list's events, keeping at most `limit`.
    mutating func add(_ other: NotedEvents, limit: Int) {
        count += other.count
        shown += other.shown.prefix(max(0, limit - shown.count))
    }
}

/// One event of a `NotedEvents` list.
public struct NotedEvent: Codable, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The event's auditID, empty when it did not survive.
    public var auditID: String
    /// The request (`RequestDescription`) or what is wrong, and anything else worth saying.
    public var detail: String

    public init(file: String, line: Int, auditID: String, detail: String) {
        self.file = file
        self.line = line
        self.auditID = auditID
        self.detail = detail
    }

    public var description: String {
        "\(file):\(line): \(detail)" + (auditID.isEmpty ? "" : " (auditID \(auditID))")
    }
}
