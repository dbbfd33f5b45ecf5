import AuditPolicy

/// A span in which a cluster existed and one of its log types (the `audit` log above all)
/// was off: nothing of that type reached CloudWatch Logs.
public struct LoggingGap: Encodable, Sendable, Hashable {
    public var cluster: ClusterKey
    public var logType: LogType
    public var span: TimeSpan
    /// Who turned the log off (or created the cluster without it).
    public var disabledBy: String
    /// Who turned it back on; `nil` when it was never turned on again (the cluster was deleted,
    /// or the trail ends).
    public var enabledBy: String?

    enum CodingKeys: String, CodingKey { case cluster, region, account, logType, from, to, disabledBy, enabledBy }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cluster.name, forKey: .cluster)
        try container.encode(cluster.region, forKey: .region)
        try container.encode(cluster.account, forKey: .account)
        try container.encode(logType, forKey: .logType)
        try container.encode(UTCTime.format(microseconds: span.from), forKey: .from)
        try container.encodeOrNull(span.to.map { UTCTime.format(microseconds: $0) }, forKey: .to)
        try container.encode(disabledBy, forKey: .disabledBy)
        try container.encodeOrNull(enabledBy, forKey: .enabledBy)
    }
}
