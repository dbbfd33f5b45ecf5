/// One entry of a rule's `resources` list taken apart: `pods`, `pods/log`, `*`, `*/scale`, `pods/*`.
struct ResourcePattern {
    /// The resource part (`*` for any).
    var resource: String
    /// The subresource part: `nil` for none, `*` for any.
    var subresource: String?

    init(_ text: String) {
        if let slash = text.firstIndex(of: "/") {
            resource = String(text[..<slash])
            subresource = String(text[text.index(after: slash)...])
        } else {
            resource = text
            subresource = nil
        }
    }

    var isAnyResource: Bool { resource == "*" }
}
