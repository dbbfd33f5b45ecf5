/// One request of `explain --batch`: a JSON object with the authorizer's attribute names.
///
/// Fields: `user` (string; missing or null means no authenticated user), `groups` (array of
/// strings), and either `method` and `uri` (parsed like kube-apiserver's RequestInfoFactory) or
/// `verb`, `namespace`, `apiGroup`, `apiVersion`, `resource`, `subresource`, `name`, `path`,
/// `resourceRequest` (bool; when missing, true exactly when `resource` is non-empty).
/// Optional `panic` (bool) asks for the stages of a request whose handler panicked.
public enum BatchRequest {
    /// Why a batch line could not be read.
    public struct LineError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// A parsed batch line.
    public struct Parsed: Sendable {
        public var attributes: RequestAttributes
        public var outcome: RequestOutcome
    }

    private static let knownKeys: Set<String> = [
        "user", "groups", "method", "uri", "verb", "namespace", "apiGroup", "apiVersion",
        "resource", "subresource", "name", "path", "resourceRequest", "panic",
    ]

    /// How deeply a line may nest arrays and objects. A request needs two levels (the object and
    /// its `groups`); the bound keeps the recursive parser's stack small whatever the line holds.
    static let maxNesting = 32

    /// Parses one line, read as Go's `encoding/json` reads it: a key given twice takes its last
    /// value (`decode.go`, `object`: each member is stored in turn, so the last one stays).
    public static func parse(_ line: some Collection<UInt8>) throws(LineError) -> Parsed {
        let bytes = Array(line)
        guard nesting(of: bytes) <= maxNesting else { throw LineError(message: "nested more than \(maxNesting) levels deep") }
        var parser = GoJSONParser(bytes)
        var object: [String: GoJSONValue] = [:]
        do {
            guard case .object(let members) = try parser.parse().value else { throw LineError(message: "expected a JSON object") }
            for member in members { object[member.key] = member.value.value }
        } catch let error as LineError {
            throw error
        } catch {
            throw LineError(message: "invalid JSON: \((error as? GoJSONParser.SyntaxError)?.message ?? "syntax error")")
        }
        if let unknown = object.keys.sorted().first(where: { !knownKeys.contains($0) }) {
            throw LineError(message: "unknown field \"\(TerminalEscaping.escaped(unknown))\"")
        }

        var user: UserInfo?
        if let name = try string(object, "user") {
            // Groups are taken literally: the line names the user kube-apiserver evaluates.
            user = UserInfo(name: name, groups: try strings(object, "groups"))
        } else if let groups = object["groups"], !groups.isNull {
            throw LineError(message: "\"groups\" needs a \"user\": a request without a user has no groups")
        }
        let outcome: RequestOutcome = try bool(object, "panic") == true ? .panicked : .completed

        if let method = try string(object, "method") {
            guard let uri = try string(object, "uri") else { throw LineError(message: "\"method\" needs \"uri\"") }
            let resourceKeys = ["verb", "namespace", "apiGroup", "apiVersion", "resource", "subresource", "name", "path", "resourceRequest"]
            if let clash = resourceKeys.first(where: { object[$0] != nil }) {
                throw LineError(message: "\"\(clash)\" cannot be given with \"method\" and \"uri\"")
            }
            return try parsedURI(method: method, uri: uri, user: user, outcome: outcome)
        }
        if object["uri"] != nil { throw LineError(message: "\"uri\" needs \"method\"") }
        let resource = try string(object, "resource") ?? ""
        let attributes = RequestAttributes(
            user: user,
            verb: try string(object, "verb") ?? "",
            namespace: try string(object, "namespace") ?? "",
            apiGroup: try string(object, "apiGroup") ?? "",
            apiVersion: try string(object, "apiVersion") ?? "",
            resource: resource,
            subresource: try string(object, "subresource") ?? "",
            name: try string(object, "name") ?? "",
            path: try string(object, "path") ?? "",
            isResourceRequest: try bool(object, "resourceRequest") ?? !resource.isEmpty
        )
        return Parsed(attributes: attributes, outcome: outcome)
    }

    /// A request given as `method` and `uri`, parsed like kube-apiserver's RequestInfoFactory.
    static func parsedURI(method: String, uri: String, user: UserInfo?, outcome: RequestOutcome) throws(LineError) -> Parsed {
        do throws(RequestInputError) {
            return Parsed(attributes: try uriBuilder.http(method: method, uri: uri, user: user), outcome: outcome)
        } catch {
            throw LineError(message: error.message)
        }
    }

    /// Lines give the authorizer's attributes literally; a METHOD and URI is parsed, whatever the catalog knows.
    private static let uriBuilder = RequestBuilder(version: .latest, allowsUnknown: true)

    /// The deepest nesting of arrays and objects outside strings.
    private static func nesting(of bytes: [UInt8]) -> Int {
        var depth = 0, deepest = 0, inString = false, escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    private static func string(_ object: [String: GoJSONValue], _ key: String) throws(LineError) -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw LineError(message: "\"\(key)\" must be a string")
        }
    }

    private static func strings(_ object: [String: GoJSONValue], _ key: String) throws(LineError) -> [String] {
        switch object[key] {
        case nil, .null?: return []
        case .array(let items)?:
            var texts: [String] = []
            for item in items {
                guard case .string(let text) = item.value else { throw LineError(message: "\"\(key)\" must be an array of strings") }
                texts.append(text)
            }
            return texts
        default: throw LineError(message: "\"\(key)\" must be an array of strings")
        }
    }

    private static func bool(_ object: [String: GoJSONValue], _ key: String) throws(LineError) -> Bool? {
        switch object[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default: throw LineError(message: "\"\(key)\" must be true or false")
        }
    }
}

private extension GoJSONValue {
    var isNull: Bool { if case .null = self { true } else { false } }
}
