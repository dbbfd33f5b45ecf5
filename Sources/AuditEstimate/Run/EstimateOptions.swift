import AuditAnalysis
import AuditReplay

/// How an estimate runs.
public struct EstimateOptions: Sendable {
    /// The replay's limits and threads.
    public var replay: ReplayOptions
    /// Prices, storage model, `--duration`, rows per breakdown.
    public var assumptions: EstimateAssumptions
    /// The most suggestions offered per policy; 0 turns suggestions off.
    public var suggestionsPerPolicy: Int
    /// The most suggestions an option asks per policy (`--suggestions`); each costs a replay.
    public static let maximumSuggestionsPerPolicy = 100
    /// The checklist suggestions must keep.
    public var checklist: SecurityChecklist

    public init(replay: ReplayOptions = ReplayOptions(), assumptions: EstimateAssumptions = EstimateAssumptions(),
                suggestionsPerPolicy: Int = 5, checklist: SecurityChecklist = .builtIn) {
        self.replay = replay
        self.assumptions = assumptions
        self.suggestionsPerPolicy = suggestionsPerPolicy
        self.checklist = checklist
    }
}
