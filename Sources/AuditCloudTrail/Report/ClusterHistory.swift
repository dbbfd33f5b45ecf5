import AuditPolicy

/// What the trail tells about one EKS cluster: when it existed, when each control plane log
/// type was on, and which Kubernetes version was in force.
public struct ClusterHistory: Encodable, Sendable {
    public var key: ClusterKey
    /// `CreateCluster`'s time and caller, when the trail holds it.
    public var created: Int64?
    public var createdBy: String?
    /// `DeleteCluster`'s time and caller, when the trail holds it.
    public var deleted: Int64?
    public var deletedBy: String?
    /// For each log type, the spans it was on (every type is listed, an empty list when never on).
    public var logging: [LogType: [TimeSpan]]
    /// The Kubernetes versions in force, each from the time of the call that set it.
    public var versions: [VersionChange]

    /// A Kubernetes version and when it came into force.
    public struct VersionChange: Encodable, Sendable, Hashable {
        public var version: String
        public var from: Int64

        enum CodingKeys: String, CodingKey { case version, from }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(version, forKey: .version)
            try container.encode(UTCTime.format(microseconds: from), forKey: .from)
        }
    }

    /// The version in force at `time`, when the trail tells it.
    public func version(at time: Int64) -> String? {
        versions.last { $0.from <= time }?.version
    }

    enum CodingKeys: String, CodingKey { case name, region, account, created, createdBy, deleted, deletedBy, logging, versions }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key.name, forKey: .name)
        try container.encode(key.region, forKey: .region)
        try container.encode(key.account, forKey: .account)
        try container.encodeOrNull(created.map { UTCTime.format(microseconds: $0) }, forKey: .created)
        try container.encodeOrNull(createdBy, forKey: .createdBy)
        try container.encodeOrNull(deleted.map { UTCTime.format(microseconds: $0) }, forKey: .deleted)
        try container.encodeOrNull(deletedBy, forKey: .deletedBy)
        try container.encode(Dictionary(uniqueKeysWithValues: LogType.allCases.map { ($0.rawValue, logging[$0] ?? []) }), forKey: .logging)
        try container.encode(versions, forKey: .versions)
    }
}
