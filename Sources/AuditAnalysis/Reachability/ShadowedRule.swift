import AuditPolicy

/// A rule that decides no request: every request it would match is taken by earlier rules, or
/// it matches no request that can occur at all.
public struct ShadowedRule: Sendable {
    /// Why the rule decides nothing.
    public enum Reason: String, Sendable, Codable {
        /// Earlier rules take every request the rule would match.
        case coveredByEarlierRules
        /// The rule matches no request that can occur (for example `resourceNames` with only the
        /// verb `create`: a create carries no name when the policy is evaluated).
        case matchesNoRequest
    }

    /// One earlier rule that takes some of the rule's requests, with such a request.
    public struct Cover: Sendable {
        /// The earlier rule's index.
        public let ruleIndex: Int
        /// A request the shadowed rule matches that this earlier rule takes first.
        public let example: RequestAttributes
    }

    /// The rule's 0-based index.
    public let ruleIndex: Int
    public let reason: Reason
    /// The earlier rules that together take every request the rule matches, in order.
    public let coveringRules: [Cover]
}
