import AuditPolicy

/// AP010's fix: an unknown field is renamed to the one known field it is a misspelling of
/// (the finding's did-you-mean), when no other known field is as close and the mapping does not
/// already have that field. The field then takes effect, which changes what is logged.
extension UnknownField: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        context.renamingMisspelledField(finding, advice: "did you mean", checkID: id)
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
