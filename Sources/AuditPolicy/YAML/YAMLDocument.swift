/// The first document of a YAML stream, as `YAMLLoader` loads it.
public struct YAMLDocument: Sendable {
    /// The document's root node; `nil` when the input holds no document (an empty file, or only
    /// comments) or an empty one (`---` alone).
    public var root: YAMLNode?
    /// Where a second document starts (its `---`), if one follows. kube-apiserver ignores every
    /// document after the first, so the caller should warn that this one is ignored too.
    public var furtherDocument: SourceLocation?

    public init(root: YAMLNode?, furtherDocument: SourceLocation? = nil) {
        self.root = root
        self.furtherDocument = furtherDocument
    }
}
