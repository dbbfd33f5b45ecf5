import AuditPolicy

/// How many notes (witnesses, checklist rows) a finding shows before the rest are summed up as
/// "and K more (--verbose)", so that no annotation grows with the size of the policy.
public enum NoteLimit {
    /// The notes each finding keeps by default. With 5, the longest GitHub annotation among the
    /// real policies in the test fixtures is about 4,400 characters (it was nearly 20,000).
    public static let standard = 5

    /// `finding` with at most `limit` notes, the rest replaced by one note saying how many were left out.
    public static func capping(_ finding: Diagnostic, at limit: Int) -> Diagnostic {
        let limit = max(limit, 0)
        guard finding.notes.count > limit else { return finding }
        var capped = finding
        capped.notes = Array(finding.notes.prefix(limit)) + ["and \(finding.notes.count - limit) more (--verbose)"]
        return capped
    }
}

extension LintResult {
    /// The result with each finding's notes capped at `limit` (see ``NoteLimit``).
    public func cappingNotes(at limit: Int) -> LintResult {
        LintResult(
            source: source, kubernetesVersion: kubernetesVersion, isAccepted: isAccepted, configurationPath: configurationPath,
            findings: findings.map { NoteLimit.capping($0, at: limit) }, suppressed: suppressed
        )
    }
}
