import AuditPolicy

/// Picks a concrete request inside a cube, looking like a real one where the cube allows:
/// resources with their real group, scope and subresources from the API catalog, verbs that
/// clients send, names that look real, a user whose name fits its groups, and the groups
/// kube-apiserver adds (`system:authenticated`). Values no policy names are fresh, real-looking
/// ones (`other-user-1`) rather than placeholders.
///
/// A `create` of a resource (no subresource) is never given a name: at evaluation time it has none.
struct WitnessBuilder {
    let space: RequestSpace
    /// Catalog resources by group and name.
    private let catalogByName: [String: APIResource]

    /// Catalog resources (and their subresources), most common first, with their atoms.
    private let catalogTargets: [Target]
    private let catalogGroupAtoms: [Int]
    private let catalogResourceAtoms: [Int]
    private let catalogSubresourceAtoms: [Int]
    /// The atoms of ``preferredGroups`` that policies name.
    private let preferredAtoms: [Int]

    /// The atoms, in one space, of a release's catalog targets and of the preferred groups.
    struct CatalogAtoms: Sendable {
        let groups: [Int]
        let resources: [Int]
        let subresources: [Int]
        let preferredGroups: [Int]

        init(_ targets: [Target], space: RequestSpace) {
            groups = targets.map { space.apiGroups.atom(of: $0.group) }
            resources = targets.map { space.resources.atom(of: $0.resource) }
            subresources = targets.map { space.subresources.atom(of: $0.subresource) }
            preferredGroups = WitnessBuilder.preferredGroups.map(space.groups.atom(of:)).filter { $0 != LiteralAlphabet.otherAtom }
        }
    }

    init(space: RequestSpace, version: KubernetesVersion) {
        self.space = space
        let order = CatalogOrder.served(in: version)
        catalogByName = order.byName
        catalogTargets = order.targets
        // Looked up once per space and release: an analysis builds several witness builders.
        let atoms = space.witnessAtoms.withLock { $0[version] } ?? {
            let built = CatalogAtoms(order.targets, space: space)
            space.witnessAtoms.withLock { $0[version] = built }
            return built
        }()
        catalogGroupAtoms = atoms.groups
        catalogResourceAtoms = atoms.resources
        catalogSubresourceAtoms = atoms.subresources
        preferredAtoms = atoms.preferredGroups
    }

    static let popularResources = [
        "pods", "configmaps", "secrets", "deployments", "services", "nodes", "namespaces", "serviceaccounts",
        "endpoints", "events", "replicasets", "daemonsets", "statefulsets", "jobs", "cronjobs", "leases",
        "roles", "rolebindings", "clusterroles", "clusterrolebindings", "ingresses", "persistentvolumeclaims",
        "customresourcedefinitions", "validatingwebhookconfigurations", "mutatingwebhookconfigurations",
        "tokenreviews", "subjectaccessreviews", "selfsubjectaccessreviews", "certificatesigningrequests",
    ]
    static let resourceVerbs = ["get", "list", "create", "update", "patch", "delete", "watch", "deletecollection"]
    static let nonResourceVerbs = ["get", "post", "head", "put", "patch", "delete"]
    static let collectionVerbs: Set<String> = ["list", "watch", "deletecollection"]
    static let preferredGroups = ["system:authenticated", "system:masters", "system:nodes", "system:serviceaccounts", "system:unauthenticated"]

    /// A request in the cube, or `nil` when the cube holds no request that can reach the policy.
    ///
    /// Whether there is one is decided by the loose search (any verb, resource and subresource the
    /// cube names); which one is shown prefers a request kube-apiserver serves: a verb the resource
    /// supports, a subresource it has, a custom resource's `status` or `scale`, an HTTP method for
    /// a non-resource path.
    func witness(for whole: Cube) -> RequestAttributes? {
        guard let cube = space.realisticPart(whole), space.hasRealisticRequest(cube) else { return nil }
        // Every request tried gets the same user: chosen once.
        let user = user(in: cube)
        guard let loose = search(cube, servedOnly: false, user: user) ?? plainWitness(in: cube, user: user) else { return nil }
        return search(cube, servedOnly: true, user: user) ?? loose
    }

