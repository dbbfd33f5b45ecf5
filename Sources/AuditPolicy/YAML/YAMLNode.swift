/// A node of a parsed YAML document, with the place it was written.
///
/// Built from libyaml's parser events by `YAMLLoader`; aliases are already resolved,
/// so a node reached through an alias is a copy of its anchor's node (keeping the anchor's marks).
public struct YAMLNode: Sendable {
    /// The node's content.
    public var content: Content
    /// Where the node starts (1-based line and column).
    public var start: SourceLocation
    /// Where the node ends (1-based line and column, exclusive).
    public var end: SourceLocation
    /// The explicit tag, if one was written (`!!str`, `!!int`, ...), in its full form
    /// (`tag:yaml.org,2002:str`).
    public var tag: String?

    public init(content: Content, start: SourceLocation, end: SourceLocation, tag: String? = nil) {
        self.content = content
        self.start = start
        self.end = end
        self.tag = tag
    }

    /// The content of a node.
    public enum Content: Sendable {
        /// A scalar, with its text as written and how it resolves under YAML 1.1.
        case scalar(YAMLScalar)
        /// A sequence of nodes.
        case sequence([YAMLNode])
        /// A mapping, its pairs in the order written (duplicate keys kept). `<<` merge keys are
        /// already applied: each is replaced by the pairs it merges, placed so that the last
        /// pair with a given key is the one go-yaml v2 keeps.
        case mapping([YAMLPair])
    }
}

/// One key/value pair of a YAML mapping.
public struct YAMLPair: Sendable {
    /// The key node.
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A scalar node's text and its YAML 1.1 resolution.
public struct YAMLScalar: Sendable, Equatable {
    /// The scalar's text after unescaping and folding.
    public var text: String
    /// How the scalar was written.
    public var style: Style
    /// What the scalar resolves to, as sigs.k8s.io/yaml (go-yaml v2, YAML 1.1) resolves it.
    public var resolved: Resolved

    public init(text: String, style: Style, resolved: Resolved) {
        self.text = text
        self.style = style
        self.resolved = resolved
    }

    /// How a scalar was written.
    public enum Style: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The value a scalar resolves to.
    public enum Resolved: Sendable, Equatable {
        /// `~`, `null`, `Null`, `NULL`, or an empty plain scalar.
        case null
        /// YAML 1.1 booleans: `true`/`false`, `yes`/`no`, `on`/`off`, `y`/`n` in their case variants.
        case bool(Bool)
        /// A YAML 1.1 integer (decimal, `0x`, `0o`, `0b`, leading-zero octal, `_` separators;
        /// go-yaml v2 has no sexagesimal numbers), with its value in canonical decimal
        /// (`0x1F` gives `"31"`). The value fits in Int64 or, when positive, in UInt64.
        case int(String)
        /// A YAML 1.1 float (`1.5`, `1e3`, `.inf`, `.nan`, ...), with its value as Go's
        /// `encoding/json` writes it (`1e3` gives `"1000"`), or `.inf`, `-.inf`, `.nan`.
        case float(String)
        /// Any other scalar, and every quoted or block scalar without a tag: a string.
        case string
    }
}
