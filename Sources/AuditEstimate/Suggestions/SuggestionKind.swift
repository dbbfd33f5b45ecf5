/// The kinds of change estimate suggests.
public enum SuggestionKind: String, Codable, Sendable, CaseIterable {
    /// Add RequestReceived to a rule's omitStages: the first event of every request carries
    /// nothing the ResponseComplete event lacks.
    case omitRequestReceived
    /// Set omitManagedFields on a rule that logs bodies.
    case omitManagedFields
    /// Log one resource's reads or writes under a rule at a lower level (responses or bodies off).
    case lowerLevel
    /// Stop logging routine traffic (level None) for the identities that produce it.
    case routineTrafficNone
    /// Every offered change of a policy together.
    case combined
}
