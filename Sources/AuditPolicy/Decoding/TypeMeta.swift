/// The `apiVersion` and `kind` kube-apiserver reads from a policy document before decoding it.
///
/// Upstream: `k8s.io/apimachinery/pkg/runtime/serializer/json/meta.go`, `SimpleMetaFactory.Interpret`:
/// Go's standard `encoding/json` unmarshals the document into an anonymous struct with
/// `apiVersion` and `kind`. So keys match case-insensitively (Go's `bytes.EqualFold`), members are
/// visited in order (for a YAML file, the sorted order sigs.k8s.io/yaml wrote them in) and the last
/// match wins, `null` leaves a field unset, and a value that is not a string is an error (the first
/// one is reported). Then `schema.ParseGroupVersion` splits the apiVersion.
struct TypeMeta {
    var apiVersion: Located<String>?
    var kind: Located<String>?

    /// The anonymous struct's type as Go prints it in "cannot unmarshal X into Go value of type ...".
    private static let anonymousStructType =
        #"struct { APIVersion string "json:\"apiVersion,omitempty\""; Kind string "json:\"kind,omitempty\"" }"#

    /// Reads the type fields of `root`, or fails with Go's message (without `failed decoding: `).
    static func interpret(_ root: GoJSONNode) -> Result<TypeMeta, LocatedDecodeFailure> {
        var meta = TypeMeta()
        let members: [GoJSONMember]
        switch root.value {
        case .null: return .success(meta)
        case .object(let objectMembers): members = objectMembers
        default:
            return .failure(LocatedDecodeFailure(
                "couldn't get version/kind; json parse error: json: cannot unmarshal \(root.kindName) into Go value of type \(anonymousStructType)",
                at: root.location))
        }
        var firstError: LocatedDecodeFailure?
        for member in members {
            let isAPIVersion = goEqualFold(member.key, "apiVersion")
            guard isAPIVersion || goEqualFold(member.key, "kind") else { continue }
            switch member.value.value {
            case .null:
                continue
            case .string(let text):
                let value = Located(text, at: member.value.location)
                if isAPIVersion { meta.apiVersion = value } else { meta.kind = value }
            default:
                if firstError == nil {
                    firstError = LocatedDecodeFailure(
                        "couldn't get version/kind; json parse error: json: cannot unmarshal \(member.value.kindName) into Go struct field .\(isAPIVersion ? "apiVersion" : "kind") of type string",
                        at: member.value.location, node: member.value)
                }
            }
        }
        if let firstError { return .failure(firstError) }
        return .success(meta)
    }

    /// `schema.ParseGroupVersion`: `""` and `/` are empty, no slash is a version of the core
    /// group, one slash splits group and version, more is an error.
    static func parseGroupVersion(_ text: String) -> Result<(group: String, version: String), DecodeFailure> {
        let bytes = Array(text.utf8)
        if bytes.isEmpty || bytes == [UInt8(ascii: "/")] { return .success(("", "")) }
        // Byte-wise, as Go splits (a combining mark after `/` must not hide it).
        let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return .success(("", text))
        case 2: return .success((String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self)))
        default: return .failure(DecodeFailure("unexpected GroupVersion string: \(text)"))
        }
    }

    /// Go's `bytes.EqualFold` for the letters of `apiVersion` and `kind`: ASCII case folding plus
    /// the two non-ASCII letters that simple-fold onto them (U+017F long s, U+212A Kelvin sign).
    static func goEqualFold(_ text: String, _ target: String) -> Bool {
        let a = Array(text.unicodeScalars), b = Array(target.unicodeScalars)
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where fold(x) != fold(y) { return false }
        return true
    }

    private static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        switch scalar.value {
        case 0x41...0x5A: scalar.value + 0x20
        case 0x017F: 0x73  // ſ folds to s
        case 0x212A: 0x6B  // Kelvin sign folds to k
        default: scalar.value
        }
    }
}

/// A decoding failure with where it happened.
struct LocatedDecodeFailure: Error {
    var message: String
    var location: SourceLocation
    /// The offending value, when one is to blame.
    var node: GoJSONNode?

    init(_ message: String, at location: SourceLocation, node: GoJSONNode? = nil) {
        self.message = message
        self.location = location
        self.node = node
    }
}
