import AuditPolicy

/// GitHub Actions workflow commands (`::warning file=...,line=...,col=...,title=AP203::message`),
/// which show findings as annotations on the pull request.
///
/// The runner decodes only its own escapes: `%`, CR and LF in the message, and also `:` and `,`
/// in property values (`actions/toolkit`, `packages/core/src/command.ts`, `escapeData` and
/// `escapeProperty`). Paths are therefore written as they are, not as URIs. Annotations end up in
/// CI logs, so every string from the policy is first made terminal-safe (``TerminalEscaping``).
public enum GitHubAnnotations {
    /// One workflow command line per finding. A policy that is not a file (the built-in one,
    /// standard input) gets annotations without `file=`.
    public static func lines(for result: LintResult, artifact: PolicyArtifact) -> [String] {
        result.findings.map { command(for: $0, path: artifact.annotationPath) }
    }

    static func command(for finding: Diagnostic, path: String?) -> String {
        let kind: String = switch finding.severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
        var properties: [String] = []
        if let path {
            properties.append("file=\(escapeProperty(TerminalEscaping.escaped(path)))")
            if let location = finding.location {
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
                if let end = finding.end, end.line == location.line {
                    properties.append("endColumn=\(end.column)")
                }
            }
        }
        if let code = finding.code { properties.append("title=\(escapeProperty(TerminalEscaping.escaped(code)))") }
        // Each part is escaped on its own: the line breaks between them are the message's own.
        var parts = [finding.message]
        parts += finding.notes.map { "note: \($0)" }
        if let help = finding.help { parts.append("help: \(help)") }
        let message = parts.map(TerminalEscaping.escaped).joined(separator: "\n")
        let head = properties.isEmpty ? "::\(kind)" : "::\(kind) \(properties.joined(separator: ","))"
        return "\(head)::\(escapeData(message))"
    }

    /// Escapes a command's message as the Actions runner expects.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a property value (also `:` and `,`).
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
