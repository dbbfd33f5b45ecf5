import AuditLint
import AuditPolicy
import Testing

/// Issue 15, terminal safety: strings from a policy reach the text and GitHub outputs escaped.
struct LintTerminalSafetyTests {
    /// Hostile values: ESC, an OSC title sequence, a CSI sequence, the C1 CSI, a right-to-left
    /// override and an embedded newline, in user names, a resource and a comment.
    static let policy = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    rules:
      - level: None
        users: ["\\e]0;owned\\a", "a\\e[2Jb", "c\\u009Bd", "\\u202Eevil", "line\\nbreak"]
      - level: Metadata
        resources:
          - group: ""
            resources: ["pods\\e[31m"]  # \u{1B}[2J comment
      - level: Metadata
    """

    static let unsafe: [Unicode.Scalar] = ["\u{1B}", "\u{9B}", "\u{202E}", "\u{07}"]

    @Test("Terminal safety: lint text output escapes policy strings")
    func terminalSafetyLintText() throws {
        let result = try LintTestSupport.lint(Self.policy, name: "evil\u{1B}[1m.yaml")
        let text = LintTextReport.render([result])
        #expect(!text.unicodeScalars.contains { Self.unsafe.contains($0) })
        #expect(text.contains("evil\\x1b[1m.yaml"))
        // The embedded newline is written as \n, never as a line break inside a message.
        #expect(!text.contains("line\nbreak"))
    }

    @Test("Terminal safety: GitHub annotations escape policy strings, one line per finding")
    func terminalSafetyGitHubAnnotations() throws {
        let result = try LintTestSupport.lint(Self.policy, name: "evil\u{1B}[1m.yaml")
        let lines = GitHubAnnotations.lines(for: result, artifact: .relative("evil\u{1B}[1m.yaml"))
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(!line.unicodeScalars.contains { Self.unsafe.contains($0) || $0 == "\n" || $0 == "\r" })
            #expect(line.contains("file=evil\\x1b[1m.yaml"))
        }
    }

    @Test("Terminal safety: the diagnostic renderer escapes the file name, message, notes and help")
    func terminalSafetyDiagnosticRenderer() {
        let diagnostic = Diagnostic(.error, code: "AP1", "m\u{1B}[2J", at: SourceLocation(line: 1, column: 1),
                                    notes: ["n\u{9B}"], help: "h\u{202E}")
        let text = DiagnosticRenderer(showCodes: true).render(diagnostic, source: PolicySource(name: "f\u{07}", text: "x\u{1B}\n"))
        #expect(text == """
        f\\a:1:1: error[AP1]: m\\x1b[2J
         1 | x\\x1b
           | ^
          note: n\\u009b
          help: h\\u202e
        """)
    }
}
