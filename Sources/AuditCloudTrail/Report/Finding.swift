import AuditPolicy

/// Something the trail (and the audit recording, with `--audit`) shows that deserves a look.
public struct Finding: Encodable, Sendable, Hashable {
    public enum Kind: String, Encodable, Sendable, Hashable, CaseIterable {
        /// Audit events were recorded while the trail says audit logging was off.
        case loggingGapWithEvents = "logging-gap-with-events"
        /// A node identity made requests while no instance with its DNS name was running.
        case nodeIdentityWithoutInstance = "node-identity-without-instance"
        /// An instance's metadata service was opened to pods (hop limit above 1, or IMDSv1 allowed).
        case imdsExposed = "imds-exposed"
        /// A cluster-wide administrator access policy was granted.
        case adminAccessGranted = "admin-access-granted"
        /// A principal made requests but no access entry for it appears in the trail.
        case principalWithoutAccessEntry = "principal-without-access-entry"
    }

    public var kind: Kind
    /// When it happened (for findings over many requests, the first).
    public var time: Int64
    public var cluster: ClusterKey?
    /// One sentence saying what was found.
    public var message: String
    /// The records behind it: trail events, timelines, and example requests.
    public var evidence: [String]

    enum CodingKeys: String, CodingKey { case kind, time, cluster, message, evidence }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(UTCTime.format(microseconds: time), forKey: .time)
        try container.encodeOrNull(cluster?.name, forKey: .cluster)
        try container.encode(message, forKey: .message)
        try container.encode(evidence, forKey: .evidence)
    }
}
