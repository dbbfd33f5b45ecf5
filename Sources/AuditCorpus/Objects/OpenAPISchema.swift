/// A small description of OpenAPI v3 schemas, for generating a large, realistic
/// CustomResourceDefinition: the shapes of Kubernetes types that operator CRDs embed
/// (containers, probes, affinity, volumes...), each property with a description.
indirect enum OpenAPISchema: Sendable {
    case string
    case integer(format: String)
    case boolean
    case intOrString
    /// A resource quantity (`anyOf` integer or string, with the quantity pattern).
    case quantity
    case object([(String, OpenAPISchema)], required: [String] = [])
    case array(OpenAPISchema, listType: String? = nil)
    /// A map of string keys (`additionalProperties`).
    case map(OpenAPISchema)
    /// An object whose fields are not validated (`x-kubernetes-preserve-unknown-fields`).
    case preserveUnknown

    static let quantityPattern = #"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$"#

    /// The schema as JSON: with `sortedKeys`, members sorted (kubectl's JSON of a YAML
    /// manifest); otherwise in apiextensions/v1 `JSONSchemaProps` field order (what the
    /// API server returns).
    func json(description: String?, sortedKeys: Bool, describe: (String) -> String) -> CorpusJSON {
        var members: [(String, CorpusJSON)] = []
        if let description { members.append(("description", .string(description))) }
        switch self {
        case .string: members.append(("type", "string"))
        case .integer(let format):
            members += [("type", "integer"), ("format", .string(format))]
        case .boolean: members.append(("type", "boolean"))
        case .intOrString:
            members += [("anyOf", [["type": "integer"], ["type": "string"]]), ("x-kubernetes-int-or-string", true)]
        case .quantity:
            members += [("pattern", .string(Self.quantityPattern)), ("anyOf", [["type": "integer"], ["type": "string"]]),
                        ("x-kubernetes-int-or-string", true)]
        case .object(let properties, let required):
            members.append(("type", "object"))
            if !required.isEmpty { members.append(("required", .array(required.map(CorpusJSON.string)))) }
            members.append(("properties", .object(properties.map { name, schema in
                (name, schema.json(description: describe(name), sortedKeys: sortedKeys, describe: describe))
            })))
        case .array(let items, let listType):
            members += [("type", "array"), ("items", items.json(description: nil, sortedKeys: sortedKeys, describe: describe))]
            if let listType { members.append(("x-kubernetes-list-type", .string(listType))) }
        case .map(let values):
            members += [("type", "object"), ("additionalProperties", values.json(description: nil, sortedKeys: sortedKeys, describe: describe))]
        case .preserveUnknown:
            members += [("type", "object"), ("x-kubernetes-preserve-unknown-fields", true)]
        }
        if sortedKeys {
            members.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        } else {
            let order = ["description", "type", "format", "pattern", "required", "items", "anyOf", "properties", "additionalProperties",
                         "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string", "x-kubernetes-list-type"]
            members.sort { (order.firstIndex(of: $0.0) ?? order.count) < (order.firstIndex(of: $1.0) ?? order.count) }
        }
        return .object(members)
    }
}
