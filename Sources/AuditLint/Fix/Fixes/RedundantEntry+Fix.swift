import AuditPolicy

/// AP408's fix: a list entry that another entry of the same list covers is removed
/// (``PolicyLayout/removingItem(at:)``). The rule matches exactly the same requests, which
/// ``LintFixer`` verifies.
extension RedundantEntry: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        guard finding.help == "delete the entry", let location = finding.location,
              let index = context.ruleIndex(containing: location),
              let edit = context.layout.removingItem(at: location) else { return nil }
        return LintFix(checkID: id, description: "remove an entry of rules[\(index)] that another entry of its list covers, so no request is logged differently",
                       edits: [edit], effect: .keepsEveryDecision)
    }
}
