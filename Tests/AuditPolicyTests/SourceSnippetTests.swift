import AuditPolicy
import Testing

/// Issue 15, bounded memory and time: the line quoted under a diagnostic is clipped around the
/// column, and the caret stays under the character it marks.
struct SourceSnippetTests {
    /// The character the caret line points at, skipping as many characters of the quote as the
    /// caret line has before its first `^` (tabs count one, like spaces).
    func marked(_ snippet: SourceSnippet) -> Character? {
        guard let offset = snippet.caret.firstIndex(of: "^").map({ snippet.caret.distance(from: snippet.caret.startIndex, to: $0) }),
              offset < snippet.text.count
        else { return nil }
        return snippet.text[snippet.text.index(snippet.text.startIndex, offsetBy: offset)]
    }

    @Test("Clip the quoted line: one diagnostic on a very long line stays short", arguments: [1, 1_000, 100_000, 199_999, 200_000])
    func clipTheQuotedLine(column: Int) {
        var characters = [Character](repeating: "a", count: 200_000)
        characters[column - 1] = "X"
        let snippet = SourceSnippet(line: String(characters), column: column, width: 1)
        let bound = 2 * SourceSnippet.radius + SourceSnippet.maximumSpan + 2
        #expect(snippet.text.count <= bound)
        #expect(snippet.caret.count <= bound)
        #expect(marked(snippet) == "X")
        #expect(snippet.text.hasPrefix("…") == (column - 1 > SourceSnippet.radius))
        #expect(snippet.text.hasSuffix("…") == (column + SourceSnippet.radius < 200_000))
    }

    @Test("Clip the quoted line: the whole rendered output grows linearly with the findings")
    func clipTheQuotedLineRenderedOutputIsLinear() {
        let line = String(repeating: "x", count: 150_000)
        let source = PolicySource(name: "p.yaml", text: line + "\n")
        let renderer = DiagnosticRenderer(showCodes: true)
        let total = stride(from: 1, to: 150_000, by: 1_000).reduce(0) { sum, column in
            sum + renderer.render(Diagnostic(.warning, code: "AP010", "m", at: SourceLocation(line: 1, column: column)), source: source).utf8.count
        }
        // 150 diagnostics: about 300 bytes each, far from 150 × 150,000.
        #expect(total < 150 * 400)
    }

    @Test("Short lines are quoted whole, with the caret under the span", arguments: [
        ("    verbs: [\"GET\"]", 13, 5, "    verbs: [\"GET\"]", "            ^^^^^"),
        ("\tkey: v", 2, 3, "\tkey: v", "\t^^^"),
        ("a: b", 6, 1, "a: b", "     ^"),
    ])
    func shortLinesUnchanged(line: String, column: Int, width: Int, text: String, caret: String) {
        let snippet = SourceSnippet(line: line, column: column, width: width)
        #expect(snippet.text == text)
        #expect(snippet.caret == caret)
    }

    @Test("Terminal safety: control and bidirectional characters in the quote are escaped, the caret follows")
    func terminalSafetySnippetEscapes() {
        let snippet = SourceSnippet(line: "a\u{1B}]0;x\u{07}\u{202E}\u{9B}b: X", column: 13, width: 1)
        #expect(snippet.text == "a\\x1b]0;x\\a\\u202e\\u009bb: X")
        #expect(marked(snippet) == "X")
    }
}
