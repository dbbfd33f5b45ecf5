import AuditPolicy

/// What a fix may look at: the lint context and the policy's YAML tree with its marks.
struct FixContext {
    /// The linted policy.
    let lint: LintContext
    /// The YAML document's root node (`nil` when the file is not YAML).
    let root: YAMLNode?

    init(_ lint: LintContext) {
        self.lint = lint
        root = try? YAMLLoader().loadFirstDocument(lint.source.bytes).root
    }

    var source: PolicySource { lint.source }

    /// The top-level pair whose key is `name`, if the root is a mapping that has one.
    func topLevelPair(_ name: String) -> YAMLPair? {
        guard case .mapping(let pairs)? = root?.content else { return nil }
        return pairs.last { $0.key.scalarText == name }
    }

    /// The mapping node of `rules[index]`, if the rules are a sequence of mappings.
    func ruleNode(_ index: Int) -> YAMLNode? {
        guard case .sequence(let items)? = topLevelPair("rules")?.value.content, index < items.count,
              case .mapping = items[index].content else { return nil }
        return items[index]
    }

    /// The plain scalar that starts at `location`, searched in the whole document.
    func plainScalar(at location: SourceLocation) -> YAMLNode? {
        guard let root else { return nil }
        var stack = [root]
        while let node = stack.popLast() {
            switch node.content {
            case .scalar(let scalar):
                if node.start == location, scalar.style == .plain { return node }
            case .sequence(let items):
                stack += items
            case .mapping(let pairs):
                for pair in pairs { stack += [pair.key, pair.value] }
            }
        }
        return nil
    }

    /// The byte range of a node on one line, or `nil` when it spans lines or lies outside the file.
    func byteRange(of node: YAMLNode) -> Range<Int>? {
        guard node.start.line == node.end.line, let start = source.byteOffset(of: node.start),
              let end = source.byteOffset(of: node.end), start <= end else { return nil }
        return start..<end
    }

    /// An edit adding the line `KEY: VALUE` to a block mapping, just before its key `before`
    /// (at the same indentation), or `nil` when the mapping is not written in block style.
    func insertion(of text: String, before key: YAMLNode) -> SourceEdit? {
        guard let prefix = source.prefix(ofLine: key.start.line, before: key.start.column),
              prefix.allSatisfy({ $0 == " " || $0 == "-" }), prefix.filter({ $0 == "-" }).count <= 1,
              let offset = source.byteOffset(of: key.start) else { return nil }
        let indentation = String(repeating: " ", count: key.start.column - 1)
        return SourceEdit(range: offset..<offset, replacement: text + "\n" + indentation)
    }
}

extension YAMLNode {
    /// The text of a scalar node, `nil` for collections.
    var scalarText: String? {
        if case .scalar(let scalar) = content { return scalar.text }
        return nil
    }

    /// The pair of a mapping node whose key is `name` (the last, as go-yaml keeps).
    func pair(_ name: String) -> YAMLPair? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.last { $0.key.scalarText == name }
    }

    /// The first key of a mapping node.
    var firstKey: YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first?.key
    }
}
