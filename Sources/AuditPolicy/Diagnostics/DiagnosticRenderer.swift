/// Renders diagnostics compiler-style: `FILE:LINE:COL: severity: message`, the source line,
/// a caret under the span, then `note:` and `help:` lines.
///
/// Shared by `auditsim check`, `explain` and `lint` (its golden tests render through it too).
public struct DiagnosticRenderer: Sendable {
    /// Whether to write the code after the severity (`warning[AP010]`).
    public var showCodes: Bool
    /// Whether to quote the source line with a caret.
    public var showSnippets: Bool
    /// How the severity word is marked (colour on a terminal).
    public var emphasis: TextEmphasis

    public init(showCodes: Bool, showSnippets: Bool = true, emphasis: TextEmphasis = .plain) {
        self.showCodes = showCodes
        self.showSnippets = showSnippets
        self.emphasis = emphasis
    }

    /// The diagnostic as text lines joined by newlines (no trailing newline).
    public func render(_ diagnostic: Diagnostic, source: PolicySource) -> String {
        var severity = diagnostic.severity.rawValue
        if showCodes, let code = diagnostic.code { severity += "[\(code)]" }
        severity = emphasis.severity(diagnostic.severity, severity)
        var lines: [String] = []
        if let location = diagnostic.location {
            lines.append("\(source.name):\(location.line):\(location.column): \(severity): \(diagnostic.message)")
            if showSnippets, let text = source.line(location.line) {
                let gutter = String(location.line)
                let pad = String(repeating: " ", count: gutter.count)
                lines.append(" \(gutter) | \(text)")
                let caretStart = max(0, location.column - 1)
                var width = 1
                if let end = diagnostic.end, end.line == location.line, end.column > location.column {
                    width = end.column - location.column
                }
                let indent = String(text.unicodeScalars.prefix(caretStart).map { $0 == "\t" ? "\t" : " " })
                lines.append(" \(pad) | \(indent)\(String(repeating: "^", count: width))")
            }
        } else {
            lines.append("\(source.name): \(severity): \(diagnostic.message)")
        }
        for note in diagnostic.notes { lines.append("  note: \(note)") }
        if let help = diagnostic.help { lines.append("  help: \(help)") }
        return lines.joined(separator: "\n")
    }
}
