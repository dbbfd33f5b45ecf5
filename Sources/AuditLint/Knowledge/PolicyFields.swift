import AuditPolicy

/// The fields of each object in an audit policy file, and the unknown fields the loader reported.
///
/// Upstream: `k8s.io/apiserver/pkg/apis/audit/v1/types.go` (`Policy`, `PolicyRule`,
/// `GroupResources`; field names are case-sensitive JSON names).
enum PolicyFields {
    /// The objects that hold fields.
    enum Object: Equatable {
        case policy
        case metadata
        case rule(index: Int)
        case resourceEntry(rule: Int, entry: Int)

        var knownFields: [String] {
            switch self {
            case .policy: ["apiVersion", "kind", "metadata", "rules", "omitStages", "omitManagedFields"]
            case .metadata: ["name", "namespace", "labels", "annotations", "creationTimestamp", "generateName", "uid", "resourceVersion"]
            case .rule: PolicyFields.ruleFields
            case .resourceEntry: PolicyFields.entryFields
            }
        }

        var name: String {
            switch self {
            case .policy: "the policy"
            case .metadata: "metadata"
            case .rule(let index): "rules[\(index)]"
            case .resourceEntry(let rule, let entry): "rules[\(rule)].resources[\(entry)]"
            }
        }
    }

    static let ruleFields = ["level", "users", "userGroups", "verbs", "resources", "namespaces", "nonResourceURLs", "omitStages", "omitManagedFields"]
    static let entryFields = ["group", "resources", "resourceNames"]
    /// Rule fields that narrow what a rule matches: dropping one widens the rule.
    static let ruleSelectors = ["users", "userGroups", "verbs", "resources", "namespaces", "nonResourceURLs"]

    /// Names people write for a field, beyond misspellings: RBAC habits and singulars.
    static let aliases: [String: String] = [
        "user": "users", "username": "users", "usernames": "users",
        "group": "userGroups", "groups": "userGroups", "usergroup": "userGroups", "usergroups": "userGroups",
        "verb": "verbs",
        "resource": "resources",
        "namespace": "namespaces",
        "nonresourceurl": "nonResourceURLs", "nonresourceurls": "nonResourceURLs",
        "resourcename": "resourceNames", "resourcenames": "resourceNames", "names": "resourceNames",
        "apigroup": "group", "apigroups": "group",
        "omitstage": "omitStages", "omitstages": "omitStages",
        "omitmanagedfield": "omitManagedFields", "omitmanagedfields": "omitManagedFields",
    ]

    /// One unknown field the loader reported.
    struct UnknownField {
        var object: Object
        var name: String
        var finding: Diagnostic
    }

    /// The unknown fields in the loader's findings (code AP010, message `unknown field "PATH"`).
    static func unknownFields(in diagnostics: [Diagnostic]) -> [UnknownField] {
        diagnostics.compactMap { diagnostic in
            guard diagnostic.code == LoaderCode.unknownField, let path = quotedPath(diagnostic.message) else { return nil }
            return parse(path).map { UnknownField(object: $0.object, name: $0.name, finding: diagnostic) }
        }
    }

    /// The known field a misspelled or misnamed field most likely means.
    static func intendedField(_ name: String, among known: [String]) -> String? {
        if known.contains(name) { return name }
        if let alias = aliases[name.lowercased()], known.contains(alias) { return alias }
        return Suggestions.closest(to: name, in: known)
    }

    private static func quotedPath(_ message: String) -> String? {
        guard let open = message.range(of: "unknown field \"") else { return nil }
        let rest = message[open.upperBound...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }

    /// Splits `rules[2].resources[4].resource` into the object and the field name.
    private static func parse(_ path: String) -> (object: Object, name: String)? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.last else { return nil }
        let prefix = parts.dropLast()
        switch prefix.count {
        case 0: return (.policy, name)
        case 1 where prefix[0] == "metadata": return (.metadata, name)
        case 1: return index(prefix[0], named: "rules").map { (.rule(index: $0), name) }
        case 2:
            guard let rule = index(prefix[0], named: "rules"), let entry = index(prefix[1], named: "resources") else { return nil }
            return (.resourceEntry(rule: rule, entry: entry), name)
        default: return nil
        }
    }

    private static func index(_ part: String, named name: String) -> Int? {
        guard part.hasPrefix(name + "["), part.hasSuffix("]") else { return nil }
        return Int(part.dropFirst(name.count + 1).dropLast())
    }
}
