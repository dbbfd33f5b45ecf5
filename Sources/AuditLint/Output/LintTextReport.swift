import AuditPolicy

/// `auditsim lint --format text`: compiler-style findings (through the project's
/// `DiagnosticRenderer`), then one summary line per file.
public enum LintTextReport {
    /// The text for `results`, ending with a newline.
    /// `emphasis` marks the severities (colour on a terminal).
    public static func render(_ results: [LintResult], showSnippets: Bool = true, emphasis: TextEmphasis = .plain) -> String {
        var output = ""
        write(results, showSnippets: showSnippets, emphasis: emphasis) { output += $0 }
        return output
    }

    /// Writes the text for `results` finding by finding to `sink`, so that the output is never
    /// held in memory as a whole.
    public static func write(_ results: [LintResult], showSnippets: Bool = true, emphasis: TextEmphasis = .plain,
                             to sink: (String) throws -> Void) rethrows {
        let renderer = DiagnosticRenderer(showCodes: true, showSnippets: showSnippets, emphasis: emphasis)
        for result in results {
            for finding in result.findings {
                try sink(renderer.render(finding, source: result.source) + "\n\n")
            }
            try sink(summary(result) + "\n")
        }
    }

    /// `policy.yaml: 1 error, 2 warnings, 0 info (1 suppressed); kube-apiserver 1.36 refuses it`.
    public static func summary(_ result: LintResult) -> String {
        let counts = [
            count(result.count(.error), "error", "errors"),
            count(result.count(.warning), "warning", "warnings"),
            count(result.count(.info), "info", "info"),
        ]
        var line = "\(TerminalEscaping.escaped(result.source.name)): " + (result.findings.isEmpty ? "no findings" : counts.joined(separator: ", "))
        if !result.suppressed.isEmpty { line += " (\(result.suppressed.count) suppressed)" }
        line += result.isAccepted
            ? "; kube-apiserver \(result.kubernetesVersion) accepts it"
            : "; kube-apiserver \(result.kubernetesVersion) refuses it"
        return line
    }

    private static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(value) \(value == 1 ? singular : plural)"
    }
}
