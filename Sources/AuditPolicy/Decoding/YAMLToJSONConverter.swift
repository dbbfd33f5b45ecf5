/// Turns a YAML document into the JSON kube-apiserver decodes, as sigs.k8s.io/yaml does.
///
/// Upstream: `sigs.k8s.io/yaml` v1.6.0 `YAMLToJSON` (`yamlToJSONTarget`): go-yaml v2 decodes the
/// document into `interface{}` (a mapping key that is itself a mapping or sequence fails:
/// `invalid map key`; a repeated key keeps its last value), `convertToJSONableObject` turns every
/// key into a string (`null` and integers above Int64 cannot be keys: `unsupported map key`;
/// floats are written with 32-bit precision), and `encoding/json` marshals the result with each
/// object's keys sorted, failing on infinities and NaN (`json: unsupported value: +Inf`).
/// In strict mode kube-apiserver also runs `YAMLToJSONStrict`, whose only extra complaint is a
/// repeated key; that is a warning here, since it only triggers the lenient fallback.
struct YAMLToJSONConverter {
    /// Why the conversion fails, with Go's message.
    struct Failure: Error {
        var message: String
        var location: SourceLocation
    }

    /// Keys written more than once: the path of the repeated key, where it is written, and where
    /// the value that is kept is written.
    struct RepeatedKey {
        var path: String
        var location: SourceLocation
        var keptLocation: SourceLocation
    }

    private(set) var repeatedKeys: [RepeatedKey] = []

    /// Converts the document's root (`nil` for an empty document, which is JSON `null`).
    mutating func convert(_ root: YAMLNode?) throws(Failure) -> GoJSONNode {
        guard let root else { return GoJSONNode(.null, at: SourceLocation(line: 1, column: 1)) }
        try Self.checkMapKeys(root)
        let converted = try convertNode(root, path: "")
        try Self.checkEncodable(converted)
        return converted
    }

    // MARK: - go-yaml's decoding into interface{}

    /// go-yaml v2 `(*decoder).mapping` refuses a key that decodes to a map or a slice, at the
    /// first one in document order.
    private static func checkMapKeys(_ node: YAMLNode) throws(Failure) {
        switch node.content {
        case .scalar: return
        case .sequence(let items):
            for item in items { try checkMapKeys(item) }
        case .mapping(let pairs):
            for pair in pairs {
                try checkMapKeys(pair.key)
                switch pair.key.content {
                case .sequence, .mapping:
                    throw Failure(message: "yaml: invalid map key: \(GoSyntax.render(pair.key, nested: false))", location: pair.key.start)
                case .scalar: break
                }
                try checkMapKeys(pair.value)
            }
        }
    }

    // MARK: - convertToJSONableObject

