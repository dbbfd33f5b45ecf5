/// What a generated recording covers: the seed, the cluster's size, and how long it records.
///
/// The same configuration always gives the same bytes (the generator has its own PRNG
/// and never reads the clock or the environment).
public struct RecordingConfiguration: Sendable, Equatable {
    /// The PRNG seed.
    public var seed: UInt64
    /// Worker nodes in the cluster.
    public var nodes: Int
    /// How long the recording lasts, in seconds; `nil` for no end (a byte budget ends it).
    public var durationSeconds: Int?
    /// When the recording starts, in seconds since the Unix epoch (UTC).
    public var startSeconds: Int64
    /// How often the scripted activity (a CI deploy, an operator's kubectl session, a
    /// developer's denied requests) recurs, in seconds. The first run starts in the first
    /// minutes of the recording.
    public var scenarioIntervalSeconds: Int

    /// 2026-11-01T10:00:00Z.
    public static let defaultStartSeconds: Int64 = CorpusTime(year: 2026, month: 11, day: 1, hour: 10).microseconds / CorpusTime.second

    public init(seed: UInt64, nodes: Int = 5, durationSeconds: Int? = 600,
                startSeconds: Int64 = RecordingConfiguration.defaultStartSeconds, scenarioIntervalSeconds: Int = 1800) {
        self.seed = seed
        self.nodes = nodes
        self.durationSeconds = durationSeconds
        self.startSeconds = startSeconds
        self.scenarioIntervalSeconds = scenarioIntervalSeconds
    }
}
