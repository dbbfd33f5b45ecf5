import AuditPolicy

/// The ANSI colours of reports on a terminal: errors red, warnings yellow, info cyan; levels from
/// dim (None) to magenta (RequestResponse) by how much they log; headers bold.
public enum TerminalColors {
    /// Colours when `enabled`, else `TextEmphasis.plain`.
    public static func emphasis(enabled: Bool) -> TextEmphasis {
        guard enabled else { return .plain }
        return TextEmphasis(
            severity: { severity, word in
                switch severity {
                case .error: paint(word, "1;31")
                case .warning: paint(word, "1;33")
                case .info: paint(word, "1;36")
                }
            },
            level: { word in
                switch word.trimmingCharacters(in: " ") {
                case "None": paint(word, "2")
                case "Metadata": paint(word, "32")
                case "Request": paint(word, "33")
                case "RequestResponse": paint(word, "35")
                default: word
                }
            },
            header: { paint($0, "1") }
        )
    }

    /// `text` between the Select Graphic Rendition `code` and a reset.
    static func paint(_ text: String, _ code: String) -> String {
        "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> Substring {
        var text = self[...]
        while text.first == set { text.removeFirst() }
        while text.last == set { text.removeLast() }
        return text
    }
}
