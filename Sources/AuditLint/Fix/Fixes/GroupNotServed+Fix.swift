import AuditPolicy

/// AP204's fix: an entry of `resources` whose group the target release no longer serves matches
/// no request, so it is removed, lines and all. Only when the list keeps another entry (an empty
/// `resources` would match every resource) and is written in block style.
extension GroupNotServed: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        guard finding.message.contains("is not served since"), let location = finding.location,
              let ruleIndex = context.lint.rules.firstIndex(where: { $0.location <= location && location < $0.end }),
              case .sequence(let entries)? = context.ruleNode(ruleIndex)?.pair("resources")?.value.content, entries.count > 1,
              let entry = entries.first(where: { $0.pair("group")?.value.start == location }),
              let group = entry.pair("group")?.value.scalarText,
              let range = context.wholeLines(ofBlockItem: entry) else { return nil }
        return LintFix(
            checkID: id, description: "remove the entry of rules[\(ruleIndex)] for group \"\(group)\", which matches nothing",
            edits: [SourceEdit(range: range, replacement: "")]
        )
    }
}

extension FixContext {
    /// The bytes of a block sequence item's lines, from the start of its `- ` line to the end of
    /// its last line with content (comments after it stay), or `nil` when the item shares a line
    /// with anything else.
    func wholeLines(ofBlockItem item: YAMLNode) -> Range<Int>? {
        guard let prefix = source.prefix(ofLine: item.start.line, before: item.start.column),
              prefix.filter({ $0 == "-" }).count == 1, prefix.allSatisfy({ $0 == " " || $0 == "-" }),
              let start = source.byteOffset(of: SourceLocation(line: item.start.line, column: 1)),
              source.lineBytes(item.lastContentLine) != nil else { return nil }
        let end = source.byteOffset(of: SourceLocation(line: item.lastContentLine + 1, column: 1)) ?? source.bytes.count
        return start..<end
    }
}

extension YAMLNode {
    /// The last line a scalar of this node is written on (collection end marks can lie past
    /// trailing comments, scalar ones do not).
    var lastContentLine: Int {
        switch content {
        case .scalar: return end.line
        case .sequence(let items): return items.map(\.lastContentLine).max() ?? end.line
        case .mapping(let pairs): return pairs.map { max($0.key.lastContentLine, $0.value.lastContentLine) }.max() ?? end.line
        }
    }
}
