/// Where each part of a policy file is written (its YAML tree with marks), and the byte edits
/// that change one part in place: used by `lint --fix` and `estimate --write-policy`.
///
/// Every edit is certain or `nil`: a layout it does not understand (flow-style collections where
/// a line must be added, an item sharing its line with another) gets no edit rather than a guess.
public struct PolicyLayout: Sendable {
    /// The policy file.
    public let source: PolicySource
    /// The YAML document's root node (`nil` when the file is not YAML).
    public let root: YAMLNode?

    public init(_ source: PolicySource) {
        self.source = source
        root = try? YAMLLoader().loadFirstDocument(source.bytes).root
    }

    /// The top-level pair whose key is `name`, if the root is a mapping that has one.
    public func topLevelPair(_ name: String) -> YAMLPair? {
        root?.pair(name)
    }

    /// The items of `rules`, if it is a sequence.
    public var ruleItems: [YAMLNode]? {
        guard case .sequence(let items)? = topLevelPair("rules")?.value.content else { return nil }
        return items
    }

    /// The mapping node of `rules[index]`, if the rules are a sequence of mappings.
    public func ruleNode(_ index: Int) -> YAMLNode? {
        guard let items = ruleItems, items.indices.contains(index), case .mapping = items[index].content else { return nil }
        return items[index]
    }

    /// The mapping a field goes in: `rules[index]`'s node, or the root (the policy's own fields) for `nil`.
    public func mapping(forRule index: Int?) -> YAMLNode? {
        guard let index else { return root }
        return ruleNode(index)
    }

    /// The plain scalar that starts at `location`, searched in the whole document.
    public func plainScalar(at location: SourceLocation) -> YAMLNode? {
        scalar(at: location).flatMap { node in
            if case .scalar(let scalar) = node.content, scalar.style == .plain { return node }
            return nil
        }
    }

    /// The scalar (of any style) that starts at `location`, searched in the whole document.
    public func scalar(at location: SourceLocation) -> YAMLNode? {
        firstNode { node in
            if case .scalar = node.content { return node.start == location }
            return false
        }
    }

    /// The first node of the document (keys included) that `matches`, depth first.
    public func firstNode(where matches: (YAMLNode) -> Bool) -> YAMLNode? {
        guard let root else { return nil }
        var stack = [root]
        while let node = stack.popLast() {
            if matches(node) { return node }
            switch node.content {
            case .scalar: continue
            case .sequence(let items): stack += items
            case .mapping(let pairs): for pair in pairs { stack += [pair.key, pair.value] }
            }
        }
        return nil
    }

    /// The byte range of a node on one line, or `nil` when it spans lines or lies outside the file.
    public func byteRange(of node: YAMLNode) -> Range<Int>? {
        guard node.start.line == node.end.line, let start = source.byteOffset(of: node.start),
              let end = source.byteOffset(of: node.end), start <= end else { return nil }
        return start..<end
    }

    /// An edit writing `text` in place of a plain, single- or double-quoted scalar on one line,
    /// in the same quoting style (a plain scalar is double-quoted when `text` would not read as
    /// the same string unquoted). `nil` for block scalars, or text that would need escapes.
    public func replacing(_ node: YAMLNode, with text: String) -> SourceEdit? {
        guard case .scalar(let scalar) = node.content, let range = byteRange(of: node),
              !text.unicodeScalars.contains(where: { $0 == "\"" || $0 == "'" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F })
        else { return nil }
        switch scalar.style {
        case .plain: return SourceEdit(range: range, replacement: Self.isPlainString(text) ? text : "\"\(text)\"")
        case .doubleQuoted: return SourceEdit(range: range, replacement: "\"\(text)\"")
        case .singleQuoted: return SourceEdit(range: range, replacement: "'\(text)'")
        case .literal, .folded: return nil
        }
    }