    /// The first request the search finds, when it lies in the cube. The loose search tries only
    /// the first request it builds (resource, else non-resource); the served search tries both.
    private func search(_ cube: Cube, servedOnly: Bool, user: UserInfo?) -> RequestAttributes? {
        let layout = space.layout
        var found: [RequestAttributes] = []
        if layout.contains(cube, .kind, atom: KindAtom.resource), let request = resourceRequest(in: cube, servedOnly: servedOnly) {
            found.append(request)
        }
        if servedOnly || found.isEmpty, layout.contains(cube, .kind, atom: KindAtom.nonResource),
           let request = nonResourceRequest(in: cube, servedOnly: servedOnly) {
            found.append(request)
        }
        for var request in found {
            request.user = user
            if space.contains(cube, request), isRealistic(request) { return request }
        }
        return nil
    }

    private func plainWitness(in cube: Cube, user: UserInfo?) -> RequestAttributes? {
        guard var plain = plainRequest(in: cube) else { return nil }
        plain.user = user
        return space.contains(cube, plain) && isRealistic(plain) ? plain : nil
    }

    /// Any request in the cube, one atom per dimension, for cubes the realistic search misses.
    private func plainRequest(in cube: Cube) -> RequestAttributes? {
        let layout = space.layout
        func first(_ dimension: Dimension, _ stem: String) -> String? {
            values(cube, dimension, preferring: [], stem: stem).first
        }
        guard layout.contains(cube, .kind, atom: KindAtom.resource) else { return nonResourceRequest(in: cube, servedOnly: false) }
        guard let namespace = first(.namespace, "other-namespace"),
              let group = first(.apiGroup, "other-group.example.com"),
              let resource = first(.resource, "other-resource")
        else { return nil }
        let subresources = values(cube, .subresource, preferring: ["", "status"], stem: "other-subresource")
        let names = values(cube, .name, preferring: ["", "example"], stem: "example")
        var found: (verb: String, subresource: String, name: String)?
        search: for verb in values(cube, .verb, preferring: [], stem: "other-verb") {
            for subresource in subresources {
                for name in names where RequestSpace.isRealisticResourceRequest(verb: verb, hasSubresource: !subresource.isEmpty, hasName: !name.isEmpty) {
                    found = (verb, subresource, name)
                    break search
                }
            }
        }
        guard let (verb, subresource, name) = found else { return nil }
        return RequestAttributes(
            verb: verb, namespace: namespace, apiGroup: group, apiVersion: "v1", resource: resource,
            subresource: subresource, name: name,
            path: Self.path(group: group, version: "v1", namespace: namespace, resource: resource, name: name, subresource: subresource),
            isResourceRequest: true
        )
    }

    private func isRealistic(_ request: RequestAttributes) -> Bool {
        !request.isResourceRequest
            || RequestSpace.isRealisticResourceRequest(verb: request.verb, hasSubresource: !request.subresource.isEmpty, hasName: !request.name.isEmpty)
    }

    // MARK: - Values of one dimension

    /// Values of a literal dimension inside the cube: the preferred ones first, then some of the
    /// cube's literals, then a fresh value for "any other"; at most `limit` of them.
    private func values(_ cube: Cube, _ dimension: Dimension, preferring preferred: [String], stem: String, limit: Int = 8) -> [String] {
        guard let alphabet = space.alphabet(dimension) else { return [] }
        let layout = space.layout
        var result: [String] = []
        var seen = Set<Int>()
        func add(_ value: String, atom: Int) {
            guard result.count < limit, layout.contains(cube, dimension, atom: atom) else { return }
            // Every literal is its own atom; the "other" atom holds many values.
            if atom != LiteralAlphabet.otherAtom {
                guard seen.insert(atom).inserted else { return }
            } else if result.contains(where: { $0.utf8.elementsEqual(value.utf8) }) {
                return
            }
            result.append(value)
        }
        for value in preferred { add(value, atom: alphabet.atom(of: value)) }
        layout.forEachAtom(cube, dimension) { atom in
            guard result.count < limit else { return false }
            if atom != LiteralAlphabet.otherAtom, let literal = alphabet.literal(ofAtom: atom) { add(literal, atom: atom) }
            return true
        }
        if layout.contains(cube, dimension, atom: LiteralAlphabet.otherAtom) {
            let fresh = alphabet.unmentionedValue(preferring: preferred, stem: stem)
            if result.count >= limit { result.removeLast() }
            add(fresh, atom: LiteralAlphabet.otherAtom)
        }
        return result
    }

    // MARK: - Resource requests

