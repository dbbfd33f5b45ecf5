import AuditLint
import AuditPolicy
import Foundation

/// Renders `auditsim lint` results in each output format.
enum LintRendering {
    /// The whole output, ending with a newline.
    static func render(_ results: [LintResult], format: LintOutputFormat, failOn: Diagnostic.Severity?, showSnippets: Bool, emphasis: TextEmphasis = .plain) throws -> String {
        switch format {
        case .text:
            return LintTextReport.render(results, showSnippets: showSnippets, emphasis: emphasis)
        case .json:
            return try JSONOutput.string(LintJSONReport(results: results, failOn: failOn ?? .error)) + "\n"
        case .sarif:
            let report = SARIFReport(
                results: results.map { ($0, artifactURI(for: $0.source.name)) },
                rules: LintRules.all.map(\.description), toolVersion: AuditSimVersion.current
            )
            return try JSONOutput.string(report) + "\n"
        case .github:
            let lines = results.flatMap { GitHubAnnotations.lines(for: $0, path: artifactURI(for: $0.source.name)) }
            return lines.map { $0 + "\n" }.joined()
        }
    }

    /// A path relative to the current directory when the file is inside it (code scanning wants
    /// repository-relative URIs), else a `file://` URI; names such as `<built-in eks>` become a
    /// plain file name.
    static func artifactURI(for name: String) -> String {
        if name.hasPrefix("<") {
            return name.trimmingCharacters(in: CharacterSet(charactersIn: "<>")).replacingOccurrences(of: " ", with: "-") + ".yaml"
        }
        let current = FileManager.default.currentDirectoryPath
        let absolute = URL(fileURLWithPath: name, relativeTo: URL(fileURLWithPath: current, isDirectory: true)).standardizedFileURL
        let prefix = current.hasSuffix("/") ? current : current + "/"
        if absolute.path.hasPrefix(prefix) {
            let relative = String(absolute.path.dropFirst(prefix.count))
            return relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
        }
        return absolute.absoluteString
    }
}
