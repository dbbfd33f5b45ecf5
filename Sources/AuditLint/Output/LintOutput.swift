import AuditPolicy

/// The output formats of `auditsim lint`.
public enum LintOutputFormat: String, CaseIterable, Sendable {
    /// Findings with source snippets, for a terminal.
    case text
    /// One line per finding, `FILE:LINE:COL: severity[ID] headline`.
    case concise
    /// `LintJSONReport`.
    case json
    /// SARIF 2.1.0, for code-scanning services.
    case sarif
    /// GitHub Actions workflow commands (annotations).
    case github
}

/// Writes `auditsim lint` results in each output format.
public enum LintOutput {
    /// Writes the whole output, ending with a newline, to `sink` (text finding by finding).
    ///
    /// - Parameters:
    ///   - failOn: the least severe finding that fails the command (JSON reports it).
    ///   - root: the directory SARIF URIs and annotation paths are relative to.
    ///   - toolVersion: the version SARIF names.
    ///   - emphasis: how the text format marks severities (colour on a terminal).
    public static func write(
        _ results: [LintResult], format: LintOutputFormat, failOn: Diagnostic.Severity?, showSnippets: Bool, root: String,
        toolVersion: String, emphasis: TextEmphasis = .plain, to sink: (String) throws -> Void
    ) throws {
        switch format {
        case .text:
            try LintTextReport.write(results, showSnippets: showSnippets, emphasis: emphasis, to: sink)
        case .concise:
            try LintConciseReport.write(results, to: sink)
        case .json:
            try sink(try ReportJSON.string(LintJSONReport(results: results, failOn: failOn ?? .error)) + "\n")
        case .sarif:
            let report = SARIFReport(
                results: results.map { ($0, PolicyArtifact(name: $0.source.name, root: root)) },
                rules: LintRules.all.map(\.description), toolVersion: toolVersion
            )
            try sink(try ReportJSON.string(report) + "\n")
        case .github:
            for result in results {
                for line in GitHubAnnotations.lines(for: result, artifact: PolicyArtifact(name: result.source.name, root: root)) {
                    try sink(line + "\n")
                }
            }
        }
    }
}
