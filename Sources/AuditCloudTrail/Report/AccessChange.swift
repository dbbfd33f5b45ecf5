import AuditPolicy

/// A change to who may use a cluster, made through the EKS API and so never seen in the
/// Kubernetes audit log: access entries, access policy associations, the authentication mode,
/// and OIDC identity provider configurations.
public struct AccessChange: Encodable, Sendable, Hashable {
    /// Why a change deserves attention.
    public enum Flag: String, Encodable, Sendable, Hashable {
        /// A cluster-wide administrator policy was granted (`AmazonEKSClusterAdminPolicy`, or an
        /// admin policy with cluster scope).
        case adminAccess = "admin-access"
        /// An access entry puts its principal in `system:masters`, which no authorizer can restrict.
        case systemMasters = "system-masters"
    }

    public var cluster: ClusterKey
    public var time: Int64
    /// The EKS API action (`AssociateAccessPolicy`, ...).
    public var action: String
    public var principalArn: String?
    public var policyArn: String?
    /// `cluster`, or `namespaces: a, b`; for other actions, what changed (the authentication
    /// mode, the identity provider configuration).
    public var scope: String?
    /// Who made the call.
    public var by: String
    public var flag: Flag?

    enum CodingKeys: String, CodingKey { case cluster, time, action, principalArn, policyArn, scope, by, flag }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cluster.name, forKey: .cluster)
        try container.encode(UTCTime.format(microseconds: time), forKey: .time)
        try container.encode(action, forKey: .action)
        try container.encodeOrNull(principalArn, forKey: .principalArn)
        try container.encodeOrNull(policyArn, forKey: .policyArn)
        try container.encodeOrNull(scope, forKey: .scope)
        try container.encode(by, forKey: .by)
        try container.encodeOrNull(flag, forKey: .flag)
    }
}
