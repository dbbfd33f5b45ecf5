/// The audit.k8s.io version a recorded event was written in, which decides how it converts to
/// the audit.k8s.io/v1 Event that kube-apiserver 1.36 writes.
enum RecordedEventVersion: String, Sendable, Hashable {
    case v1
    case v1beta1
    case v1alpha1

    /// The version an event declares in `apiVersion`, or, when it declares none, the version its
    /// shape shows: an objectRef whose `apiVersion` holds `group/version` and no `apiGroup` is
    /// v1alpha1 (the only version without `apiGroup`); a `timestamp` or `metadata` member is
    /// v1beta1 (both left the Event in v1); anything else is v1.
    /// Upstream: `pkg/apis/audit/v1alpha1/types.go` and `v1beta1/types.go` in release-1.23.
    static func of(declared: [UInt8]?, objectRef: JSONTree?, hasPreV1Members: Bool) -> RecordedEventVersion {
        if let declared {
            switch String(decoding: declared, as: UTF8.self) {
            case "audit.k8s.io/v1alpha1": return .v1alpha1
            case "audit.k8s.io/v1beta1": return .v1beta1
            default: return .v1
            }
        }
        if let objectRef, objectRef.member("apiGroup")?.stringBytes?.isEmpty ?? true,
           objectRef.member("apiVersion")?.stringBytes?.contains(UInt8(ascii: "/")) == true {
            return .v1alpha1
        }
        return hasPreV1Members ? .v1beta1 : .v1
    }

    /// The objectRef members the version's `ObjectReference` struct has, in the v1 order; the
    /// decoder drops the others. v1alpha1 has no `apiGroup`.
    var objectReferenceMembers: [String] {
        switch self {
        case .v1, .v1beta1: ["resource", "namespace", "name", "uid", "apiGroup", "apiVersion", "resourceVersion", "subresource"]
        case .v1alpha1: ["resource", "namespace", "name", "uid", "apiVersion", "resourceVersion", "subresource"]
        }
    }

    /// Whether the version's Event has `authenticationMetadata` (only v1 does; the pre-v1
    /// versions were removed before it was added).
    var hasAuthenticationMetadata: Bool { self == .v1 }

    /// The v1 objectRef of a recorded one: the members this version decodes, and for v1alpha1
    /// the `group/version` string split at its last `/` into apiGroup and apiVersion (`/v1`, the
    /// core group, gives apiGroup "" and apiVersion `v1`; a string without `/` stays the version).
    /// Upstream: `pkg/apis/audit/v1alpha1/conversion.go` (release-1.23),
    /// `Convert_v1alpha1_ObjectReference_To_audit_ObjectReference`.
    func convertedObjectReference(_ recorded: JSONTree) -> JSONTree {
        guard case .object(let members) = recorded else { return recorded }
        let known = Set(objectReferenceMembers.map { Array($0.utf8) })
        var converted = members.filter { known.contains($0.key) }
        guard self == .v1alpha1, let groupVersion = recorded.member("apiVersion")?.stringBytes,
              let slash = groupVersion.lastIndex(of: UInt8(ascii: "/")) else { return .object(converted) }
        converted.removeAll { $0.key == Array("apiVersion".utf8) }
        converted.append((Array("apiGroup".utf8), .string(Array(groupVersion[..<slash]))))
        converted.append((Array("apiVersion".utf8), .string(Array(groupVersion[(slash + 1)...]))))
        return .object(converted)
    }
}
