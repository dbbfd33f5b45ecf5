import AuditReplay

/// How the recorded audit events given with `--audit` were read.
public struct AuditSummary: Encodable, Sendable, Hashable {
    public var files: [String] = []
    /// Audit events compared with the trail.
    public var events = 0
    /// Records that are not audit events with a timestamp.
    public var malformed = MalformedLines()
    /// The cluster the events were compared with; `nil` when the trail names none.
    public var cluster: String?
    /// Node users (`system:node:...`) with requests whose DNS name no RunInstances of the trail
    /// names: their instances started before the trail, so nothing can be said of them.
    public var nodeUsersOutsideTrail = 0
}
