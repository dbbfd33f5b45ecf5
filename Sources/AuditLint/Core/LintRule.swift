import AuditPolicy

/// One lint check: a value with its description and a function from a policy to findings.
public protocol LintRule: Sendable {
    /// The check's ID, severity and documentation.
    var description: RuleDescription { get }
    /// The findings for the policy in `context`, each a diagnostic whose code is the check's ID.
    func check(_ context: LintContext) -> [Diagnostic]
}

extension LintRule {
    /// The check's ID.
    public var id: String { description.id }

    /// A finding of this check, at the default severity unless `severity` is given.
    func finding(
        _ message: String, at location: SourceLocation?, end: SourceLocation? = nil,
        notes: [String] = [], help: String? = nil, severity: Diagnostic.Severity? = nil
    ) -> Diagnostic {
        Diagnostic(severity ?? description.defaultSeverity, code: description.id, message, at: location, end: end, notes: notes, help: help)
    }
}
