import AuditPolicy

/// What a class of requests is, attribute by attribute, and as one readable line
/// ("any user in group system:nodes, verb patch or update, core nodes/status").
public struct RequestClassDescription: Sendable, Hashable, Codable {
    /// `authenticated`, `unauthenticated` (no user: failed authentication) or `any`.
    public var authentication: String
    /// User names (authenticated requests only).
    public var users: ValueSet
    /// Group conditions: for each inner list, the user is in at least one of its groups.
    public var inAnyOfGroups: [[String]]
    /// Groups the user is in none of.
    public var inNoneOfGroups: [String]
    public var verbs: ValueSet
    /// `resource`, `nonResource` or `any`.
    public var kind: String
    public var namespaces: ValueSet
    public var apiGroups: ValueSet
    public var resources: ValueSet
    public var subresources: ValueSet
    public var names: ValueSet
    /// Non-resource path patterns (`*` any path; `p*` paths starting with `p`), with exceptions.
    public var paths: String
    /// The whole description on one line.
    public var text: String
}

extension RequestSpace {
    /// Describes a cube.
    func describe(_ cube: Cube) -> RequestClassDescription {
        let presence = layout.atoms(cube, .presence)
        let authentication = presence.count == 2 ? "any" : presence == [PresenceAtom.noUser] ? "unauthenticated" : "authenticated"
        let kindAtoms = layout.atoms(cube, .kind)
        let kind = kindAtoms.count == 2 ? "any" : kindAtoms == [KindAtom.resource] ? "resource" : "nonResource"
        let inAny = cube.groups.clauses.map { Bitset.members($0).compactMap(groups.literal(ofAtom:)) }
        let inNone = Bitset.members(cube.groups.forbidden).compactMap(groups.literal(ofAtom:))
        var description = RequestClassDescription(
            authentication: authentication,
            users: authentication == "authenticated" ? valueSet(cube, .user) : .any,
            inAnyOfGroups: inAny, inNoneOfGroups: inNone,
            verbs: valueSet(cube, .verb), kind: kind,
            namespaces: kind == "resource" ? valueSet(cube, .namespace) : .any,
            apiGroups: kind == "resource" ? valueSet(cube, .apiGroup) : .any,
            resources: kind == "resource" ? valueSet(cube, .resource) : .any,
            subresources: kind == "resource" ? valueSet(cube, .subresource) : .any,
            names: kind == "resource" ? valueSet(cube, .name) : .any,
            paths: kind == "nonResource" ? describePaths(layout.atoms(cube, .path)) : "*",
            text: ""
        )
        description.text = ClassText.line(description)
        return description
    }

    /// The path atoms as patterns: `*`, `p*`, exact paths, with exceptions.
    func describePaths(_ atoms: [Int]) -> String {
        let all = Set(paths.atoms.indices)
        let selected = Set(atoms)
        if selected == all { return "*" }
        let root = paths.atom(of: "")
        guard selected.contains(root) else { return cover(selected).map(DisplayClipping.clipped).joined(separator: ", ") }
        return "* except " + cover(all.subtracting(selected)).map(DisplayClipping.clipped).joined(separator: ", ")
    }

    /// Patterns covering exactly the atoms: whole subtrees as `p*`, single atoms otherwise.
    private func cover(_ selected: Set<Int>) -> [String] {
        var covered = Set<Int>()
        var patterns: [String] = []
        let order = paths.atoms.indices.sorted { lhs, rhs in
            func key(_ index: Int) -> (Int, String) {
                switch paths.atoms[index] {
                case .prefix(let prefix): (prefix.utf8.count, prefix)
                case .exact(let path): (path.utf8.count, path)
                }
            }
            return key(lhs) < key(rhs)
        }
        for index in order where selected.contains(index) && !covered.contains(index) {
            switch paths.atoms[index] {
            case .exact(let path):
                patterns.append(path.isEmpty ? "\"\"" : path)
                covered.insert(index)
            case .prefix(let prefix):
                let under = paths.atoms.indices.filter { paths.atom($0, isUnder: prefix) }
                let missing = under.filter { !selected.contains($0) }
                for atom in under where selected.contains(atom) && (missing.isEmpty || atom == index) { covered.insert(atom) }
                if missing.isEmpty {
                    patterns.append(prefix + "*")
                } else {
                    let excluded = missing.map { atom -> String in
                        switch paths.atoms[atom] {
                        case .exact(let path): path
                        case .prefix(let longer): longer + "*"
                        }
                    }
                    patterns.append("\(prefix)* (except \(excluded.joined(separator: ", ")))")
                }
            }
        }
        return patterns
    }
}

/// Renders a description as one line.
enum ClassText {
    static let maxListed = 6

