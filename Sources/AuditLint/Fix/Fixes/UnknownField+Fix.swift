import AuditPolicy

/// AP010's fix: an unknown field is renamed to the one known field it is a misspelling of
/// (the finding's did-you-mean), when no other known field is as close and the mapping does not
/// already have that field. The field then takes effect, which changes what is logged.
extension UnknownField: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        guard let location = finding.location, finding.help?.hasPrefix("did you mean") == true,
              let intended = FixContext.suggestedName(in: finding.help),
              let field = PolicyFields.unknownFields(in: context.lint.loaderDiagnostics).first(where: { $0.finding.location == location }),
              PolicyFields.isCertainCorrection(field.name, to: intended, among: field.object.knownFields)
        else { return nil }
        return context.renamingKey(at: location, to: intended, checkID: id)
    }
}

extension PolicyFields {
    /// Whether `intended` is the only known field `name` can mean: its RBAC habit or singular
    /// (`aliases`), or the one closest spelling with no other as close.
    static func isCertainCorrection(_ name: String, to intended: String, among known: [String]) -> Bool {
        guard name != intended, known.contains(intended) else { return false }
        if aliases[name.lowercased()] == intended { return true }
        return Suggestions.isOnlyClosest(intended, to: name, in: known)
    }
}
