/// A request named kubectl-style: `VERB RESOURCE[.GROUP][/SUBRESOURCE] [NAME]` with a namespace.
public struct KubectlRequest: Sendable, Hashable {
    public var verb: String
    /// `pods`, `po`, `deployments.apps`, `pods/exec`.
    public var resource: String
    /// The object's name; empty for none.
    public var name: String
    /// The namespace; `nil` means `default` for a namespaced resource.
    public var namespace: String?
    /// Every namespace (`-A`): the namespace is empty.
    public var allNamespaces: Bool
    /// The API group, when the resource is not found by its name alone (`""` for core).
    public var apiGroup: String?
    /// The API version; `nil` means the resource's preferred version.
    public var apiVersion: String?

    public init(verb: String, resource: String, name: String = "", namespace: String? = nil, allNamespaces: Bool = false,
                apiGroup: String? = nil, apiVersion: String? = nil) {
        self.verb = verb
        self.resource = resource
        self.name = name
        self.namespace = namespace
        self.allNamespaces = allNamespaces
        self.apiGroup = apiGroup
        self.apiVersion = apiVersion
    }
}

/// Why a request cannot be built: a request kube-apiserver never receives, or a name the API
/// catalog does not know (with the closest one it knows).
public struct RequestInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The part of the request the error is about, so that a test file can point at it.
    public enum Part: String, Sendable, Hashable {
        case verb, resource, name, namespace, method, uri
    }

    public var message: String
    public var part: Part

    public init(_ message: String, part: Part) {
        self.message = message
        self.part = part
    }

    public var description: String { message }
}

/// Builds the attributes of a request as kube-apiserver would evaluate its audit policy for it,
/// from a kubectl-style description or an HTTP method and URI, checking every name against the
/// API catalog of the Kubernetes release. `explain`, policy test files and `explain --batch` all
/// build their requests here.
public struct RequestBuilder: Sendable {
    public let version: KubernetesVersion
    public let catalog: APICatalog
    /// Accept resources, subresources and verbs the catalog does not know, as given.
    public let allowsUnknown: Bool

    public init(version: KubernetesVersion, catalog: APICatalog = .builtIn, allowsUnknown: Bool = false) {
        self.version = version
        self.catalog = catalog
        self.allowsUnknown = allowsUnknown
    }

    /// The HTTP methods whose lowercase names are request verbs. A non-resource request's verb is
    /// its method in lower case, and a resource request's verb is derived from it
    /// (k8s.io/apiserver `pkg/endpoints/request/requestinfo.go`, `NewRequestInfo`).
    public static let httpMethods = RequestVerbs.nonResourceVerbs.map { $0.uppercased() }

    // MARK: - Command-line words

