import AuditPolicy

/// AP204's fix: an entry of `resources` whose group the target release no longer serves matches
/// no request, so it is removed, lines and all. Only when the list keeps another entry (an empty
/// `resources` would match every resource) and is written in block style.
extension GroupNotServed: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        guard finding.message.contains("is not served since"), let location = finding.location,
              let ruleIndex = context.ruleIndex(containing: location),
              case .sequence(let entries)? = context.layout.ruleNode(ruleIndex)?.pair("resources")?.value.content, entries.count > 1,
              let entry = entries.first(where: { $0.pair("group")?.value.start == location }),
              let group = entry.pair("group")?.value.scalarText,
              let range = context.layout.wholeLines(ofBlockItem: entry) else { return nil }
        return LintFix(
            checkID: id, description: "remove the entry of rules[\(ruleIndex)] for group \"\(group)\", which matches nothing",
            edits: [SourceEdit(range: range, replacement: "")]
        )
    }
}
