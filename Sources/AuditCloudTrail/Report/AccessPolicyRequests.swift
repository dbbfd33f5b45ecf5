import AuditPolicy

/// Recorded requests that an EKS access policy authorized, with the access entry and policy
/// association of the trail that granted them.
public struct AccessPolicyRequests: Encodable, Sendable, Hashable {
    public var cluster: ClusterKey
    /// The principal of the requests (`user.extra` `arn` or `canonicalArn`) that the grant names, or the first one recorded.
    public var principalArn: String
    public var policyArn: String
    public var requests: Int
    public var first: Int64
    public var last: Int64
    /// The access entry in force: when it was created and by whom; `nil` when the trail holds none.
    public var entry: String?
    /// The association in force: when, by whom, and its scope; `nil` when the trail holds none.
    public var association: String?

    enum CodingKeys: String, CodingKey { case cluster, principalArn, policyArn, requests, first, last, entry, association }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cluster.name, forKey: .cluster)
        try container.encode(principalArn, forKey: .principalArn)
        try container.encode(policyArn, forKey: .policyArn)
        try container.encode(requests, forKey: .requests)
        try container.encode(UTCTime.format(microseconds: first), forKey: .first)
        try container.encode(UTCTime.format(microseconds: last), forKey: .last)
        try container.encodeOrNull(entry, forKey: .entry)
        try container.encodeOrNull(association, forKey: .association)
    }
}
