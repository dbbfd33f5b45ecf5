import Foundation
import AuditPolicy

/// GitHub Actions workflow commands (`::warning file=...,line=...,col=...,title=AP203::message`),
/// which show findings as annotations on the pull request.
public enum GitHubAnnotations {
    /// One workflow command line per finding.
    public static func lines(for result: LintResult, path: String) -> [String] {
        result.findings.map { command(for: $0, path: path) }
    }

    static func command(for finding: Diagnostic, path: String) -> String {
        let kind: String = switch finding.severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
        var properties = ["file=\(escapeProperty(path))"]
        if let location = finding.location {
            properties.append("line=\(location.line)")
            properties.append("col=\(location.column)")
            if let end = finding.end, end.line == location.line {
                properties.append("endColumn=\(end.column)")
            }
        }
        if let code = finding.code { properties.append("title=\(escapeProperty(code))") }
        var message = finding.message
        for note in finding.notes { message += "\nnote: \(note)" }
        if let help = finding.help { message += "\nhelp: \(help)" }
        return "::\(kind) \(properties.joined(separator: ","))::\(escapeData(message))"
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
