import AuditPolicy

/// Finds `# auditsim:ignore` comments in a policy's text. libyaml drops comments, so the scanner
/// reads the source lines itself, skipping `#` characters inside quoted scalars.
public enum SuppressionScanner {
    /// The marker that starts a suppression comment.
    public static let marker = "auditsim:ignore"

    /// Every suppression comment in `source`, in file order.
    public static func scan(_ source: PolicySource) -> [Suppression] {
        // Most policies have none: a search of the bytes for the marker settles it.
        guard contains(source.bytes, marker) else { return [] }
        let text = String(decoding: source.bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        var found: [(suppression: Suppression, trailing: Bool)] = []
        for (index, line) in lines.enumerated() {
            guard let (column, comment, trailing) = commentStart(in: line) else { continue }
            let body = comment.drop { $0 == "#" || $0 == " " || $0 == "\t" }
            guard body.hasPrefix(marker) else { continue }
            let rest = body.dropFirst(marker.count)
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { continue }
            var words = rest.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
            var ids: [String] = []
            if let first = words.first {
                ids = first.split(separator: ",").map(String.init)
                words = words.dropFirst()
            }
            let reason = words.joined(separator: " ")
            let location = SourceLocation(line: index + 1, column: column)
            found.append((Suppression(ids: ids, reason: reason, location: location, targetLine: index + 1), trailing))
        }
        let nextContent = found.allSatisfy(\.trailing) ? [] : nextContentLines(lines)
        return found.map { entry in
            guard !entry.trailing else { return entry.suppression }
            var suppression = entry.suppression
            suppression.targetLine = nextContent[suppression.location.line] ?? suppression.location.line
            return suppression
        }
    }

    /// Whether `word` occurs in `bytes`.
    private static func contains(_ bytes: [UInt8], _ word: String) -> Bool {
        let pattern = Array(word.utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            guard let found = bytes[index...last].firstIndex(of: first) else { return false }
            if bytes[found..<(found + pattern.count)].elementsEqual(pattern) { return true }
            index = found + 1
        }
        return false
    }

    /// Characters after which a quote opens a quoted scalar (elsewhere it is part of a plain scalar).
    private static let quoteOpeners: Set<Character> = [" ", "\t", "[", "{", ",", ":", "-"]

    /// Where a comment starts on a line (1-based column in Unicode scalars), its text, and whether
    /// YAML precedes it on the line.
    private static func commentStart(in line: Substring) -> (column: Int, text: Substring, trailing: Bool)? {
        var inSingle = false, inDouble = false
        var previous: Character = " "
        var column = 0
        var sawContent = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            column += character.unicodeScalars.count
            switch character {
            case "'" where !inDouble && (inSingle || !sawContent || quoteOpeners.contains(previous)): inSingle.toggle()
            case "\"" where !inSingle && (inDouble ? previous != "\\" : !sawContent || quoteOpeners.contains(previous)): inDouble.toggle()
            case "#" where !inSingle && !inDouble && (previous == " " || previous == "\t" || !sawContent):
                return (column, line[index...], sawContent)
            default: break
            }
            if character != " " && character != "\t" { sawContent = true }
            previous = character
            index = line.index(after: index)
        }
        return nil
    }

    /// For each 1-based line number `n` (index `n`), the next line after it that is neither blank
    /// nor only a comment: one backward pass, so a run of many comment lines costs its length once.
    private static func nextContentLines(_ lines: [Substring]) -> [Int?] {
        var next = [Int?](repeating: nil, count: lines.count + 1)
        var following: Int?
        for index in lines.indices.reversed() {
            next[index + 1] = following
            let trimmed = lines[index].drop { $0 == " " || $0 == "\t" }
            if !trimmed.isEmpty, !trimmed.hasPrefix("#") { following = index + 1 }
        }
        if !lines.isEmpty { next[0] = following }
        return next
    }
}
