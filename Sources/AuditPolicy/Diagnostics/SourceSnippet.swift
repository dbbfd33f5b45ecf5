/// The part of a source line quoted under a diagnostic, and the caret line that marks the span.
///
/// The quote is clipped to a window around the column, so that a very long line (a whole policy
/// written on one line) costs a bounded amount of output per diagnostic; `…` marks a clipped end.
/// Characters that must not reach a terminal raw are written escaped (``TerminalEscaping``), and
/// the caret still sits under the right character: a tab is kept (and copied into the caret's
/// indentation), an escaped character is as wide as its escape.
public struct SourceSnippet: Sendable, Equatable {
    /// How many characters of the line are shown on each side of the span, at most.
    public static let radius = 60
    /// How many characters of the span itself are shown, at most.
    public static let maximumSpan = 2 * radius
    /// The clipping mark.
    public static let ellipsis = "…"

    /// The quoted (clipped, escaped) line.
    public let text: String
    /// Spaces (and tabs) up to the span, then one `^` per displayed column of the span.
    public let caret: String

    /// The snippet of `line` for a span starting at the 1-based `column` (in Unicode scalars),
    /// `width` scalars wide.
    public init(line: String, column: Int, width: Int) {
        let start = max(0, column - 1)
        let spanWidth = min(max(1, width), Self.maximumSpan)
        let first = max(0, start - Self.radius)
        let last = start + spanWidth + Self.radius  // exclusive
        var text = first > 0 ? Self.ellipsis : ""
        var indent = first > 0 ? " " : ""
        var carets = 0
        var position = 0
        var clippedAtEnd = false
        for scalar in line.unicodeScalars {
            defer { position += 1 }
            if position < first { continue }
            if position >= last {
                clippedAtEnd = true
                break
            }
            let shown: String
            if scalar == "\t" {
                shown = "\t"
            } else {
                shown = TerminalEscaping.isUnsafe(scalar) ? TerminalEscaping.escaped(String(scalar)) : String(scalar)
            }
            text += shown
            if position < start {
                indent += scalar == "\t" ? "\t" : String(repeating: " ", count: shown.unicodeScalars.count)
            } else if position < start + spanWidth {
                carets += scalar == "\t" ? 1 : shown.unicodeScalars.count
            }
        }
        if clippedAtEnd { text += Self.ellipsis }
        // A span (or column) past the end of the line: the caret goes on past the text.
        let shownScalars = max(0, min(position, last) - first)
        let beyond = first + shownScalars
        if start > beyond { indent += String(repeating: " ", count: min(start - beyond, Self.radius)) }
        let spanEnd = start + spanWidth
        if spanEnd > max(beyond, start) { carets += spanEnd - max(beyond, start) }
        self.text = text
        caret = indent + String(repeating: "^", count: carets)
    }
}