    struct Target {
        var group: String
        var version: String
        var resource: String
        var subresource: String
        var namespaced: Bool?
        /// The verbs kube-apiserver serves for it; `nil` when unknown (any verb is tried).
        var verbs: [String]?
    }

    /// The subresources a custom resource can have (apiextensions `CustomResourceSubresources`:
    /// `status` and `scale`).
    static let customResourceSubresources: Set<String> = ["", "status", "scale"]

    /// Where to look for a resource request: catalog resources first, at most six; when only served
    /// requests are wanted, only those serving one of `verbs`.
    private func targets(in cube: Cube, servedOnly: Bool, verbs: [String]) -> [Target] {
        let layout = space.layout
        var result: [Target] = []
        for index in catalogTargets.indices
        where layout.contains(cube, .apiGroup, atom: catalogGroupAtoms[index]) && layout.contains(cube, .resource, atom: catalogResourceAtoms[index])
            && layout.contains(cube, .subresource, atom: catalogSubresourceAtoms[index]) {
            if servedOnly, !verbs.contains(where: { catalogTargets[index].verbs?.contains($0) ?? true }) { continue }
            result.append(catalogTargets[index])
            if result.count >= 6 { return result }
        }
        let groups = values(cube, .apiGroup, preferring: ["stable.example.com"], stem: "other-group.example.com")
        let resources = values(cube, .resource, preferring: ["crontabs", "widgets"], stem: "other-resource")
        let subresources = values(cube, .subresource, preferring: ["", "status", "scale"], stem: "other-subresource")
        for group in groups.prefix(3) {
            for resource in resources.prefix(3) {
                for subresource in subresources.prefix(3) {
                    let known = catalogByName[group + "/" + resource]
                    // Served only: a group outside the catalog (a custom resource) with a CRD's subresources.
                    if servedOnly, known != nil || APICatalog.builtIn.knownGroups.contains(group) && !APICatalog.builtIn.isOpenGroup(group)
                        || !Self.customResourceSubresources.contains(subresource) { continue }
                    result.append(Target(group: group, version: known?.version ?? "v1", resource: resource, subresource: subresource, namespaced: known?.namespaced,
                                         verbs: servedOnly ? (subresource.isEmpty ? APIResource.standardVerbs : APISubresourceVerbs.verbs(of: subresource)) : nil))
                }
            }
        }
        return result
    }

    private func resourceRequest(in cube: Cube, servedOnly: Bool) -> RequestAttributes? {
        let cubeVerbs = values(cube, .verb, preferring: Self.resourceVerbs, stem: "other-verb")
        for target in targets(in: cube, servedOnly: servedOnly, verbs: cubeVerbs) {
            let verbs = servedOnly ? cubeVerbs.filter { target.verbs?.contains($0) ?? true } : cubeVerbs
            let namespaces = values(cube, .namespace, preferring: target.namespaced == false ? ["", "default"] : ["default", "kube-system", ""], stem: "other-namespace")
            guard let namespace = namespaces.first else { continue }
            for verb in verbs {
                let prefersNoName = Self.collectionVerbs.contains(verb) || (verb == "create" && target.subresource.isEmpty)
                let realName = Self.typicalName(for: target.resource)
                let names = values(cube, .name, preferring: prefersNoName ? ["", realName] : [realName, ""], stem: "example")
                guard let name = names.first(where: {
                    RequestSpace.isRealisticResourceRequest(verb: verb, hasSubresource: !target.subresource.isEmpty, hasName: !$0.isEmpty)
                }) else { continue }
                var actualNamespace = namespace
                if target.resource == "namespaces", !name.isEmpty,
                   space.layout.contains(cube, .namespace, atom: space.namespaces.atom(of: name)) {
                    actualNamespace = name
                }
                return RequestAttributes(
                    verb: verb, namespace: actualNamespace, apiGroup: target.group, apiVersion: target.version,
                    resource: target.resource, subresource: target.subresource, name: name,
                    path: Self.path(group: target.group, version: target.version, namespace: actualNamespace,
                                    resource: target.resource, name: name, subresource: target.subresource),
                    isResourceRequest: true
                )
            }
        }
        return nil
    }