    /// A request from command-line words: `VERB RESOURCE [NAME]`, `METHOD URI`, or a lone path
    /// (a GET). `request` carries the options that go with the kubectl form.
    public func build(words: [String], options request: KubectlRequest, user: UserInfo?) throws(RequestInputError) -> RequestAttributes {
        if words.count == 1, words[0].hasPrefix("/") { return try http(method: "GET", uri: words[0], user: user) }
        if words.count == 2, !words[0].isEmpty, words[0].unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) {
            return try http(method: words[0], uri: words[1], user: user)
        }
        guard words.count == 2 || words.count == 3 else {
            throw RequestInputError("expected VERB RESOURCE[/SUBRESOURCE] [NAME], or METHOD URI; got \(words.count) word\(words.count == 1 ? "" : "s")", part: .verb)
        }
        var kubectl = request
        kubectl.verb = words[0]
        kubectl.resource = words[1]
        kubectl.name = words.count == 3 ? words[2] : ""
        return try build(kubectl, user: user)
    }

    // MARK: - METHOD URI

    /// A request from its HTTP method and URI, parsed as kube-apiserver parses it.
    public func http(method: String, uri: String, user: UserInfo?) throws(RequestInputError) -> RequestAttributes {
        let attributes: RequestAttributes
        do {
            attributes = try RequestURIParser.checkedAttributes(method: method, uri: uri, user: user)
        } catch {
            switch error {
            case .httpServer(let reason): throw RequestInputError("kube-apiserver never audits this request: Go's HTTP server answers 400 (\(reason))", part: .uri)
            case .requestInfo(let reason): throw RequestInputError("kube-apiserver never audits this request: \(reason)", part: .uri)
            }
        }
        if !allowsUnknown, !Self.httpMethods.contains(method) {
            throw unknown("HTTP method", method, among: Self.httpMethods, part: .method,
                          otherwise: " (a non-resource request's verb is its method in lower case: \(Self.httpMethods.joined(separator: ", ")))")
        }
        if attributes.isResourceRequest, let resource = try knownResource(attributes.resource, group: attributes.apiGroup) {
            try checkSubresource(attributes.subresource, of: resource)
        }
        return attributes
    }

    // MARK: - kubectl form

    /// A request from its kubectl-style description.
    public func build(_ request: KubectlRequest, user: UserInfo?) throws(RequestInputError) -> RequestAttributes {
        guard !request.verb.isEmpty else { throw RequestInputError("the verb is empty", part: .verb) }
        guard !request.resource.isEmpty else { throw RequestInputError("the resource is empty", part: .resource) }
        let parts = request.resource.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, !parts[0].isEmpty, parts.count == 1 || !parts[1].isEmpty else {
            throw RequestInputError("expected RESOURCE or RESOURCE/SUBRESOURCE, got \"\(TerminalEscaping.escaped(request.resource))\"", part: .resource)
        }
        let subresource = parts.count == 2 ? parts[1] : ""
        let (known, resourceName, group) = try resolve(parts[0], group: request.apiGroup)
        if let known { try checkSubresource(subresource, of: known) }

        // kubectl lists when `get` has no name; a subresource always belongs to a named object
        // (requestinfo.go `NewRequestInfo` reads a subresource only after a name).
        let verb = request.verb == "get" && request.name.isEmpty ? "list" : request.verb
        if !subresource.isEmpty, request.name.isEmpty {
            throw RequestInputError("\(resourceName)/\(TerminalEscaping.escaped(subresource)) needs the object's NAME: a subresource belongs to one object", part: .name)
        }
        if verb == "create", subresource.isEmpty, !request.name.isEmpty {
            throw RequestInputError("a create of \(resourceName) has no name when the policy is evaluated (the name is in the body); remove the name", part: .name)
        }
        try checkVerb(verb, of: known, subresource: subresource)

        var namespace = ""
        if known?.namespaced ?? true {
            namespace = request.allNamespaces ? "" : request.namespace ?? "default"
        }
        // `/api/v1/namespaces/NAME` is the namespace NAME itself (requestinfo.go, `NewRequestInfo`).
        if group.isEmpty, resourceName == "namespaces" { namespace = request.name }
        return RequestAttributes(
            user: user, verb: verb, namespace: namespace, apiGroup: group,
            apiVersion: request.apiVersion ?? known?.version ?? "v1",
            resource: resourceName, subresource: subresource, name: request.name,
            path: "", isResourceRequest: true
        )
    }

    /// The catalog resource for a name (plural, singular, short name, or `NAME.GROUP`), or `nil`
    /// for a custom resource; with the resource's plural name and group.
    private func resolve(_ text: String, group: String?) throws(RequestInputError) -> (APIResource?, String, String) {
        if let found = catalog.lookup(text, group: group, version: version) { return (found, found.name, found.group) }
        if group == nil, let dot = text.firstIndex(of: ".") {
            let name = String(text[..<dot]), qualifiedGroup = String(text[text.index(after: dot)...])
            if let found = catalog.lookup(name, group: qualifiedGroup, version: version) { return (found, found.name, found.group) }
            if try knownResource(name, group: qualifiedGroup) == nil { return (nil, name, qualifiedGroup) }
        }
        let found = try knownResource(text, group: group ?? "", groupGiven: group != nil)
        return (found, found?.name ?? text, group ?? "")
    }

    /// The catalog's resource `name` in `group`; `nil` when the group is outside the catalog (a
    /// custom resource) or unknown names are allowed. Throws for a name the catalog's group lacks.
    private func knownResource(_ name: String, group: String, groupGiven: Bool = true) throws(RequestInputError) -> APIResource? {
        if let found = catalog.served(in: version).first(where: { $0.group == group && $0.name == name }) { return found }
        if allowsUnknown || catalog.isOpenGroup(group) || !catalog.knownGroups.contains(group) && !group.isEmpty { return nil }
        let elsewhere = groupGiven ? nil : catalog.resources.first { $0.name == name || $0.aliases.contains(name) }
        if let other = catalog.resource(name, inGroup: group) ?? elsewhere {
            switch other.availability(in: version) {
            case .removed(let release):
                throw RequestInputError("\(other.qualifiedName) was removed in Kubernetes 1.\(release); kube-apiserver \(version) does not serve it", part: .resource)
            case .notYet(let since):
                throw RequestInputError("\(other.qualifiedName) is served from Kubernetes 1.\(since); kube-apiserver \(version) does not serve it (--kubernetes-version)", part: .resource)
            case .optIn:
                throw RequestInputError("\(other.qualifiedName) is served by kube-apiserver \(version) only behind a feature gate or a disabled API version (--allow-unknown to explain it anyway)", part: .resource)
            case .served:
                break
            }
        }
        let candidates = catalog.served(in: version).filter { $0.group == group }.flatMap { [$0.name] + $0.aliases }
        let inGroup = group.isEmpty ? "" : " in API group \(TerminalEscaping.escaped(group))"
        throw unknown("resource", name, context: inGroup, among: candidates, part: .resource,
                      otherwise: " (a custom resource: give its --api-group; or --allow-unknown)")
    }

    private func checkSubresource(_ subresource: String, of resource: APIResource) throws(RequestInputError) {
        guard !subresource.isEmpty, !allowsUnknown, !resource.subresources.contains(subresource) else { return }
        let known = resource.subresources.isEmpty ? " (it has none)" : " (it has \(resource.subresources.joined(separator: ", ")))"
        throw unknown("subresource", subresource, context: " of \(resource.qualifiedName)", among: resource.subresources, part: .resource, otherwise: known)
    }

    /// The verbs kube-apiserver accepts for the resource (discovery's verbs; a subresource's own
    /// verbs), or any request verb for a custom resource.
    private func checkVerb(_ verb: String, of resource: APIResource?, subresource: String) throws(RequestInputError) {
        guard !allowsUnknown else { return }
        var verbs = RequestVerbs.resourceVerbs
        if let resource {
            verbs = subresource.isEmpty ? resource.verbs : resource.verbs(ofSubresource: subresource)
            // The legacy `/proxy/` path prefix gives the verb `proxy` (requestinfo.go, `NewRequestInfo`).
            if subresource.isEmpty, resource.group.isEmpty, ["pods", "services", "nodes"].contains(resource.name) { verbs.append("proxy") }
        }
        guard !verbs.contains(verb) else { return }
        let shown = TerminalEscaping.escaped(verb)
        if let reason = RequestVerbs.authorizationOnlyVerbs[verb] {
            throw RequestInputError("\"\(shown)\" is never a request's verb: \(reason)", part: .verb)
        }
        if let resource, RequestVerbs.resourceVerbs.contains(verb) || verb == "list" {
            let target = subresource.isEmpty ? resource.qualifiedName : "\(resource.qualifiedName)/\(subresource)"
            throw RequestInputError("kube-apiserver serves no \(shown) of \(target) (its verbs: \(verbs.sorted().joined(separator: ", ")))", part: .verb)
        }
        throw unknown("verb", verb, among: verbs, part: .verb)
    }

    /// `unknown verb "frobnicate" in kube-apiserver 1.36: did you mean ...?`
    private func unknown(_ kind: String, _ word: String, context: String = "", among candidates: [String], part: RequestInputError.Part,
                         otherwise: String = "") -> RequestInputError {
        let lead = "unknown \(kind) \"\(TerminalEscaping.escaped(word))\"\(context) in kube-apiserver \(version)"
        if let closest = Suggestions.closest(to: word, in: candidates) {
            return RequestInputError("\(lead): did you mean \(closest)?", part: part)
        }
        return RequestInputError(lead + otherwise, part: part)
    }
}
