/// One value of a breakdown and its tally.
public struct BreakdownRow: Codable, Sendable, Hashable {
    public var key: String
    public var tally: VolumeTally

    public init(key: String, tally: VolumeTally) {
        self.key = key
        self.tally = tally
    }

    private enum CodingKeys: String, CodingKey { case key, events, bytes, ingestedBytes }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        tally = try VolumeTally(flattenedIn: container, events: .events, bytes: .bytes, ingestedBytes: .ingestedBytes)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try tally.encodeFlattened(into: &container, events: .events, bytes: .bytes, ingestedBytes: .ingestedBytes)
    }
}
