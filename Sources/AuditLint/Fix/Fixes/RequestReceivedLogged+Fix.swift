import AuditPolicy

/// AP501's fix: `RequestReceived` added to the policy's `omitStages` (or the rule's, for a
/// finding on one rule). The stage adds an event per request and nothing the ResponseComplete
/// event lacks, so no checklist row loses anything (``LintFixer`` verifies it).
extension RequestReceivedLogged: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        let index = context.ruleIndex(of: finding)
        guard let edit = context.layout.addingStage(Stage.requestReceived.rawValue, toField: "omitStages", ruleIndex: index) else { return nil }
        let target = index.map { "rules[\($0)]" } ?? "the policy"
        return LintFix(checkID: id, description: "add RequestReceived to the omitStages of \(target)", edits: [edit])
    }
}
