/// An attribute events are broken down by.
public enum BreakdownDimension: String, Sendable, CaseIterable, Codable {
    case rule, resource, verb, user, identity, namespace

    /// The plural used in headings ("resources").
    public var plural: String {
        switch self {
        case .rule: "rules"
        case .resource: "resources"
        case .verb: "verbs"
        case .user: "users"
        case .identity: "identities (service accounts and nodes grouped)"
        case .namespace: "namespaces"
        }
    }
}
