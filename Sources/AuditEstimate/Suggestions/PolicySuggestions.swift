/// The suggestions for one policy.
public struct PolicySuggestions: Codable, Sendable, Hashable {
    public var policy: String
    /// Changes that open no checklist gap, largest saving first.
    public var offered: [Suggestion]
    /// Every offered change together (savings overlap, so this is measured, not summed);
    /// `nil` with fewer than two offered.
    public var combined: Suggestion?
    /// Changes considered and refused because they would open a checklist gap, with what they
    /// would have saved.
    public var refused: [Suggestion]

    public init(policy: String, offered: [Suggestion], combined: Suggestion?, refused: [Suggestion]) {
        self.policy = policy
        self.offered = offered
        self.combined = combined
        self.refused = refused
    }
}
