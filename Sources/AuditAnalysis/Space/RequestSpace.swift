import AuditPolicy
import Synchronization

/// The space of all requests, cut into atoms by every literal that some policies and selectors
/// name, so that each of them selects a union of cubes.
///
/// Build one space for everything that is compared (both policies of a diff, a policy and the
/// checklist): cubes from different spaces cannot be combined.
public final class RequestSpace: Sendable {
    let users: LiteralAlphabet
    let groups: LiteralAlphabet
    let verbs: LiteralAlphabet
    let namespaces: LiteralAlphabet
    let apiGroups: LiteralAlphabet
    let resources: LiteralAlphabet
    let subresources: LiteralAlphabet
    let names: LiteralAlphabet
    let paths: PathAlphabet
    let layout: CubeLayout

    /// Literals always present, so that kube-apiserver facts can be expressed: `create` with no
    /// subresource never carries a name, and the long-running check of
    /// `pkg/server/filters/longrunning.go` (verbs watch and proxy; subresources attach, exec, proxy,
    /// log, portforward; `/debug/pprof/` paths).
    static let baseVerbs = ["create", "get", "list", "watch", "deletecollection", "proxy"]
    static let baseSubresources = ["", "attach", "exec", "proxy", "log", "portforward"]
    static let baseNames = [""]
    static let basePathPrefixes = ["/debug/pprof/"]
    /// The anonymous user and its group are literals too, so that realistic users can be told
    /// apart (see ``realisticGroupAtoms(_:userAtom:preferred:)``).
    static let baseUsers = ["system:anonymous"]
    static let baseGroups = ["system:unauthenticated", "system:authenticated"]

    /// The requests kube-apiserver can produce, as far as a cube can say: the request path is
    /// split on `/` after percent-decoding (`pkg/endpoints/request/requestinfo.go`,
    /// `NewRequestInfo`), so no namespace, API group, resource, subresource or name contains `/`.
    /// (That a create of a resource has no name is not a cube; see ``hasRealisticRequest(_:)``.)
    /// Its resource dimensions are restricted while its kind allows non-resource requests, which
    /// breaks the cube invariant: use it only through ``realisticPart(_:)``.
    private let realistic: Cube
    /// The catalog's atoms in this space, by release, for ``WitnessBuilder`` (filled on first use).
    let witnessAtoms = Mutex<[KubernetesVersion: WitnessBuilder.CatalogAtoms]>([:])

    /// A space in which every selector is a union of cubes.
    public init(selectors: [RequestSelector]) {
        var users = Self.baseUsers, groups = Self.baseGroups, verbs = Self.baseVerbs, namespaces: [String] = []
        var apiGroups: [String] = [], resources: [String] = [], subresources = Self.baseSubresources, names = Self.baseNames
        var exactPaths: [String] = [], prefixes = Self.basePathPrefixes
        for selector in selectors {
            users += selector.users
            groups += selector.userGroups
            verbs += selector.verbs
            switch selector.target {
            case .anyRequest: break
            case .resources(let selectedNamespaces, let entries):
                namespaces += selectedNamespaces
                for entry in entries {
                    if case .named(let group) = entry.group { apiGroups.append(group) }
                    names += entry.names
                    for pattern in entry.resources {
                        for part in ResourcePattern(pattern).readings(literal: entry.exact) {
                            if let resource = part.resource { resources.append(resource) }
                            if let subresource = part.subresource { subresources.append(subresource) }
                        }
                    }
                }
            case .nonResource(let patterns):
                for case .pattern(let pattern) in patterns {
                    let bytes = Array(pattern.utf8)
                    if bytes == [UInt8(ascii: "*")] { continue }
                    if bytes.last == UInt8(ascii: "*") {
                        var prefix = bytes
                        while prefix.last == UInt8(ascii: "*") { prefix.removeLast() }
                        // The pattern itself, as an exact path, starts with the prefix too.
                        prefixes.append(String(decoding: prefix, as: UTF8.self))
                    } else {
                        exactPaths.append(pattern)
                    }
                }
            }
        }
        self.users = LiteralAlphabet(users)
        self.groups = LiteralAlphabet(groups)
        self.verbs = LiteralAlphabet(verbs)
        self.namespaces = LiteralAlphabet(namespaces)
        self.apiGroups = LiteralAlphabet(apiGroups)
        self.resources = LiteralAlphabet(resources)
        self.subresources = LiteralAlphabet(subresources)
        self.names = LiteralAlphabet(names)
        paths = PathAlphabet(exactPaths: exactPaths, prefixes: prefixes)
        var counts = [Int](repeating: 0, count: Dimension.allCases.count)
        counts[Dimension.kind.rawValue] = 2
        counts[Dimension.presence.rawValue] = 2
        counts[Dimension.user.rawValue] = self.users.atomCount
        counts[Dimension.verb.rawValue] = self.verbs.atomCount
        counts[Dimension.namespace.rawValue] = self.namespaces.atomCount
        counts[Dimension.apiGroup.rawValue] = self.apiGroups.atomCount
        counts[Dimension.resource.rawValue] = self.resources.atomCount
        counts[Dimension.subresource.rawValue] = self.subresources.atomCount
        counts[Dimension.name.rawValue] = self.names.atomCount
        counts[Dimension.path.rawValue] = paths.atomCount
        let layout = CubeLayout(atomCounts: counts, groupAtomCount: self.groups.atomCount)
        self.layout = layout
        var realistic = layout.everything
        let segments: [(Dimension, LiteralAlphabet)] = [
            (.namespace, self.namespaces), (.apiGroup, self.apiGroups), (.resource, self.resources),
            (.subresource, self.subresources), (.name, self.names),
        ]
        for (dimension, alphabet) in segments {
            let atoms = (0..<alphabet.atomCount).filter { atom in
                alphabet.literal(ofAtom: atom).map { !$0.utf8.contains(UInt8(ascii: "/")) } ?? true
            }
            layout.restrict(&realistic, dimension, to: atoms)
        }
        self.realistic = realistic
    }

