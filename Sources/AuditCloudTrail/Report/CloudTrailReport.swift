import AuditReplay

/// Everything `auditsim cloudtrail` reports: the trail's clusters, logging gaps, access
/// changes and node identities, and the findings; with recorded audit events, how they
/// compare with the trail. Encoded as JSON with the schema `auditsim-cloudtrail/1`.
public struct CloudTrailReport: Encodable, Sendable {
    public static let schema = "auditsim-cloudtrail/1"

    public var trail: TrailSummary
    public var audit: AuditSummary?
    public var clusters: [ClusterHistory]
    public var loggingGaps: [LoggingGap]
    public var accessChanges: [AccessChange]
    public var nodeIdentities: [NodeIdentity]
    /// With audit events: requests an access policy authorized, with their grant.
    public var accessPolicyRequests: [AccessPolicyRequests]
    /// In time order, then by kind.
    public var findings: [Finding]

    enum CodingKeys: String, CodingKey {
        case schema, trail, audit, clusters, loggingGaps, accessChanges, nodeIdentities, accessPolicyRequests, findings
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schema, forKey: .schema)
        try container.encode(trail, forKey: .trail)
        try container.encodeOrNull(audit, forKey: .audit)
        try container.encode(clusters, forKey: .clusters)
        try container.encode(loggingGaps, forKey: .loggingGaps)
        try container.encode(accessChanges, forKey: .accessChanges)
        try container.encode(nodeIdentities, forKey: .nodeIdentities)
        try container.encode(accessPolicyRequests, forKey: .accessPolicyRequests)
        try container.encode(findings, forKey: .findings)
    }
}
