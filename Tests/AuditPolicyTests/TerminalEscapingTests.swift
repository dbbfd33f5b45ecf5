import AuditPolicy
import Testing

/// Issue 15, "Terminal safety": strings from input are escaped before they reach a terminal.
struct TerminalEscapingTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("naïve café ✓", "naïve café ✓"),
        ("\u{1B}]0;pwned\u{07}", "\\x1b]0;pwned\\a"),
        ("\u{1B}[2J", "\\x1b[2J"),
        ("csi\u{9B}31m", "csi\\u009b31m"),
        ("admin\u{202E}txt.exe", "admin\\u202etxt.exe"),
        ("line\nbreak\r\ttab", "line\\nbreak\\r\\ttab"),
        ("nul\u{0}del\u{7F}", "nul\\x00del\\x7f"),
        ("zero\u{200B}width", "zero\\u200bwidth"),
        ("separator\u{2028}", "separator\\u2028"),
        ("isolate\u{2066}x\u{2069}", "isolate\\u2066x\\u2069"),
        ("tag\u{E0001}", "tag\\U000e0001"),
    ])
    func escapesControlAndBidirectionalCharacters(input: String, expected: String) {
        #expect(TerminalEscaping.escaped(input) == expected)
        #expect(TerminalEscaping.needsEscaping(input) == (input != expected))
    }
}
