import AuditPolicy

/// AP101's fix: a misspelled selector field (`resource:` for `resources:`) is renamed to the
/// field it means, when that is certain (see AP010's fix). A selector written at the wrong level
/// is not moved: only a rename is certain. The selector then narrows the rule again, which
/// changes what is logged, on purpose.
extension DroppedSelector: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        context.renamingMisspelledField(finding, advice: "rename it to", checkID: id)
    }
}
