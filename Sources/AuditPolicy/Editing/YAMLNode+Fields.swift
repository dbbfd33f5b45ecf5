extension YAMLNode {
    /// The text of a scalar node, `nil` for collections.
    public var scalarText: String? {
        if case .scalar(let scalar) = content { return scalar.text }
        return nil
    }

    /// The pair of a mapping node whose key is `name` (the last, as go-yaml keeps).
    public func pair(_ name: String) -> YAMLPair? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.last { $0.key.scalarText == name }
    }

    /// The first key of a mapping node.
    public var firstKey: YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first?.key
    }

    /// The last line a scalar of this node is written on (collection end marks can lie past
    /// trailing comments, scalar ones do not).
    public var lastContentLine: Int {
        switch content {
        case .scalar: return end.line
        case .sequence(let items): return items.map(\.lastContentLine).max() ?? end.line
        case .mapping(let pairs): return pairs.map { max($0.key.lastContentLine, $0.value.lastContentLine) }.max() ?? end.line
        }
    }
}
