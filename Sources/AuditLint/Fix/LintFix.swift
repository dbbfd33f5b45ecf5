import AuditPolicy

/// A mechanical fix for one finding, whose result is certain.
public struct LintFix: Sendable, Hashable {
    /// What a fix may change in what the policy logs, which ``LintFixer`` verifies.
    public enum Effect: Sendable, Hashable {
        /// The security checklist loses nothing the policy logged (`auditsim diff
        /// --fail-on-regression` exits 0): quoting, omitted stages, omitted managedFields.
        case keepsChecklist
        /// No request is logged differently at all: removing a rule that decides nothing, or
        /// nothing the rules after it would not decide the same way.
        case keepsEveryDecision
        /// What is logged changes, and that is the point of the fix (its description says so):
        /// a misspelled name matched nothing, and the corrected one matches what was meant.
        /// Only that the fixed file is accepted is verified.
        case changesLogging
    }

    /// The check whose finding it fixes.
    public var checkID: String
    /// What it changes, in a short sentence (`quote "on" so that it stays a string`).
    public var description: String
    /// The byte edits on the original text.
    public var edits: [SourceEdit]
    /// What the fix may change in what is logged.
    public var effect: Effect

    public init(checkID: String, description: String, edits: [SourceEdit], effect: Effect = .keepsChecklist) {
        self.checkID = checkID
        self.description = description
        self.edits = edits
        self.effect = effect
    }
}

/// A check that can fix (some of) its findings.
protocol FixableRule: LintRule {
    /// The fix for `finding` (one of this check's findings in `context`), or `nil` when no fix
    /// is certain.
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix?
}
