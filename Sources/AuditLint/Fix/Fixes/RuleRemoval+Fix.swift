import AuditPolicy

/// AP401's and AP402's fix: a rule whose removal changes no decision is removed, with the
/// comment lines right above it when they are its own (``PolicyLayout/removingRule(_:)``).
///
/// Only the findings whose advice is to delete the rule are fixed: a shadowed rule whose earlier
/// rules decide its requests the same way (a shadowed rule with another outcome shows lost
/// intent, and is left for its author to move), and a redundant rule. ``LintFixer`` verifies
/// that the policy without it logs every request exactly as before.
extension FixContext {
    func removingRule(for finding: Diagnostic, checkID: String, reason: String) -> LintFix? {
        guard finding.help == "delete the rule", lint.rules.count > 1, let index = ruleIndex(of: finding),
              let edit = layout.removingRule(index) else { return nil }
        return LintFix(checkID: checkID, description: "remove rules[\(index)]: \(reason), so no request is logged differently",
                       edits: [edit], effect: .keepsEveryDecision)
    }
}

extension ShadowedRuleCheck: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        context.removingRule(for: finding, checkID: id, reason: "earlier rules take every request it matches, with the same outcome")
    }
}

extension RedundantRuleCheck: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        context.removingRule(for: finding, checkID: id, reason: "the rules after it log every request it decides the same way")
    }
}
