import AuditPolicy

/// A rule that decides some requests, but whose removal changes nothing that is logged: every
/// request it decides would be decided identically by the rules after it (or by the no-match
/// default).
///
/// "Identically" means the same level; when the level is not None, the same omitted stages; and
/// when bodies are logged (Request and above), the same omitManagedFields. Other differences make
/// no difference to any audit event.
public struct RedundantRule: Sendable {
    /// The rule's 0-based index.
    public let ruleIndex: Int
    /// The rules that decide its requests once it is removed, in order; `nil` is the no-match default.
    public let fallbackRules: [Int?]
    /// A request the rule decides, which is decided identically without it.
    public let example: RequestAttributes
    /// The rule (or `nil`: no rule) that decides `example` once the rule is removed.
    public let exampleFallbackRule: Int?
}
