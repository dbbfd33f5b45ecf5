import AuditPolicy

/// A span of time, `to` absent while it is still open at the end of the trail.
public struct TimeSpan: Encodable, Sendable, Hashable {
    /// The start, in microseconds since the Unix epoch.
    public var from: Int64
    /// The end (exclusive), in microseconds since the Unix epoch; `nil` while open.
    public var to: Int64?

    public init(from: Int64, to: Int64?) {
        self.from = from
        self.to = to
    }

    /// Whether `time` falls in the span.
    public func contains(_ time: Int64) -> Bool {
        time >= from && (to.map { time < $0 } ?? true)
    }

    enum CodingKeys: String, CodingKey { case from, to }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(UTCTime.format(microseconds: from), forKey: .from)
        try container.encodeOrNull(to.map { UTCTime.format(microseconds: $0) }, forKey: .to)
    }
}
