import AuditPolicy

/// Applies suppression comments to findings, and reports suppressions that are themselves wrong:
/// one without a reason (AP090) and one that silences nothing (AP091).
struct SuppressionFilter {
    var suppressions: [Suppression]
    var rules: [PolicyRule]
    var knownIDs: Set<String>

    struct Outcome {
        var kept: [Diagnostic] = []
        var suppressed: [Diagnostic] = []
        /// Findings about the suppressions.
        var meta: [Diagnostic] = []
    }

    func apply(to findings: [Diagnostic]) -> Outcome {
        var outcome = Outcome()
        var used = Set<Int>()
        let index = SuppressionIndex(suppressions: suppressions, rules: rules)
        for finding in findings {
            if let index = index.first(silencing: finding) {
                used.insert(index)
                outcome.suppressed.append(finding)
            } else {
                outcome.kept.append(finding)
            }
        }
        for (index, suppression) in suppressions.enumerated() {
            if suppression.ids.isEmpty {
                outcome.meta.append(Diagnostic(
                    .warning, code: SuppressionWithoutReason.checkID,
                    "`# \(SuppressionScanner.marker)` names no check, so it silences nothing",
                    at: suppression.location,
                    help: "write `# \(SuppressionScanner.marker) AP203 why this finding does not apply here`"
                ))
                continue
            }
            if suppression.reason.isEmpty {
                outcome.meta.append(Diagnostic(
                    .warning, code: SuppressionWithoutReason.checkID,
                    "suppression of \(suppression.ids.joined(separator: ", ")) gives no reason",
                    at: suppression.location,
                    help: "say why after the IDs: `# \(SuppressionScanner.marker) \(suppression.ids.joined(separator: ",")) the reason`"
                ))
            }
            let unknown = suppression.ids.filter { !knownIDs.contains($0) }
            if !unknown.isEmpty {
                let suggestion = unknown.count == 1 ? Suggestions.closest(to: unknown[0], in: knownIDs.sorted()).map { " (did you mean \($0)?)" } ?? "" : ""
                outcome.meta.append(Diagnostic(
                    .info, code: UnusedSuppression.checkID,
                    "suppression names unknown check \(unknown.joined(separator: ", "))\(suggestion)",
                    at: suppression.location,
                    help: "`auditsim rules` lists the check IDs"
                ))
            } else if !used.contains(index) {
                outcome.meta.append(Diagnostic(
                    .info, code: UnusedSuppression.checkID,
                    "suppression of \(suppression.ids.joined(separator: ", ")) silences nothing on line \(suppression.targetLine)",
                    at: suppression.location,
                    help: "remove the comment, or move it onto or just above the line (or rule) the finding points at"
                ))
            }
        }
        return outcome
    }
}
