/// A rule's resource pattern as a union of (resource, subresource) pairs, each side either one
/// value or any value.
///
/// Upstream: `pkg/audit/policy/checker.go`, `ruleMatchesResource`. A pattern `p` matches when
/// `p == "*"`; or `p` equals the resource and there is no subresource; or `p` equals
/// `resource + "/" + subresource`; or `p == "*/" + subresource` with a subresource; or
/// `p == resource + "/*"` (with or without a subresource). Patterns are split on `/` bytes, so a
/// pattern with several slashes yields every split; `*/*` thus matches the resource `*` or the
/// subresource `*`, never every resource.
enum ResourcePattern {
    /// One pair: `nil` means any value.
    struct Part {
        var resource: String?
        var subresource: String?
    }

    /// The pairs a pattern selects: audit policy semantics, or `exact` (see
    /// `RequestSelector.ResourceEntry.exact`).
    static func parts(of pattern: String, exact: Bool) -> [Part] {
        exact ? exactParts(of: pattern) : parts(of: pattern)
    }

    /// `resource` or `resource/subresource` exactly; `*` any resource (and subresource); `*/sub`
    /// that subresource of any resource.
    static func exactParts(of pattern: String) -> [Part] {
        let bytes = Array(pattern.utf8)
        if bytes == [UInt8(ascii: "*")] { return [Part(resource: nil, subresource: nil)] }
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return [Part(resource: pattern, subresource: "")] }
        let resource = String(decoding: bytes[..<slash], as: UTF8.self)
        let subresource = String(decoding: bytes[(slash + 1)...], as: UTF8.self)
        return [Part(resource: resource == "*" ? nil : resource, subresource: subresource)]
    }

    static func parts(of pattern: String) -> [Part] {
        let bytes = Array(pattern.utf8)
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
        if bytes == [star] { return [Part(resource: nil, subresource: nil)] }
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        // The resource itself, with no subresource.
        var parts = [Part(resource: pattern, subresource: "")]
        // resource + "/" + subresource, with a non-empty subresource, at every slash.
        for index in bytes.indices where bytes[index] == slash && index + 1 < bytes.count {
            parts.append(Part(resource: text(bytes[..<index]), subresource: text(bytes[(index + 1)...])))
        }
        // "*/" + subresource, with a non-empty subresource.
        if bytes.count > 2, bytes[0] == star, bytes[1] == slash {
            parts.append(Part(resource: nil, subresource: text(bytes[2...])))
        }
        // resource + "/*", with or without a subresource.
        if bytes.count >= 2, bytes[bytes.count - 2] == slash, bytes[bytes.count - 1] == star {
            parts.append(Part(resource: text(bytes[..<(bytes.count - 2)]), subresource: nil))
        }
        return parts
    }
}