    /// A space for the rules of the policies and the extra selectors.
    public convenience init(policies: [CompiledPolicy], selectors: [RequestSelector] = []) {
        self.init(selectors: policies.flatMap(RequestSelector.rules(of:)) + selectors)
    }

    func alphabet(_ dimension: Dimension) -> LiteralAlphabet? {
        switch dimension {
        case .user: users
        case .verb: verbs
        case .namespace: namespaces
        case .apiGroup: apiGroups
        case .resource: resources
        case .subresource: subresources
        case .name: names
        case .kind, .presence, .path: nil
        }
    }

    // MARK: - Selectors to cubes

    /// The cubes whose union is the selector's set of requests.
    func cubes(for selector: RequestSelector) -> [Cube] {
        var base = layout.everything
        let needsUser = !selector.users.isEmpty || !selector.userGroups.isEmpty
        switch selector.authentication {
        case .any:
            if needsUser { layout.set(&base, .presence, to: [PresenceAtom.authenticated]) }
        case .authenticated:
            layout.set(&base, .presence, to: [PresenceAtom.authenticated])
        case .unauthenticated:
            if needsUser { return [] }
            layout.set(&base, .presence, to: [PresenceAtom.noUser])
        }
        if !selector.users.isEmpty { layout.set(&base, .user, to: selector.users.map(users.atom(of:))) }
        if !selector.userGroups.isEmpty {
            let bits = Bitset.with(selector.userGroups.map(groups.atom(of:)), count: groups.atomCount)
            guard let constraint = GroupConstraint.member(ofAny: bits) else { return [] }
            base.groups = constraint
        }
        if !selector.verbs.isEmpty { layout.set(&base, .verb, to: selector.verbs.map(verbs.atom(of:))) }

        switch selector.target {
        case .anyRequest:
            return [base]
        case .nonResource(let patterns):
            layout.set(&base, .kind, to: [KindAtom.nonResource])
            var atoms: [Int] = []
            for pattern in patterns {
                switch pattern {
                case .pattern(let text): atoms += paths.atoms(matching: text)
                case .unmentioned: atoms.append(paths.atom(of: ""))
                }
            }
            if atoms.isEmpty { return [] }
            layout.set(&base, .path, to: atoms)
            return [base]
        case .resources(let selectedNamespaces, let entries):
            layout.set(&base, .kind, to: [KindAtom.resource])
            if !selectedNamespaces.isEmpty { layout.set(&base, .namespace, to: selectedNamespaces.map(namespaces.atom(of:))) }
            if entries.isEmpty { return [base] }
            var cubes: [Cube] = []
            for entry in entries {
                var entryCube = base
                switch entry.group {
                case .named(let group): layout.set(&entryCube, .apiGroup, to: [apiGroups.atom(of: group)])
                case .unmentioned: layout.set(&entryCube, .apiGroup, to: [LiteralAlphabet.otherAtom])
                case .any: break
                }
                if entry.resources.isEmpty {
                    cubes.append(entryCube)
                    continue
                }
                if !entry.names.isEmpty { layout.set(&entryCube, .name, to: entry.names.map(names.atom(of:))) }
                for pattern in entry.resources {
                    for part in ResourcePattern(pattern).readings(literal: entry.exact) {
                        var cube = entryCube
                        if let resource = part.resource { layout.set(&cube, .resource, to: [resources.atom(of: resource)]) }
                        if let subresource = part.subresource { layout.set(&cube, .subresource, to: [subresources.atom(of: subresource)]) }
                        cubes.append(cube)
                    }
                }
            }
            return CubeMerging.merge(cubes, layout: layout)
        }
    }

