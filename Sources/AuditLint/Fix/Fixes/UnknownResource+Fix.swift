import AuditPolicy

/// AP205's fix: a misspelled resource (`configmpas`, `Pods`, the singular `pod`) is corrected
/// to the one resource of the entry's group the finding suggests, keeping any `/subresource`.
/// Only when no other resource of the group is as close (or, for a case variant or kubectl
/// name, only one resource has it). The corrected resource matches requests the misspelled one
/// never did: what is logged changes, on purpose.
extension UnknownResource: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        guard let location = finding.location, let help = finding.help, help.hasPrefix("write `"),
              let intended = FixContext.suggestedName(in: help), let index = context.ruleIndex(containing: location),
              let entry = context.lint.rules[index].resources.first(where: { $0.resources.contains { $0.location == location } }),
              let written = entry.resources.first(where: { $0.location == location })?.value
        else { return nil }
        let name = ResourcePattern(written).resource
        let inGroup = context.lint.catalog.resources(inGroup: entry.group.value)
        let byName = inGroup.filter { $0.aliases.contains(name) || $0.name.lowercased() == name.lowercased() }
        guard byName.isEmpty ? Suggestions.isOnlyClosest(intended, to: name, in: inGroup.map(\.name)) : byName.map(\.name) == [intended]
        else { return nil }
        return context.correcting(valueAt: location, to: intended, replacingPart: name, checkID: id, what: "resource")
    }
}
