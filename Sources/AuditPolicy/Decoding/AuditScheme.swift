/// The kinds kube-apiserver's audit scheme knows, and which Go type a policy document is decoded
/// into given its `apiVersion` and `kind`.
///
/// Upstream: `k8s.io/apiserver/pkg/audit/scheme.go` registers `metav1.AddToGroupVersion` for
/// version `v1`, the audit `v1` types (`Event`, `EventList`, `Policy`, `PolicyList`, plus the
/// meta types `AddToGroupVersion` adds to every group version) and the internal types; releases up
/// to 1.23 also registered `v1beta1` and `v1alpha1`. The JSON serializer
/// (`k8s.io/apimachinery/pkg/runtime/serializer/json/json.go`, `Serializer.Decode`) fills a missing
/// kind or version from the target (the internal `Policy`, `gvkWithDefaults`), then uses the target
/// when the kinds are equal and otherwise asks the scheme for a new object (`Scheme.New`), whose
/// failure is `runtime.notRegisteredErr`.
struct AuditScheme {
    /// What a document is decoded into.
    enum Target {
        /// A versioned `Policy` (`v1`, or a pre-v1 package where registered), converted to the
        /// internal Policy afterwards.
        case externalPolicy(package: String)
        /// The internal `Policy` itself (no apiVersion, or `audit.k8s.io/__internal`).
        case internalPolicy
        /// Any other registered type; converting it to a Policy fails.
        case otherKind(GoStruct)
    }

    static let group = "audit.k8s.io"
    static let internalVersion = "__internal"

    let kubernetesVersion: KubernetesVersion

    /// The scheme's name as `runtime.NewScheme` records it (`naming.GetNameFromCallsite`): the
    /// file and line of `var Scheme = runtime.NewScheme()`.
    var schemeName: String { kubernetesVersion.minor <= 23 ? "pkg/audit/scheme.go:32" : "pkg/audit/scheme.go:30" }

    /// The audit versions registered in the scheme.
    var auditVersions: [String] { kubernetesVersion.acceptsPreV1PolicyVersions ? ["v1", "v1beta1", "v1alpha1"] : ["v1"] }

    /// The decode target for a document's group, version and kind (after `Interpret`), or the
    /// error message `Serializer.Decode` fails with.
    func target(group: String, version: String, kind: String, originalText: String) -> Result<Target, DecodeFailure> {
        // gvkWithDefaults against the internal Policy.
        var (group, version, kind) = (group, version, kind)
        if kind.isEmpty { kind = "Policy" }
        if version.isEmpty, group.isEmpty { (group, version) = (Self.group, Self.internalVersion) }
        if version.isEmpty, group.bytesEqual(Self.group) { version = Self.internalVersion }
        if version.isEmpty {
            return .failure(DecodeFailure("Object 'apiVersion' is missing in '\(originalText)'"))
        }
        if group.bytesEqual(Self.group), version.bytesEqual(Self.internalVersion), kind.bytesEqual("Policy") { return .success(.internalPolicy) }
        if let type = registeredType(group: group, version: version, kind: kind) { return .success(type) }
        return .failure(DecodeFailure(notRegistered(group: group, version: version, kind: kind)))
    }

    /// `Scheme.New`: the exact group/version/kind, else an unversioned kind in any version.
    private func registeredType(group: String, version: String, kind: String) -> Target? {
        // Every registered name is ASCII; checking that first makes the `==` below byte-exact
        // (Swift's `==` would equate a few non-ASCII characters with ASCII ones, as U+212A with K).
        guard [group, version, kind].allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return nil }
        let metaKinds = ["WatchEvent", "ListOptions", "GetOptions", "DeleteOptions", "CreateOptions", "UpdateOptions", "PatchOptions"]
        if group == Self.group, auditVersions.contains(version) {
            switch kind {
            case "Policy": return .externalPolicy(package: version)
            case "PolicyList": return .otherKind(AuditGoTypes.externalPolicyList(package: version))
            case "Event", "EventList": return .otherKind(AuditGoTypes.opaqueKind("\(version).\(kind)"))
            default: if metaKinds.contains(kind) { return .otherKind(AuditGoTypes.opaqueKind("v1.\(kind)")) }
            }
        }
        if group == Self.group, version == Self.internalVersion {
            switch kind {
            case "PolicyList": return .otherKind(AuditGoTypes.internalPolicyList)
            case "Event", "EventList": return .otherKind(AuditGoTypes.opaqueKind("audit.\(kind)"))
            case "WatchEvent": return .otherKind(AuditGoTypes.opaqueKind("v1.InternalEvent"))
            default: break
            }
        }
        if group.isEmpty, version == "v1", metaKinds.contains(kind) { return .otherKind(AuditGoTypes.opaqueKind("v1.\(kind)")) }
        if group.isEmpty, version == Self.internalVersion, kind == "WatchEvent" { return .otherKind(AuditGoTypes.opaqueKind("v1.InternalEvent")) }
        // metav1's unversioned kinds are found by kind alone.
        if ["Status", "APIVersions", "APIGroupList", "APIGroup", "APIResourceList"].contains(kind) {
            return .otherKind(AuditGoTypes.opaqueKind("v1.\(kind)"))
        }
        return nil
    }

    /// `notRegisteredErr.Error()` for a group/version/kind.
    private func notRegistered(group: String, version: String, kind: String) -> String {
        let groupVersion = group.isEmpty ? version : group + "/" + version
        let scheme = GoValueRendering.quoted(schemeName)
        if version == Self.internalVersion {
            return "no kind \(GoValueRendering.quoted(kind)) is registered for the internal version of group \(GoValueRendering.quoted(group)) in scheme \(scheme)"
        }
        return "no kind \(GoValueRendering.quoted(kind)) is registered for version \(GoValueRendering.quoted(groupVersion)) in scheme \(scheme)"
    }
}

/// A decoding step's failure, with Go's message (without the `failed decoding: ` prefix).
struct DecodeFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