    /// Disjoint cubes whose union is the union of the selectors.
    func disjointCubes(for selectors: [RequestSelector]) -> [Cube] {
        FirstMatchPartition.split([Tagged(cube: layout.everything, tag: 0)], ruleCubes: [selectors.flatMap(cubes(for:))], layout: layout)
            .filter { $0.rule != nil }
            .map(\.cube)
    }

    /// The cubes of every rule of a policy, in order.
    func ruleCubes(_ policy: CompiledPolicy) -> [[Cube]] {
        RequestSelector.rules(of: policy).map(cubes(for:))
    }

    // MARK: - Requests

    /// A request's atoms in every dimension, to test it against many cubes.
    struct ClassifiedRequest {
        var kind: Int
        var presence: Int
        var user: Int
        var groups: [UInt64]
        var verb: Int
        var namespace: Int
        var apiGroup: Int
        var resource: Int
        var subresource: Int
        var name: Int
        var path: Int
    }

    func classify(_ request: RequestAttributes) -> ClassifiedRequest {
        ClassifiedRequest(
            kind: request.isResourceRequest ? KindAtom.resource : KindAtom.nonResource,
            presence: request.user == nil ? PresenceAtom.noUser : PresenceAtom.authenticated,
            user: request.user.map { users.atom(of: $0.name) } ?? LiteralAlphabet.otherAtom,
            groups: Bitset.with((request.user?.groups ?? []).map(groups.atom(of:)), count: groups.atomCount),
            verb: verbs.atom(of: request.verb),
            namespace: namespaces.atom(of: request.namespace),
            apiGroup: apiGroups.atom(of: request.apiGroup),
            resource: resources.atom(of: request.resource),
            subresource: subresources.atom(of: request.subresource),
            name: names.atom(of: request.name),
            path: paths.atom(of: request.path)
        )
    }

    /// Whether the cube holds the request.
    func contains(_ cube: Cube, _ request: RequestAttributes) -> Bool {
        contains(cube, classify(request))
    }

    /// Whether the cube holds the classified request.
    func contains(_ cube: Cube, _ request: ClassifiedRequest) -> Bool {
        guard layout.contains(cube, .kind, atom: request.kind), layout.contains(cube, .presence, atom: request.presence) else { return false }
        if request.presence == PresenceAtom.authenticated {
            guard layout.contains(cube, .user, atom: request.user) else { return false }
            if !cube.groups.isAny, !cube.groups.isSatisfied(byGroupAtoms: request.groups) { return false }
        }
        guard layout.contains(cube, .verb, atom: request.verb) else { return false }
        if request.kind == KindAtom.resource {
            return layout.contains(cube, .namespace, atom: request.namespace)
                && layout.contains(cube, .apiGroup, atom: request.apiGroup)
                && layout.contains(cube, .resource, atom: request.resource)
                && layout.contains(cube, .subresource, atom: request.subresource)
                && layout.contains(cube, .name, atom: request.name)
        }
        return layout.contains(cube, .path, atom: request.path)
    }

    /// The part of a cube that kube-apiserver can produce (no `/` inside a path segment), for
    /// display only: the result may break the cube invariant, so it must not be subtracted from.
    func realisticPart(_ cube: Cube) -> Cube? {
        layout.intersection(cube, realistic)
    }