    static func typicalName(for resource: String) -> String {
        switch resource {
        case "pods": "web-0"
        case "nodes": "ip-10-0-1-23.ec2.internal"
        case "configmaps": "app-config"
        case "secrets": "db-credentials"
        case "namespaces": "team-a"
        case "services", "deployments", "statefulsets", "daemonsets", "replicasets": "web"
        case "serviceaccounts": "app"
        case "endpoints", "endpointslices": "web"
        case "leases": "kube-scheduler"
        case "roles": "pod-reader"
        case "rolebindings": "read-pods"
        case "clusterroles": "view"
        case "clusterrolebindings": "cluster-admin"
        case "ingresses": "web"
        case "jobs", "cronjobs": "nightly-backup"
        case "persistentvolumeclaims": "data-web-0"
        case "persistentvolumes": "pvc-3f2a9c1e"
        case "certificatesigningrequests": "csr-8vx4d"
        case "customresourcedefinitions": "crontabs.stable.example.com"
        case "mutatingwebhookconfigurations", "validatingwebhookconfigurations": "policy-webhook"
        case "horizontalpodautoscalers", "poddisruptionbudgets": "web"
        case "storageclasses": "gp3"
        case "priorityclasses": "high-priority"
        default: "example"
        }
    }

    /// The request path a client would use (informational: the policy never reads it for resource requests).
    static func path(group: String, version: String, namespace: String, resource: String, name: String, subresource: String) -> String {
        var path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        if resource == "namespaces", !name.isEmpty {
            path += "/namespaces/\(name)"
        } else {
            if !namespace.isEmpty { path += "/namespaces/\(namespace)" }
            path += "/\(resource)"
            if !name.isEmpty { path += "/\(name)" }
        }
        if !subresource.isEmpty { path += "/\(subresource)" }
        return path
    }

    // MARK: - Non-resource requests

    private func nonResourceRequest(in cube: Cube, servedOnly: Bool) -> RequestAttributes? {
        let verbs = values(cube, .verb, preferring: Self.nonResourceVerbs, stem: "other-verb")
        // A non-resource request's verb is its HTTP method in lower case (requestinfo.go, `NewRequestInfo`).
        guard let verb = servedOnly ? verbs.first(where: RequestVerbs.nonResourceVerbs.contains) : verbs.first else { return nil }
        let atoms = space.layout.atoms(cube, .path).filter { space.paths.witnesses[$0] != nil }
        let witnesses = atoms.compactMap { space.paths.witnesses[$0] }
        let realistic = witnesses.first { PathAlphabet.realisticPaths.contains($0) }
        guard let path = realistic ?? witnesses.first else { return nil }
        return RequestAttributes(verb: verb, path: path, isResourceRequest: false)
    }

    // MARK: - Users

    private func user(in cube: Cube) -> UserInfo? {
        let layout = space.layout
        guard layout.contains(cube, .presence, atom: PresenceAtom.authenticated) else { return nil }
        // The groups the clauses need for an ordinary user guide the choice of a fitting name.
        let hinted = (space.realisticGroupAtoms(cube, userAtom: LiteralAlphabet.otherAtom, preferred: preferredAtoms) ?? [])
            .compactMap(space.groups.literal(ofAtom:))
        for name in values(cube, .user, preferring: Self.typicalUsers(for: hinted), stem: "other-user") {
            guard let atoms = space.realisticGroupAtoms(cube, userAtom: space.users.atom(of: name), preferred: preferredAtoms) else { continue }
            var groupNames = atoms.compactMap(space.groups.literal(ofAtom:))
            // The groups kube-apiserver gives the name, and a kubelet's certificate organisation.
            var implied = RequestIdentity.authenticated(name, groups: []).groups
            if name.hasPrefix("system:node:") { implied.append("system:nodes") }
            for group in implied where !groupNames.contains(group) && !cube.groups.forbids(space.groups.atom(of: group)) {
                groupNames.append(group)
            }
            return UserInfo(name: name, groups: groupNames)
        }
        return nil
    }

    static func typicalUsers(for groups: [String]) -> [String] {
        var users: [String] = []
        for group in groups {
            if group == "system:nodes" { users.append("system:node:ip-10-0-1-23.ec2.internal") }
            if group == "system:masters" { users.append("kubernetes-admin") }
            if group == "system:unauthenticated" { users.append("system:anonymous") }
            if group.hasPrefix("system:serviceaccounts") {
                let parts = group.split(separator: ":")
                let namespace = parts.count == 3 ? String(parts[2]) : "default"
                users.append("system:serviceaccount:\(namespace):app")
            }
        }
        return users + ["alice", "bob", "kubernetes-admin"]
    }
}
