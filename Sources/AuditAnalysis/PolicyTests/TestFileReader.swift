import AuditPolicy

/// Reads the YAML nodes of a policy tests file into test cases, with located errors.
struct TestFileReader {
    typealias FileError = PolicyTestSuite.FileError
    /// Builds the requests, checked against the API catalog of the policy's Kubernetes release.
    let builder: RequestBuilder

    /// The pairs of a mapping, refusing keys not in `allowed` and duplicate keys.
    func mapping(_ node: YAMLNode, allowed: Set<String>) throws(FileError) -> [String: YAMLNode] {
        guard case .mapping(let pairs) = node.content else { throw FileError(message: "expected a mapping", location: node.start) }
        var result: [String: YAMLNode] = [:]
        for pair in pairs {
            guard case .scalar(let key) = pair.key.content else { throw FileError(message: "keys must be plain names", location: pair.key.start) }
            guard allowed.contains(key.text) else {
                throw FileError(message: "unknown key `\(key.text)` (expected one of: \(allowed.sorted().joined(separator: ", ")))", location: pair.key.start)
            }
            guard result[key.text] == nil else { throw FileError(message: "duplicate key `\(key.text)`", location: pair.key.start) }
            result[key.text] = pair.value
        }
        return result
    }

    func string(_ node: YAMLNode, _ key: String) throws(FileError) -> String {
        guard case .scalar(let scalar) = node.content, scalar.resolved != .null || scalar.style != .plain else {
            throw FileError(message: "`\(key)` must be a string", location: node.start)
        }
        return scalar.text
    }

    func strings(_ node: YAMLNode, _ key: String) throws(FileError) -> [String] {
        guard case .sequence(let items) = node.content else { throw FileError(message: "`\(key)` must be a list of strings", location: node.start) }
        var values: [String] = []
        for item in items { values.append(try string(item, key)) }
        return values
    }

    func bool(_ node: YAMLNode, _ key: String) throws(FileError) -> Bool {
        guard case .scalar(let scalar) = node.content, case .bool(let value) = scalar.resolved else {
            throw FileError(message: "`\(key)` must be true or false", location: node.start)
        }
        return value
    }

    func level(_ node: YAMLNode, _ key: String) throws(FileError) -> Level {
        let text = try string(node, key)
        guard let level = Level(rawValue: text) else {
            throw FileError(message: "`\(key)`: unknown level \"\(text)\" (None, Metadata, Request, RequestResponse)", location: node.start)
        }
        return level
    }

    static let caseKeys: Set<String> = ["name", "request", "user", "groups", "noUser", "expect"]
    static let requestKeys: Set<String> = ["verb", "resource", "name", "namespace", "apiGroup", "apiVersion", "method", "uri", "user", "groups", "noUser"]
    static let expectKeys: Set<String> = ["level", "minLevel", "maxLevel", "stages", "omitManagedFields", "rule", "ruleName"]

    func testCase(_ node: YAMLNode) throws(FileError) -> PolicyTestSuite.TestCase {
        let fields = try mapping(node, allowed: Self.caseKeys)
        guard let nameNode = fields["name"] else { throw FileError(message: "a test case needs a `name`", location: node.start) }
        let name = try string(nameNode, "name")
        guard let requestNode = fields["request"] else { throw FileError(message: "test `\(name)` needs a `request`", location: node.start) }
        guard let expectNode = fields["expect"] else { throw FileError(message: "test `\(name)` needs `expect`", location: node.start) }

        var identity = fields.filter { ["user", "groups", "noUser"].contains($0.key) }
        var requestFields: [String: YAMLNode] = [:]
        if case .mapping = requestNode.content {
            requestFields = try mapping(requestNode, allowed: Self.requestKeys)
            for key in ["user", "groups", "noUser"] {
                guard let value = requestFields[key] else { continue }
                if identity[key] != nil || !identity.isEmpty && key == "user" && identity["noUser"] != nil {
                    throw FileError(message: "`\(key)` is given both in the test case and in its request", location: value.start)
                }
                identity[key] = value
            }
        }
        let user = try self.user(identity)
        let request: RequestAttributes
        if case .scalar = requestNode.content {
            request = try methodAndURI(try string(requestNode, "request"), user: user, at: requestNode.start)
        } else if let method = requestFields["method"] {
            guard let uri = requestFields["uri"] else { throw FileError(message: "`method` needs `uri`", location: method.start) }
            for key in ["verb", "resource", "name", "namespace", "apiGroup", "apiVersion"] where requestFields[key] != nil {
                throw FileError(message: "`\(key)` cannot be given with `method` and `uri`", location: requestFields[key]?.start)
            }
            let methodText = try string(method, "method"), uriText = try string(uri, "uri")
            do throws(RequestInputError) {
                request = try builder.http(method: methodText, uri: uriText, user: user)
            } catch {
                throw FileError(message: error.message, location: (error.part == .method ? method : uri).start)
            }
        } else {
            request = try kubectlRequest(requestFields, user: user, at: requestNode.start)
        }
        return PolicyTestSuite.TestCase(name: name, location: node.start, request: request, expectations: try expectations(expectNode))
    }

