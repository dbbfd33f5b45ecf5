import AuditPolicy

/// AP503's fix: `omitManagedFields: true` on the policy (or on the rule, for a finding on one
/// rule). managedFields is bookkeeping inside bodies; levels and stages stay as they are.
extension ManagedFieldsLogged: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        let index = context.ruleIndex(of: finding)
        guard let edit = context.layout.settingTrue("omitManagedFields", ruleIndex: index) else { return nil }
        let target = index.map { "rules[\($0)]" } ?? "the policy"
        return LintFix(checkID: id, description: "set omitManagedFields: true on \(target)", edits: [edit])
    }
}