    /// Whether `text` can be written unquoted and still be that string: a name of letters,
    /// digits, `.`, `/`, `-` and `_` starting with a letter, which YAML 1.1 resolves to no
    /// boolean, number or null (`on` and `no` must be quoted).
    static func isPlainString(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
              text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "./-_".unicodeScalars.contains($0)) })
        else { return false }
        return YAML11ScalarResolver.resolvePlain(text) == .string
    }

    /// An edit adding the line `text` to a block mapping, just before its key `before`
    /// (at the same indentation), or `nil` when the mapping is not written in block style.
    public func insertion(of text: String, before key: YAMLNode) -> SourceEdit? {
        guard let prefix = source.prefix(ofLine: key.start.line, before: key.start.column),
              prefix.allSatisfy({ $0 == " " || $0 == "-" }), prefix.filter({ $0 == "-" }).count <= 1,
              let offset = source.byteOffset(of: key.start) else { return nil }
        let indentation = String(repeating: " ", count: key.start.column - 1)
        return SourceEdit(range: offset..<offset, replacement: text + "\n" + indentation)
    }

    /// An edit giving `field` the stage `stage` in its list: added first to an existing flow
    /// list (`[...]`) or, as its own `- stage` line, to a block list whose items each have their
    /// own line; or a new `field: ["stage"]` line, in `rules[ruleIndex]` or (for `nil`) the
    /// policy. `nil` for any other layout.
    public func addingStage(_ stage: String, toField field: String, ruleIndex: Int?) -> SourceEdit? {
        guard let mapping = mapping(forRule: ruleIndex) else { return nil }
        if let existing = mapping.pair(field) {
            guard case .sequence(let items) = existing.value.content,
                  let start = source.byteOffset(of: existing.value.start), start < source.bytes.count else { return nil }
            if source.bytes[start] == UInt8(ascii: "[") {
                return SourceEdit(range: start + 1..<start + 1, replacement: items.isEmpty ? "\"\(stage)\"" : "\"\(stage)\", ")
            }
            guard let first = items.first, let indentation = dashIndentation(ofBlockItem: first),
                  let lineStart = source.byteOffset(of: SourceLocation(line: first.start.line, column: 1)) else { return nil }
            let entry = Self.isPlainString(stage) ? stage : "\"\(stage)\""
            return SourceEdit(range: lineStart..<lineStart, replacement: indentation + "- " + entry + "\n")
        }
        return addingLine("\(field): [\"\(stage)\"]", to: mapping, isRoot: ruleIndex == nil)
    }

    /// An edit setting the boolean `field` of `rules[ruleIndex]` (or, for `nil`, the policy) to
    /// `true`: its value replaced, or a new `field: true` line.
    public func settingTrue(_ field: String, ruleIndex: Int?) -> SourceEdit? {
        guard let mapping = mapping(forRule: ruleIndex) else { return nil }
        if let existing = mapping.pair(field) {
            guard case .scalar = existing.value.content, let range = byteRange(of: existing.value) else { return nil }
            return SourceEdit(range: range, replacement: "true")
        }
        return addingLine("\(field): true", to: mapping, isRoot: ruleIndex == nil)
    }

    /// An edit adding the line `text` (`key: value`) to `mapping`: at the top level before
    /// `rules`, so that the rules stay last; in a rule after its first field when that is written
    /// on one line (`- level: Metadata`), else before it.
    private func addingLine(_ text: String, to mapping: YAMLNode, isRoot: Bool) -> SourceEdit? {
        if isRoot {
            guard let rules = mapping.pair("rules")?.key else { return nil }
            return insertion(of: text, before: rules)
        }
        guard case .mapping(let pairs) = mapping.content, let first = pairs.first else { return nil }
        if first.value.start.line == first.key.start.line, first.value.end.line == first.key.start.line,
           let line = source.lineBytes(first.key.start.line), insertion(of: text, before: first.key) != nil {
            let indentation = String(repeating: " ", count: first.key.start.column - 1)
            return SourceEdit(range: line.endIndex..<line.endIndex, replacement: "\n" + indentation + text)
        }
        return insertion(of: text, before: first.key)
    }

    /// The spaces before the `-` of a block sequence item, or `nil` when the item shares its
    /// line with anything but its dash and spaces.
    public func dashIndentation(ofBlockItem item: YAMLNode) -> String? {
        guard let prefix = source.prefix(ofLine: item.start.line, before: item.start.column),
              prefix.filter({ $0 == "-" }).count == 1, prefix.allSatisfy({ $0 == " " || $0 == "-" }),
              let dash = prefix.firstIndex(of: "-") else { return nil }
        return String(prefix[..<dash])
    }

    /// The bytes of a block sequence item's lines, from the start of its `- ` line to the end of
    /// its last line with content (comments after it stay), or `nil` when the item shares a line
    /// with anything else.
    public func wholeLines(ofBlockItem item: YAMLNode) -> Range<Int>? {
        guard dashIndentation(ofBlockItem: item) != nil,
              let start = source.byteOffset(of: SourceLocation(line: item.start.line, column: 1)),
              source.lineBytes(item.lastContentLine) != nil else { return nil }
        let end = source.byteOffset(of: SourceLocation(line: item.lastContentLine + 1, column: 1)) ?? source.bytes.count
        return start..<end
    }

    /// The first line of the comment lines written right above `line` (no blank line between)
    /// at exactly `indentation`; `line` itself when there are none. Such comments describe what
    /// follows them.
    public func commentBlockStart(above line: Int, indentation: String) -> Int {
        var first = line
        while first > 1, let text = source.line(first - 1), text.hasPrefix(indentation + "#") { first -= 1 }
        return first
    }

    /// An edit removing the list item that starts at `location` from its list, which keeps at
    /// least one other item: from a block list with its lines (``wholeLines(ofBlockItem:)``);
    /// from a flow list (`[a, b]`, scalars only) with the comma and spaces that separate it,
    /// when only commas and white space separate it from its neighbours (no comment is lost).
    /// `nil` for any other layout.
    public func removingItem(at location: SourceLocation) -> SourceEdit? {
        guard let list = parentList(of: location), case .sequence(let items) = list.content, items.count > 1,
              let index = items.firstIndex(where: { $0.start == location }),
              let listStart = source.byteOffset(of: list.start), listStart < source.bytes.count else { return nil }
        if source.bytes[listStart] != UInt8(ascii: "[") {
            guard let lines = wholeLines(ofBlockItem: items[index]) else { return nil }
            return SourceEdit(range: lines, replacement: "")
        }
        let ranges = items.map(byteRange(of:))
        guard case .scalar = items[index].content, let own = ranges[index] else { return nil }
        let neighbour = index > 0 ? index - 1 : index + 1
        guard let other = ranges[neighbour] else { return nil }
        let gap = index > 0 ? other.upperBound..<own.lowerBound : own.upperBound..<other.lowerBound
        guard gap.allSatisfy({ [UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(source.bytes[$0]) })
        else { return nil }
        return SourceEdit(range: index > 0 ? other.upperBound..<own.upperBound : own.lowerBound..<other.lowerBound, replacement: "")
    }

    /// The sequence node one of whose items starts at `location`.
    private func parentList(of location: SourceLocation) -> YAMLNode? {
        firstNode { node in
            if case .sequence(let items) = node.content { return items.contains { $0.start == location } }
            return false
        }
    }

    /// An edit removing `rules[index]` (a block sequence item) with the comment lines right above
    /// it when they are its own: when the next rule has comment lines of its own (or there is no
    /// next rule). Above a rule followed by rules without comments, they are taken to describe
    /// those rules too, and stay. Comments after the rule stay with what follows. `nil` for
    /// flow-style rules.
    public func removingRule(_ index: Int) -> SourceEdit? {
        guard let items = ruleItems, let item = ruleNode(index), let indentation = dashIndentation(ofBlockItem: item),
              let lines = wholeLines(ofBlockItem: item) else { return nil }
        let nextIsCommented = index + 1 >= items.count
            || commentBlockStart(above: items[index + 1].start.line, indentation: indentation) < items[index + 1].start.line
        let first = nextIsCommented ? commentBlockStart(above: item.start.line, indentation: indentation) : item.start.line
        guard var start = source.byteOffset(of: SourceLocation(line: first, column: 1)) else { return nil }
        // The last line has no line break: the one before the removed lines goes instead.
        if lines.upperBound == source.bytes.count, source.bytes.last != UInt8(ascii: "\n"), start > 0 { start -= 1 }
        return SourceEdit(range: start..<lines.upperBound, replacement: "")
    }

    /// An edit inserting `lines` (a rule written as a block sequence item, `- level: ...` and
    /// its fields, without indentation) before `rules[index]` and the comments right above it,
    /// or after the last rule when `index` is the number of rules. The lines are indented like
    /// the rules' dashes. `nil` for flow-style rules.
    public func insertingRule(_ lines: [String], before index: Int) -> SourceEdit? {
        guard let items = ruleItems, let last = items.last, index >= 0, index <= items.count,
              let indentation = dashIndentation(ofBlockItem: index < items.count ? items[index] : last) else { return nil }
        let text = lines.map { indentation + $0 + "\n" }.joined()
        if index < items.count {
            let first = commentBlockStart(above: items[index].start.line, indentation: indentation)
            guard let start = source.byteOffset(of: SourceLocation(line: first, column: 1)) else { return nil }
            return SourceEdit(range: start..<start, replacement: text)
        }
        guard let end = wholeLines(ofBlockItem: last)?.upperBound else { return nil }
        let needsBreak = end > 0 && source.bytes[end - 1] != UInt8(ascii: "\n")
        return SourceEdit(range: end..<end, replacement: (needsBreak ? "\n" : "") + text)
    }

    /// An edit inserting `lines` (comment lines, `# ...`) right above the `- ` line of
    /// `rules[index]`, at its indentation. `nil` for flow-style rules.
    public func insertingLines(_ lines: [String], aboveRule index: Int) -> SourceEdit? {
        guard let item = ruleNode(index), let indentation = dashIndentation(ofBlockItem: item),
              let start = source.byteOffset(of: SourceLocation(line: item.start.line, column: 1)) else { return nil }
        return SourceEdit(range: start..<start, replacement: lines.map { indentation + $0 + "\n" }.joined())
    }
}
