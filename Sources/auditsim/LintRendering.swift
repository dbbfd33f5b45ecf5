import AuditLint
import AuditPolicy
import Foundation

/// Renders `auditsim lint` results in each output format.
enum LintRendering {
    /// Writes the whole output, ending with a newline, to `sink` (text finding by finding).
    ///
    /// - Parameter root: the directory SARIF URIs and annotation paths are relative to.
    /// - Parameter emphasis: how the text format marks severities (colour on a terminal).
    static func write(
        _ results: [LintResult], format: LintOutputFormat, failOn: Diagnostic.Severity?, showSnippets: Bool, root: String,
        emphasis: TextEmphasis = .plain, to sink: (String) throws -> Void
    ) throws {
        switch format {
        case .text:
            try LintTextReport.write(results, showSnippets: showSnippets, emphasis: emphasis, to: sink)
        case .concise:
            try LintConciseReport.write(results, to: sink)
        case .json:
            try sink(try JSONOutput.string(LintJSONReport(results: results, failOn: failOn ?? .error)) + "\n")
        case .sarif:
            let report = SARIFReport(
                results: results.map { ($0, PolicyArtifact(name: $0.source.name, root: root)) },
                rules: LintRules.all.map(\.description), toolVersion: AuditSimVersion.current
            )
            try sink(try JSONOutput.string(report) + "\n")
        case .github:
            for result in results {
                for line in GitHubAnnotations.lines(for: result, artifact: PolicyArtifact(name: result.source.name, root: root)) {
                    try sink(line + "\n")
                }
            }
        }
    }
}