    private mutating func convertNode(_ node: YAMLNode, path: String) throws(Failure) -> GoJSONNode {
        switch node.content {
        case .scalar(let scalar):
            let plain = scalar.style == .plain ? scalar.text : nil
            switch scalar.resolved {
            case .null: return GoJSONNode(.null, at: node.start, end: node.end)
            case .bool(let flag): return GoJSONNode(.bool(flag), at: node.start, end: node.end, fromPlainYAMLScalar: plain)
            case .int(let text), .float(let text): return GoJSONNode(.number(text), at: node.start, end: node.end, fromPlainYAMLScalar: plain)
            case .string: return GoJSONNode(.string(Self.stringValue(node, scalar)), at: node.start, end: node.end)
            }
        case .sequence(let items):
            var elements: [GoJSONNode] = []
            elements.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                elements.append(try convertNode(item, path: path + "[\(index)]"))
            }
            return GoJSONNode(.array(elements), at: node.start, end: node.end)
        case .mapping(let pairs):
            // go-yaml keeps the last value of a key (keys compare as decoded values).
            var lastIndexByKey: [KeyIdentity: Int] = [:]
            for (index, pair) in pairs.enumerated() {
                let identity = KeyIdentity(pair.key)
                if let earlier = lastIndexByKey[identity], let name = try? Self.keyString(pairs[earlier]) {
                    repeatedKeys.append(RepeatedKey(path: Self.join(path, name), location: pairs[earlier].key.start, keptLocation: pair.key.start))
                }
                lastIndexByKey[identity] = index
            }
            var members: [String: GoJSONMember] = [:]
            for (index, pair) in pairs.enumerated() where lastIndexByKey[KeyIdentity(pair.key)] == index {
                let name = try Self.keyString(pair)
                let value = try convertNode(pair.value, path: Self.join(path, name))
                members[name] = GoJSONMember(key: name, keyLocation: pair.key.start, value: value)
            }
            // encoding/json writes a map's keys in sorted (byte) order.
            let sorted = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.compactMap { members[$0] }
            return GoJSONNode(.object(sorted), at: node.start, end: node.end)
        }
    }

    /// The JSON key `convertToJSONableObject` makes of a YAML key.
    private static func keyString(_ pair: YAMLPair) throws(Failure) -> String {
        guard case .scalar(let scalar) = pair.key.content else {
            throw Failure(message: "yaml: invalid map key: \(GoSyntax.render(pair.key, nested: false))", location: pair.key.start)
        }
        switch scalar.resolved {
        case .string: return stringValue(pair.key, scalar)
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let text):
            if Int64(text) != nil { return text }
            throw unsupportedKey(type: "uint64", key: GoSyntax.render(pair.key, nested: false), pair: pair)
        case .float(let text): return GoSyntax.float32Key(text)
        case .null:
            throw unsupportedKey(type: "%!s(<nil>)", key: "<nil>", pair: pair)
        }
    }

    private static func unsupportedKey(type: String, key: String, pair: YAMLPair) -> Failure {
        Failure(
            message: "unsupported map key of type: \(type), key: \(key), value: \(GoSyntax.render(pair.value, nested: false))",
            location: pair.key.start
        )
    }

    /// A string scalar's value; for `!!binary`, the decoded bytes (go-yaml v2 `(*decoder).scalar`
    /// base64-decodes them), which `json.Marshal` writes with each invalid UTF-8 byte as U+FFFD.
    private static func stringValue(_ node: YAMLNode, _ scalar: YAMLScalar) -> String {
        guard node.tag == YAML11ScalarResolver.binaryTag, let bytes = Base64.decode(scalar.text) else { return scalar.text }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let (decoded, length) = decodeScalar(bytes, at: index)
            scalars.append(decoded ?? "\u{FFFD}")
            index += length
        }
        return String(scalars)
    }

    // MARK: - json.Marshal

    /// The first infinity or NaN in encoding order (keys sorted) makes `json.Marshal` fail.
    private static func checkEncodable(_ node: GoJSONNode) throws(Failure) {
        switch node.value {
        case .number(let text):
            switch text {
            case ".inf": throw Failure(message: "json: unsupported value: +Inf", location: node.location)
            case "-.inf": throw Failure(message: "json: unsupported value: -Inf", location: node.location)
            case ".nan": throw Failure(message: "json: unsupported value: NaN", location: node.location)
            default: return
            }
        case .array(let elements):
            for element in elements { try checkEncodable(element) }
        case .object(let members):
            for member in members { try checkEncodable(member.value) }
        case .null, .bool, .string:
            return
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// A YAML key as go-yaml compares keys in a Go map: by decoded type and value.
    private struct KeyIdentity: Hashable {
        var kind: Int
        var text: String
        /// NaN never equals anything, so each NaN key gets its own identity.
        var unique: SourceLocation?

        init(_ node: YAMLNode) {
            unique = nil
            guard case .scalar(let scalar) = node.content else {
                kind = 9
                text = ""
                unique = node.start
                return
            }
            switch scalar.resolved {
            case .null: (kind, text) = (0, "")
            case .bool(let flag): (kind, text) = (1, flag ? "true" : "false")
            case .int(let value): (kind, text) = (2, value)
            case .float(let value):
                (kind, text) = (3, value)
                if value == ".nan" { unique = node.start }
            case .string: (kind, text) = (4, scalar.text)
            }
        }
    }
}
