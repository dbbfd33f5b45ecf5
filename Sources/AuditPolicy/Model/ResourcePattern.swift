/// One entry of a rule's `resources` list (`pods`, `pods/log`, `*`, `*/scale`, `pods/*`) and
/// the (resource, subresource) pairs it selects.
///
/// Upstream: `pkg/audit/policy/checker.go`, `ruleMatchesResource`. A pattern `p` matches when
/// `p == "*"`; or `p` equals the resource and there is no subresource; or `p` equals
/// `resource + "/" + subresource`; or `p == "*/" + subresource` with a subresource; or
/// `p == resource + "/*"` (with or without a subresource). Patterns are compared with the
/// joined `resource/subresource`, so a pattern with several slashes can be split at any of
/// them; `*/*` thus matches the resource `*` or the subresource `*`, never every resource.
public struct ResourcePattern: Sendable, Hashable {
    /// One (resource, subresource) pair: `nil` means any value, a subresource `""` none.
    public struct Reading: Sendable, Hashable {
        public var resource: String?
        public var subresource: String?
    }

    /// The pattern as written.
    public let text: String
    /// The part before the first slash (`*` for any resource): the only part that can name a
    /// served resource, since resource names hold no slash.
    public let resource: String
    /// The part after the first slash: `nil` when there is none, `*` for any subresource.
    public let subresource: String?

    public init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        if let slash = bytes.firstIndex(of: UInt8(ascii: "/")) {
            resource = String(decoding: bytes[..<slash], as: UTF8.self)
            subresource = String(decoding: bytes[(slash + 1)...], as: UTF8.self)
        } else {
            resource = text
            subresource = nil
        }
    }

    /// Whether the resource part is `*`.
    public var isAnyResource: Bool { resource == "*" }

    /// Every pair kube-apiserver matches the pattern against, split at every slash.
    public var readings: [Reading] {
        let bytes = Array(text.utf8)
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
        if bytes == [star] { return [Reading(resource: nil, subresource: nil)] }
        func part(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        // The resource itself, with no subresource.
        var readings = [Reading(resource: text, subresource: "")]
        // resource + "/" + subresource, with a non-empty subresource, at every slash.
        for index in bytes.indices where bytes[index] == slash && index + 1 < bytes.count {
            readings.append(Reading(resource: part(bytes[..<index]), subresource: part(bytes[(index + 1)...])))
        }
        // "*/" + subresource, with a non-empty subresource.
        if bytes.count > 2, bytes[0] == star, bytes[1] == slash {
            readings.append(Reading(resource: nil, subresource: part(bytes[2...])))
        }
        // resource + "/*", with or without a subresource.
        if bytes.count >= 2, bytes[bytes.count - 2] == slash, bytes[bytes.count - 1] == star {
            readings.append(Reading(resource: part(bytes[..<(bytes.count - 2)]), subresource: nil))
        }
        return readings
    }

    /// The one pair the pattern names when read literally, split at the first slash:
    /// `resource` or `resource/subresource` exactly, `*` any resource and subresource, `*/sub`
    /// that subresource of any resource.
    public var literalReading: Reading {
        if text == "*" { return Reading(resource: nil, subresource: nil) }
        return Reading(resource: isAnyResource && subresource != nil ? nil : resource, subresource: subresource ?? "")
    }

    /// `[literalReading]` when `literal`, else `readings`.
    public func readings(literal: Bool) -> [Reading] {
        literal ? [literalReading] : readings
    }
}
