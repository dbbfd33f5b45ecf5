/// Whether suggestions were computed, and for which policies.
public struct SuggestionReport: Codable, Sendable, Hashable {
    /// One entry per policy, in order; empty when not computed.
    public var policies: [PolicySuggestions]
    /// Why there are none, when not computed (`--no-suggestions`, standard input, a merge).
    public var unavailableReason: String?

    public init(policies: [PolicySuggestions], unavailableReason: String? = nil) {
        self.policies = policies
        self.unavailableReason = unavailableReason
    }
}
