/// The shape of a Go type that kube-apiserver decodes a policy document into, as far as
/// `encoding/json` (in sigs.k8s.io/json's case-sensitive fork) sees it.
///
/// Only what decoding depends on is described: JSON field names (embedded structs flattened, as
/// Go promotes their fields), element types, and the type names Go prints in
/// "cannot unmarshal X into Go struct field S.path of type T" errors.
indirect enum GoType: Sendable {
    /// `string` or a named string type (`v1.Level`, `types.UID`).
    case string(name: String)
    case bool
    /// `int64`.
    case int64
    /// `*T`: `null` sets it to nil, anything else is decoded into a (new or existing) `T`.
    case pointer(GoType)
    /// `[]T`.
    case slice(GoType)
    /// `map[string]T`.
    case map(GoType)
    /// A struct.
    case structure(GoStruct)
    /// `metav1.Time` (RFC 3339) or `metav1.MicroTime` (RFC 3339 with microseconds), which
    /// implement `json.Unmarshaler`.
    case time(micro: Bool)
    /// A type whose `UnmarshalJSON` keeps any JSON value as raw bytes (`metav1.FieldsV1`,
    /// `runtime.RawExtension`, `runtime.Unknown`).
    case rawJSON(name: String)
    /// A non-empty interface (`runtime.Object`): any value but `null` is an error.
    case interface(name: String)

    /// The type's name as Go's `reflect.Type.String()` prints it.
    var name: String {
        switch self {
        case .string(let name): name
        case .bool: "bool"
        case .int64: "int64"
        case .pointer(let pointee): "*" + pointee.name
        case .slice(let element): "[]" + element.name
        case .map(let element): "map[string]" + element.name
        case .structure(let type): type.qualifiedName
        case .time(let micro): micro ? "v1.MicroTime" : "v1.Time"
        case .rawJSON(let name), .interface(let name): name
        }
    }

    static let goString = GoType.string(name: "string")
}

/// A Go struct type: its name and its JSON fields (promoted fields of embedded structs included).
final class GoStruct: Sendable {
    /// The package-qualified name (`v1.PolicyRule`), as type errors print the target type.
    let qualifiedName: String
    /// The fields by JSON name; names are matched case-sensitively (sigs.k8s.io/json).
    let fields: [String: GoType]

    init(_ qualifiedName: String, fields: [(String, GoType)]) {
        self.qualifiedName = qualifiedName
        self.fields = Dictionary(fields, uniquingKeysWith: { first, _ in first })
    }

    /// The unqualified name (`PolicyRule`), as error contexts print the enclosing struct.
    var shortName: String {
        qualifiedName.split(separator: ".").last.map(String.init) ?? qualifiedName
    }
}