    static func line(_ d: RequestClassDescription) -> String {
        var parts: [String] = []
        switch d.authentication {
        case "unauthenticated": parts.append("unauthenticated requests (no user)")
        case "any": parts.append("anyone (with or without a user)")
        default:
            var who: String
            switch d.users {
            case .any: who = "any user"
            case .only(let users): who = (users.count == 1 ? "user " : "users ") + list(users, conjunction: "or")
            case .except(let users): who = "any user except " + list(users, conjunction: "and")
            }
            for clause in d.inAnyOfGroups {
                who += (clause.count == 1 ? " in group " : " in one of groups ") + list(clause, conjunction: "or")
            }
            if !d.inNoneOfGroups.isEmpty {
                who += (d.inNoneOfGroups.count == 1 ? " not in group " : " in none of groups ") + list(d.inNoneOfGroups, conjunction: "and")
            }
            parts.append(who)
        }
        switch d.verbs {
        case .any: break
        case .only(let verbs): parts.append((verbs.count == 1 ? "verb " : "verbs ") + list(verbs, conjunction: "or"))
        case .except(let verbs): parts.append("any verb except " + list(verbs, conjunction: "and"))
        }
        switch d.kind {
        case "nonResource": parts.append(d.paths == "*" ? "any non-resource path" : "non-resource path " + d.paths)
        case "resource": parts.append(resourcePhrase(d))
        default: parts.append("any resource or non-resource request")
        }
        return parts.joined(separator: ", ")
    }

    private static func resourcePhrase(_ d: RequestClassDescription) -> String {
        var text = objectPhrase(resources: d.resources, subresources: d.subresources)
        switch d.apiGroups {
        case .any: if text != "any resource" { text += " in any API group" }
        case .only(let groups) where groups.count == 1: text = "\(DisplayClipping.clipped(groupName(groups[0]))) " + text
        case .only(let groups): text += " in API groups " + list(groups.map(groupName), conjunction: "or")
        case .except(let groups): text += " in any API group except " + list(groups.map(groupName), conjunction: "and")
        }
        switch d.names {
        case .any: break
        case .only(let names): text += names == [""] ? " without a name" : " named " + list(names.map(quoteEmpty), conjunction: "or")
        case .except(let names): text += " not named " + list(names.map(quoteEmpty), conjunction: "or")
        }
        switch d.namespaces {
        case .any: break
        case .only(let namespaces):
            text += namespaces == [""] ? " " + noNamespacePhrase(d) : " in namespace " + list(namespaces.map(quoteEmpty), conjunction: "or")
        case .except(let namespaces): text += " outside namespace " + list(namespaces.map(quoteEmpty), conjunction: "and")
        }
        return text
    }

    /// What an empty namespace means for the class's resources: a cluster-scoped object, or a
    /// request across all namespaces of a namespaced resource (the catalog says which).
    private static func noNamespacePhrase(_ d: RequestClassDescription) -> String {
        guard case .only(let resources) = d.resources, case .only(let groups) = d.apiGroups else { return "(no namespace: cluster-scoped or all namespaces)" }
        let scopes = Set(resources.flatMap { resource in groups.map { APICatalog.builtIn.resource(resource, inGroup: $0)?.namespaced } })
        switch scopes {
        case [false]: return "(cluster-scoped)"
        case [true]: return "(all namespaces)"
        default: return "(no namespace: cluster-scoped or all namespaces)"
        }
    }

    private static func objectPhrase(resources: ValueSet, subresources: ValueSet) -> String {
        switch (resources, subresources) {
        case (.any, .any): return "any resource"
        case (.any, .only([""])): return "any resource (no subresource)"
        case (.only(let names), .only([""])): return list(names.map(quoteEmpty), conjunction: "or")
        case (.only(let names), .any): return list(names, conjunction: "or") + (names.count == 1 ? " and its subresources" : " and their subresources")
        case (.except(let names), .only([""])): return "any resource except " + list(names, conjunction: "and") + " (no subresource)"
        case (.only(let names), .only(let subs)) where names.count * subs.count <= maxListed:
            return list(names.flatMap { name in subs.map { $0.isEmpty ? name : "\(name)/\($0)" } }, conjunction: "or")
        case (.any, .only(let subs)) where !subs.contains(""):
            return list(subs.map { "*/\($0)" }, conjunction: "or")
        default:
            return "resource " + phrase(resources) + " with subresource " + phrase(subresources)
        }
    }

    private static func phrase(_ set: ValueSet) -> String {
        switch set {
        case .any: "any"
        case .only(let values): list(values.map(quoteEmpty), conjunction: "or")
        case .except(let values): "any except " + list(values.map(quoteEmpty), conjunction: "and")
        }
    }

    static func groupName(_ group: String) -> String { group.isEmpty ? "core" : group }

    static func quoteEmpty(_ value: String) -> String { value.isEmpty ? "\"\"" : value }

    /// `a`, `a or b`, `a, b or c`; long lists are cut with a count, long values clipped.
    static func list(_ values: [String], conjunction: String) -> String {
        var shown = values.prefix(maxListed).map(DisplayClipping.clipped)
        var suffix = ""
        if values.count > maxListed {
            shown = Array(shown.prefix(maxListed - 1))
            suffix = " \(conjunction) \(values.count - shown.count) more"
            return shown.joined(separator: ", ") + suffix
        }
        guard shown.count > 1, let last = shown.last else { return shown.first ?? "" }
        return shown.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
