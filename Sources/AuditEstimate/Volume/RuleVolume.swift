import AuditPolicy

/// What one rule decided.
public struct RuleVolume: Codable, Sendable, Hashable {
    /// The rule's position in `rules`, from 0 (shown as `#index+1`).
    public var index: Int
    /// The line where the rule starts in the policy file, when known.
    public var line: Int?
    /// The rule's level.
    public var level: Level
    /// Requests the rule decided.
    public var requests: Int
    /// The events written for them.
    public var tally: VolumeTally

    public init(index: Int, line: Int?, level: Level, requests: Int = 0, tally: VolumeTally = VolumeTally()) {
        self.index = index
        self.line = line
        self.level = level
        self.requests = requests
        self.tally = tally
    }

    /// How a rule is named in reports: `#3 (line 17)`.
    public var label: String { "#\(index)" + (line.map { " (line \($0))" } ?? "") }

    /// What must match for two shards' rules to be the same rule.
    var signature: String { "\(index)|\(line.map(String.init) ?? "-")|\(level.rawValue)" }

    mutating func add(_ other: RuleVolume) {
        requests += other.requests
        tally.add(other.tally)
    }
}
