import AuditLint
import AuditPolicy
import Testing

/// Issue 9, "renderers live in the libraries next to their reports": `auditsim lint`'s one
/// renderer writes each format whole, each ending with a newline.
struct LintOutputTests {
    static func output(_ format: LintOutputFormat, name: String = "p.yaml") throws -> String {
        let result = try LintTestSupport.lint(OutputFormatTests.policy, name: name)
        var text = ""
        try LintOutput.write([result], format: format, failOn: .error, showSnippets: false, root: "/repo", toolVersion: "9.9.9") { text += $0 }
        return text
    }

    @Test("lint output: every format ends with a newline; JSON and SARIF are sorted-key JSON, GitHub one command a line", arguments: LintOutputFormat.allCases)
    func lintOutputFormats(_ format: LintOutputFormat) throws {
        let text = try Self.output(format)
        #expect(text.hasSuffix("\n"))
        switch format {
        case .text: #expect(text.contains("p.yaml:5:") && text.contains("[AP201]"))
        case .concise: #expect(text.split(separator: "\n").contains { $0.hasPrefix("p.yaml:5:") && $0.contains("[AP201]") })
        case .json: #expect(text.hasPrefix("{\n") && text.contains("\"id\" : \"AP201\""))
        case .sarif: #expect(text.contains("\"version\" : \"9.9.9\""))
        case .github: #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix("::") })
        }
    }

    @Test("lint output: the text format escapes control and bidirectional characters of the file name", arguments: ["\u{1B}[31m", "\u{202E}"])
    func lintOutputEscapes(_ hostile: String) throws {
        let text = try Self.output(.text, name: "p\(hostile).yaml")
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(text.contains("p\(TerminalEscaping.escaped(hostile)).yaml"))
    }
}
