import Foundation

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

    /// Parses one line.
    public static func parse(_ line: some Collection<UInt8>) throws(LineError) -> Parsed {
        let object: [String: JSONValue]
        do {
            guard case .object(let parsed) = try JSONDecoder().decode(JSONValue.self, from: Data(line)) else {
                throw LineError(message: "expected a JSON object")
            }
            object = parsed
        } catch let error as LineError {
            throw error
        } catch {
            throw LineError(message: "invalid JSON")
        }
        if let unknown = object.keys.sorted().first(where: { !knownKeys.contains($0) }) {
            throw LineError(message: "unknown field \"\(unknown)\"")
        }

        var user: UserInfo?
        if let name = try string(object, "user") {
            user = UserInfo(name: name, groups: try strings(object, "groups"))
        } else if let groups = object["groups"], groups != .null {
            throw LineError(message: "\"groups\" needs a \"user\": a request without a user has no groups")
        }
        let outcome: RequestOutcome = try bool(object, "panic") == true ? .panicked : .completed

        if let method = try string(object, "method") {
            guard let uri = try string(object, "uri") else { throw LineError(message: "\"method\" needs \"uri\"") }
            let resourceKeys = ["verb", "namespace", "apiGroup", "apiVersion", "resource", "subresource", "name", "path", "resourceRequest"]
            if let clash = resourceKeys.first(where: { object[$0] != nil }) {
                throw LineError(message: "\"\(clash)\" cannot be given with \"method\" and \"uri\"")
            }
            return Parsed(attributes: RequestURIParser.attributes(method: method, uri: uri, user: user), outcome: outcome)
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

    private static func string(_ object: [String: JSONValue], _ key: String) throws(LineError) -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw LineError(message: "\"\(key)\" must be a string")
        }
    }

    private static func strings(_ object: [String: JSONValue], _ key: String) throws(LineError) -> [String] {
        switch object[key] {
        case nil, .null?: return []
        case .array(let items)?:
            var texts: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw LineError(message: "\"\(key)\" must be an array of strings") }
                texts.append(text)
            }
            return texts
        default: throw LineError(message: "\"\(key)\" must be an array of strings")
        }
    }

    private static func bool(_ object: [String: JSONValue], _ key: String) throws(LineError) -> Bool? {
        switch object[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default: throw LineError(message: "\"\(key)\" must be true or false")
        }
    }
}

/// Any JSON value, for reading loosely structured input.
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }
}
