/// A JSON value as kube-apiserver's decoders see it, with where each part was written.
///
/// kube-apiserver decodes a policy from JSON: a YAML file is first converted to JSON by
/// sigs.k8s.io/yaml (`YAMLToJSONConverter`), a file whose first non-space character is `{` is
/// read as JSON directly (`GoJSONParser`). Objects keep every member in order, duplicates
/// included, because Go's decoders visit them one after the other.
indirect enum GoJSONValue: Sendable {
    case null
    case bool(Bool)
    /// A number, with its JSON text (`1.5`, `1e3`, `-0`).
    case number(String)
    case string(String)
    case array([GoJSONNode])
    case object([GoJSONMember])
}

/// A JSON value and the source location it came from.
struct GoJSONNode: Sendable {
    var value: GoJSONValue
    /// Where the value starts in the policy file.
    var location: SourceLocation
    /// Where the value ends (exclusive), when known.
    var end: SourceLocation?
    /// The text of a plain YAML scalar that YAML 1.1 turned into a bool or a number
    /// (used only to explain type errors).
    var fromPlainYAMLScalar: String?

    init(_ value: GoJSONValue, at location: SourceLocation, end: SourceLocation? = nil, fromPlainYAMLScalar: String? = nil) {
        self.value = value
        self.location = location
        self.end = end
        self.fromPlainYAMLScalar = fromPlainYAMLScalar
    }

    /// How Go's `encoding/json` names the value's kind in "cannot unmarshal X into ..." errors.
    var kindName: String {
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// One member of a JSON object.
struct GoJSONMember: Sendable {
    var key: String
    /// Where the key is written.
    var keyLocation: SourceLocation
    var value: GoJSONNode
}