    private func user(_ fields: [String: YAMLNode]) throws(FileError) -> UserInfo? {
        if let noUser = fields["noUser"], try bool(noUser, "noUser") {
            if let other = fields["user"] ?? fields["groups"] {
                throw FileError(message: "`noUser: true` cannot be combined with `user` or `groups`", location: other.start)
            }
            return nil
        }
        guard let userNode = fields["user"] else {
            if let groups = fields["groups"] {
                throw FileError(message: "`groups` needs `user`, as kubectl's --as-group needs --as", location: groups.start)
            }
            return RequestIdentity.defaultUser
        }
        let groups = try fields["groups"].map { node throws(FileError) in try strings(node, "groups") } ?? []
        return RequestIdentity.authenticated(try string(userNode, "user"), groups: groups)
    }

    private func methodAndURI(_ text: String, user: UserInfo?, at location: SourceLocation) throws(FileError) -> RequestAttributes {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[1].hasPrefix("/") || parts[1].hasPrefix("http") else {
            throw FileError(message: "a request string is \"METHOD URI\", such as \"GET /healthz\"", location: location)
        }
        do throws(RequestInputError) {
            return try builder.http(method: parts[0], uri: parts[1], user: user)
        } catch {
            throw FileError(message: error.message, location: location)
        }
    }

    private func kubectlRequest(_ fields: [String: YAMLNode], user: UserInfo?, at location: SourceLocation) throws(FileError) -> RequestAttributes {
        guard let verbNode = fields["verb"], let resourceNode = fields["resource"] else {
            throw FileError(message: "a request needs `verb` and `resource` (or `method` and `uri`)", location: location)
        }
        func optional(_ key: String) throws(FileError) -> String? {
            try fields[key].map { node throws(FileError) in try string(node, key) }
        }
        let request = KubectlRequest(
            verb: try string(verbNode, "verb"), resource: try string(resourceNode, "resource"), name: try optional("name") ?? "",
            namespace: try optional("namespace"), apiGroup: try optional("apiGroup"), apiVersion: try optional("apiVersion")
        )
        do throws(RequestInputError) {
            return try builder.build(request, user: user)
        } catch {
            let node = fields[error.part.rawValue] ?? (error.part == .namespace ? nil : resourceNode)
            throw FileError(message: error.message, location: node?.start ?? location)
        }
    }

    private func expectations(_ node: YAMLNode) throws(FileError) -> [PolicyTestSuite.Expectation] {
        let fields = try mapping(node, allowed: Self.expectKeys)
        var result: [PolicyTestSuite.Expectation] = []
        if let value = fields["level"] { result.append(.level(try level(value, "level"))) }
        if let value = fields["minLevel"] { result.append(.minLevel(try level(value, "minLevel"))) }
        if let value = fields["maxLevel"] { result.append(.maxLevel(try level(value, "maxLevel"))) }
        if let value = fields["stages"] {
            var stages: [Stage] = []
            for text in try strings(value, "stages") {
                guard let stage = Stage(rawValue: text) else {
                    throw FileError(message: "unknown stage \"\(text)\" (RequestReceived, ResponseStarted, ResponseComplete, Panic)", location: value.start)
                }
                stages.append(stage)
            }
            result.append(.stages(stages))
        }
        if let value = fields["omitManagedFields"] { result.append(.omitManagedFields(try bool(value, "omitManagedFields"))) }
        if let value = fields["rule"] {
            guard case .scalar(let scalar) = value.content else { throw FileError(message: "`rule` must be a rule index or `none`", location: value.start) }
            if scalar.text == "none" {
                result.append(.rule(nil))
            } else if case .int = scalar.resolved, let index = Int(scalar.text), index >= 0 {
                result.append(.rule(index))
            } else {
                throw FileError(message: "`rule` must be a 0-based rule index or `none`", location: value.start)
            }
        }
        if let value = fields["ruleName"] { result.append(.ruleName(try string(value, "ruleName"))) }
        if result.isEmpty { throw FileError(message: "`expect` needs at least one of: \(Self.expectKeys.sorted().joined(separator: ", "))", location: node.start) }
        return result
    }
}