    /// Whether the cube holds a request that can really reach the audit policy.
    ///
    /// A resource request with verb `create` and no subresource never has a name when the policy
    /// is evaluated: the object's name is in the body, which is decoded later
    /// (`pkg/endpoints/request/requestinfo.go`, `NewRequestInfo`: POST to a collection).
    func hasRealisticRequest(_ cube: Cube) -> Bool {
        hasRealisticTarget(cube) && hasRealisticUser(cube)
    }

    private func hasRealisticTarget(_ cube: Cube) -> Bool {
        if layout.contains(cube, .kind, atom: KindAtom.nonResource) { return true }
        let noSubresource = subresources.atom(of: ""), noName = names.atom(of: "")
        // Which of "no subresource" / "a subresource" and "no name" / "a name" the cube allows.
        let subresourceChoices = [false, true].filter { has in
            has ? layout.hasAtom(cube, .subresource, otherThan: noSubresource) : layout.contains(cube, .subresource, atom: noSubresource)
        }
        let nameChoices = [false, true].filter { has in
            has ? layout.hasAtom(cube, .name, otherThan: noName) : layout.contains(cube, .name, atom: noName)
        }
        for verbAtom in layout.atoms(cube, .verb) {
            let verb = verbs.literal(ofAtom: verbAtom) ?? "other-verb"
            for hasSubresource in subresourceChoices {
                for hasName in nameChoices where Self.isRealisticResourceRequest(verb: verb, hasSubresource: hasSubresource, hasName: hasName) {
                    return true
                }
            }
        }
        return false
    }

    /// Whether kube-apiserver can produce a resource request with this verb and these parts
    /// (`pkg/endpoints/request/requestinfo.go`, `NewRequestInfo`): a subresource follows a name in
    /// the path; GET without a name is list (or watch), which has no subresource; DELETE without a
    /// name is deletecollection; a create of a resource (POST to the collection) has no name.
    static func isRealisticResourceRequest(verb: String, hasSubresource: Bool, hasName: Bool) -> Bool {
        if hasSubresource, !hasName { return false }
        switch verb {
        case "get": return hasName
        case "list", "watch": return !hasSubresource
        case "deletecollection": return !hasName
        case "create": return hasSubresource || !hasName
        default: return true
        }
    }

    /// The group `system:unauthenticated` belongs to the anonymous user alone: kube-apiserver's
    /// anonymous authenticator gives `system:anonymous` exactly that group
    /// (`pkg/authentication/request/anonymous`), and the authenticated-group adder gives every
    /// other user `system:authenticated` (`pkg/authentication/group`, `AuthenticatedGroupAdder`).
    static let anonymousUser = "system:anonymous"
    static let anonymousGroup = "system:unauthenticated"

    /// The groups a realistic user with this name can have in the cube, as atoms (the fewest that
    /// satisfy the cube's group constraint), or `nil` when none can.
    func realisticGroupAtoms(_ cube: Cube, userAtom: Int, preferred: [Int]) -> [Int]? {
        let anonymousGroupAtom = groups.atom(of: Self.anonymousGroup)
        if userAtom == users.atom(of: Self.anonymousUser) {
            let only = Bitset.with([anonymousGroupAtom], count: groups.atomCount)
            return cube.groups.isSatisfied(byGroupAtoms: only) ? [anonymousGroupAtom] : nil
        }
        // Any other user: satisfy every clause without system:unauthenticated.
        var withoutAnonymous = cube.groups
        guard let constrained = withoutAnonymous.intersection(
            GroupConstraint.normalized(forbidden: Bitset.with([anonymousGroupAtom], count: groups.atomCount), clauses: []) ?? .any(wordCount: layout.groupWordCount)
        ) else { return nil }
        withoutAnonymous = constrained
        return withoutAnonymous.satisfyingAtoms(preferred: preferred)
    }

    private func hasRealisticUser(_ cube: Cube) -> Bool {
        if layout.contains(cube, .presence, atom: PresenceAtom.noUser) { return true }
        var found = false
        layout.forEachAtom(cube, .user) { atom in
            found = realisticGroupAtoms(cube, userAtom: atom, preferred: []) != nil
            return !found
        }
        return found
    }

}
