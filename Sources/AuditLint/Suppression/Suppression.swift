import AuditPolicy

/// An inline `# auditsim:ignore ID[,ID...] reason` comment in a policy file.
///
/// A comment on a line of its own applies to the next line that holds YAML, and, when that line
/// starts a rule, to everything inside the rule; a comment after YAML on the same line applies to
/// that line.
public struct Suppression: Sendable, Hashable {
    /// The check IDs it silences.
    public var ids: [String]
    /// Why, as written (empty when no reason was given).
    public var reason: String
    /// Where the comment starts.
    public var location: SourceLocation
    /// The line it applies to.
    public var targetLine: Int

    public init(ids: [String], reason: String, location: SourceLocation, targetLine: Int) {
        self.ids = ids
        self.reason = reason
        self.location = location
        self.targetLine = targetLine
    }
}
