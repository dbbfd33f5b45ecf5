/// The `apiVersion` and `kind` kube-apiserver reads from a policy document before decoding it.
///
/// Upstream: `k8s.io/apimachinery/pkg/runtime/serializer/json/meta.go`, `SimpleMetaFactory.Interpret`,
/// which uses encoding/json on the JSON that sigs.k8s.io/yaml produced. Two consequences:
/// key matching is case-insensitive (Go's `bytes.EqualFold`), and the JSON object's keys are
/// sorted (it was marshalled from a Go map), so of several matching keys the greatest wins.
struct TypeMeta {
    var apiVersion: Located<String>?
    var kind: Located<String>?

    /// Reads the type fields of `root`, or returns the error message kube-apiserver would print.
    static func interpret(_ root: YAMLNode) -> Result<TypeMeta, Diagnostic> {
        guard case .mapping(let pairs) = root.content else { return .success(TypeMeta()) }
        // The last pair with a given key wins (the Go map), then keys are visited in sorted order.
        var lastByKey: [String: YAMLPair] = [:]
        for pair in pairs {
            guard case .scalar(let key) = pair.key.content else { continue }
            lastByKey[key.text] = pair
        }
        var meta = TypeMeta()
        for key in lastByKey.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            guard let pair = lastByKey[key] else { continue }
            let isAPIVersion = goEqualFold(key, "apiVersion")
            guard isAPIVersion || goEqualFold(key, "kind") else { continue }
            switch pair.value.content {
            case .scalar(let scalar):
                switch scalar.resolved {
                case .null:
                    continue  // null leaves the field as it is
                case .string:
                    let value = Located(scalar.text, at: pair.value.start)
                    if isAPIVersion { meta.apiVersion = value } else { meta.kind = value }
                case .bool, .int, .float:
                    return .failure(typeError(GoJSONKind(pair.value), field: isAPIVersion ? "apiVersion" : "kind", at: pair.value.start))
                }
            case .sequence, .mapping:
                return .failure(typeError(GoJSONKind(pair.value), field: isAPIVersion ? "apiVersion" : "kind", at: pair.value.start))
            }
        }
        return .success(meta)
    }

    private static func typeError(_ kind: GoJSONKind, field: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: LoaderCode.decodeError,
            "failed decoding: couldn't get version/kind; json parse error: json: cannot unmarshal \(kind.rawValue) into Go struct field .\(field) of type string",
            at: location
        )
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
