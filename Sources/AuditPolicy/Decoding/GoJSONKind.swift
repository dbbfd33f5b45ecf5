/// How a YAML node looks after sigs.k8s.io/yaml turns it into JSON, named the way Go's
/// `encoding/json` names it in "cannot unmarshal X into ..." errors.
enum GoJSONKind: String {
    case null, bool, number, string, array, object

    init(_ node: YAMLNode) {
        switch node.content {
        case .sequence: self = .array
        case .mapping: self = .object
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: self = .null
            case .bool: self = .bool
            case .int, .float: self = .number
            case .string: self = .string
            }
        }
    }
}
