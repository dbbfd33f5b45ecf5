import AuditPolicy

/// A mechanical fix for one finding, whose result is certain.
public struct LintFix: Sendable, Hashable {
    /// The check whose finding it fixes.
    public var checkID: String
    /// What it changes, in a short sentence (`quote "on" so that it stays a string`).
    public var description: String
    /// The byte edits on the original text.
    public var edits: [SourceEdit]

    public init(checkID: String, description: String, edits: [SourceEdit]) {
        self.checkID = checkID
        self.description = description
        self.edits = edits
    }
}

/// A check that can fix (some of) its findings.
protocol FixableRule: LintRule {
    /// The fix for `finding` (one of this check's findings in `context`), or `nil` when no fix
    /// is certain.
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix?
}
