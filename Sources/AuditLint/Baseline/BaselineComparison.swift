import AuditPolicy

/// Today's findings against a ``Baseline``: the new ones, how many the baseline accepted, and the
/// accepted findings that are gone (fixed, or their rule changed).
public struct BaselineComparison: Sendable {
    /// Each result with only its new findings.
    public let results: [LintResult]
    /// How many findings the baseline accepted.
    public let baselinedCount: Int
    /// Baseline entries for files linted now that no finding matched, in baseline order.
    public let disappeared: [Baseline.Entry]

    /// Matches `linted` against `baseline`. Entries for files not linted now are neither
    /// matched nor reported as disappeared.
    public init(_ linted: [FingerprintedResult], baseline: Baseline) {
        var remaining: [Baseline.Key: Int] = [:]
        for entry in baseline.findings { remaining[entry.key, default: 0] += 1 }
        var accepted = 0
        results = linted.map { item in
            var kept: [Diagnostic] = []
            for (finding, entry) in zip(item.result.findings, item.entries) {
                if let count = remaining[entry.key], count > 0 {
                    remaining[entry.key] = count - 1
                    accepted += 1
                } else {
                    kept.append(finding)
                }
            }
            let result = item.result
            return LintResult(
                source: result.source, kubernetesVersion: result.kubernetesVersion, isAccepted: result.isAccepted,
                configurationPath: result.configurationPath, findings: kept, suppressed: result.suppressed
            )
        }
        baselinedCount = accepted
        let files = Set(linted.map(\.result.source.name))
        var gone: [Baseline.Entry] = []
        for entry in baseline.findings where files.contains(entry.file) {
            if let count = remaining[entry.key], count > 0 {
                remaining[entry.key] = count - 1
                gone.append(entry)
            }
        }
        disappeared = gone
    }

    /// `baseline: 3 findings accepted, 1 gone` and one line per disappeared entry
    /// (`policy.yaml: AP203 no longer reported: message`), terminal-safe.
    public var summaryLines: [String] {
        var lines = ["baseline: \(baselinedCount) \(baselinedCount == 1 ? "finding" : "findings") accepted, \(disappeared.count) no longer reported"]
        for entry in disappeared {
            lines.append("\(TerminalEscaping.escaped(entry.file)): \(TerminalEscaping.escaped(entry.rule)) no longer reported (remove it from the baseline): \(TerminalEscaping.escaped(entry.message))")
        }
        return lines
    }
}
