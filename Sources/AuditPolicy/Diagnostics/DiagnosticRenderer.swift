/// Renders diagnostics compiler-style: `FILE:LINE:COL: severity: message`, the source line,
/// a caret under the span, then `note:` and `help:` lines.
///
/// Shared by `auditsim check`, `explain` and `lint` (its golden tests render through it too).
/// The output is for terminals and CI logs: every string that came from the input (the file
/// name, messages quoting values, the source line) is escaped with ``TerminalEscaping``, and the
/// quoted line is clipped around the column (``SourceSnippet``), so one diagnostic's text is
/// bounded whatever the length of the line.
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
        let name = TerminalEscaping.escaped(source.name)
        var lines: [String] = []
        if let location = diagnostic.location {
            lines.append("\(name):\(location.line):\(location.column): \(severity): \(TerminalEscaping.escaped(diagnostic.message))")
            if showSnippets, let text = source.line(location.line) {
                var width = 1
                if let end = diagnostic.end, end.line == location.line, end.column > location.column {
                    width = end.column - location.column
                }
                let snippet = SourceSnippet(line: text, column: location.column, width: width)
                let gutter = String(location.line)
                let pad = String(repeating: " ", count: gutter.count)
                lines.append(" \(gutter) | \(snippet.text)")
                lines.append(" \(pad) | \(snippet.caret)")
            }
        } else {
            lines.append("\(name): \(severity): \(TerminalEscaping.escaped(diagnostic.message))")
        }
        for note in diagnostic.notes { lines.append("  note: \(TerminalEscaping.escaped(note))") }
        if let help = diagnostic.help { lines.append("  help: \(TerminalEscaping.escaped(help))") }
        return lines.joined(separator: "\n")
    }
}
