import AuditPolicy

/// `auditsim lint --format concise`: one line per finding, `FILE:LINE:COL: severity[ID] headline`,
/// for editors' problem matchers and quick reading. A finding without a position (the file as a
/// whole) is written `FILE: severity[ID] headline`.
public enum LintConciseReport {
    /// The line for one finding, without a line break; strings from the policy are terminal-safe.
    public static func line(for finding: Diagnostic, in source: PolicySource) -> String {
        var severity = finding.severity.rawValue
        if let code = finding.code { severity += "[\(TerminalEscaping.escaped(code))]" }
        let name = TerminalEscaping.escaped(source.name)
        let position = finding.location.map { ":\($0.line):\($0.column)" } ?? ""
        return "\(name)\(position): \(severity) \(TerminalEscaping.escaped(finding.message))"
    }

    /// Writes one line per finding of every result to `sink`.
    public static func write(_ results: [LintResult], to sink: (String) throws -> Void) rethrows {
        for result in results {
            for finding in result.findings {
                try sink(line(for: finding, in: result.source) + "\n")
            }
        }
    }
}
