import AuditPolicy

/// What a fix may look at: the lint context and the policy file's layout (its YAML tree with
/// marks), which makes the byte edits.
struct FixContext {
    /// The linted policy.
    let lint: LintContext
    /// The policy file's layout.
    let layout: PolicyLayout

    init(_ lint: LintContext) {
        self.lint = lint
        layout = PolicyLayout(lint.source)
    }

    var source: PolicySource { lint.source }

    /// Where a finding points: at `rules[index]` (the rule's own field) or elsewhere (the policy's).
    func ruleIndex(of finding: Diagnostic) -> Int? {
        guard let location = finding.location else { return nil }
        return lint.rules.firstIndex { $0.location == location }
    }

    /// The index of the rule whose text holds `location`.
    func ruleIndex(containing location: SourceLocation) -> Int? {
        lint.rules.firstIndex { $0.location <= location && location < $0.end }
    }
}
