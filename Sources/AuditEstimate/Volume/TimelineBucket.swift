/// One bucket of a timeline.
public struct TimelineBucket: Codable, Sendable, Hashable {
    /// The bucket's start, in seconds since the Unix epoch.
    public var start: Int64
    public var tally: VolumeTally

    public init(start: Int64, tally: VolumeTally) {
        self.start = start
        self.tally = tally
    }

    private enum CodingKeys: String, CodingKey { case start, events, bytes, ingestedBytes }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        start = try container.decode(Int64.self, forKey: .start)
        tally = try VolumeTally(flattenedIn: container, events: .events, bytes: .bytes, ingestedBytes: .ingestedBytes)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try tally.encodeFlattened(into: &container, events: .events, bytes: .bytes, ingestedBytes: .ingestedBytes)
    }
}
