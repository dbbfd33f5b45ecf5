import AuditPolicy

/// The life of one EC2 instance, and the node identity (`system:node:<private DNS name>`)
/// it could hold while it ran.
public struct NodeIdentity: Encodable, Sendable, Hashable {
    /// `system:node:` followed by the instance's private DNS name.
    public var user: String
    public var instanceId: String
    public var region: String
    public var launched: Int64
    /// `TerminateInstances`' time; `nil` while running at the end of the trail.
    public var terminated: Int64?

    /// When the instance ran.
    public var lifetime: TimeSpan { TimeSpan(from: launched, to: terminated) }

    /// The node user name of a private DNS name.
    public static func userName(privateDNSName: String) -> String { "system:node:" + privateDNSName }

    enum CodingKeys: String, CodingKey { case user, instanceId, region, launched, terminated }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(user, forKey: .user)
        try container.encode(instanceId, forKey: .instanceId)
        try container.encode(region, forKey: .region)
        try container.encode(UTCTime.format(microseconds: launched), forKey: .launched)
        try container.encodeOrNull(terminated.map { UTCTime.format(microseconds: $0) }, forKey: .terminated)
    }
}
