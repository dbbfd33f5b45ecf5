import AuditPolicy

/// AP201's fix: a misspelled verb (`gte`, `GET`) is corrected to the one verb the finding
/// suggests, when no other verb the rule's requests can have is as close. Words that stand for
/// several verbs (`read`, `write`) and verbs no request has (`bind`) are left to their author.
/// The corrected verb matches requests the misspelled one never did: what is logged changes.
extension UnknownVerb: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        guard let location = finding.location, let help = finding.help,
              help.hasPrefix("did you mean") || finding.message.contains("is not lower case"),
              let intended = FixContext.suggestedName(in: help), let index = context.ruleIndex(containing: location),
              let verb = context.lint.rules[index].verbs.first(where: { $0.location == location })?.value,
              Suggestions.isOnlyClosest(intended, to: verb, in: RuleKind(context.lint.rules[index]).validVerbs)
        else { return nil }
        return context.correcting(valueAt: location, to: intended, checkID: id, what: "verb")
    }
}
