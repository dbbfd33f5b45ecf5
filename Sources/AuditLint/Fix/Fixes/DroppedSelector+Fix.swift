import AuditPolicy

/// AP101's fix: a misspelled selector field (`resource:` for `resources:`) is renamed to the
/// field it means, when that is certain (see AP010's fix). A selector written at the wrong level
/// is not moved: only a rename is certain. The selector then narrows the rule again, which
/// changes what is logged, on purpose.
extension DroppedSelector: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        guard let location = finding.location, finding.help?.hasPrefix("rename it to") == true,
              let intended = FixContext.suggestedName(in: finding.help),
              let field = PolicyFields.unknownFields(in: context.lint.loaderDiagnostics).first(where: { $0.finding.location == location }),
              PolicyFields.isCertainCorrection(field.name, to: intended, among: field.object.knownFields)
        else { return nil }
        return context.renamingKey(at: location, to: intended, checkID: id)
    }
}
