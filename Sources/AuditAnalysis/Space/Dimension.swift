/// One attribute of a request that the policy looks at, as a dimension of the request space.
///
/// Group membership is not here: a request's groups are a set, handled by ``GroupConstraint``.
/// Upstream: the attributes `pkg/audit/policy/checker.go` (`ruleMatches`) reads from
/// `authorizer.Attributes`: user, groups, verb, resource or non-resource, namespace, API group,
/// resource, subresource, name, path.
enum Dimension: Int, CaseIterable, Sendable {
    /// Resource request (atom 0) or non-resource request (atom 1).
    case kind
    /// Authenticated user (atom 0) or no user (atom 1, failed authentication).
    case presence
    /// The user's name.
    case user
    case verb
    case namespace
    case apiGroup
    case resource
    case subresource
    case name
    /// The non-resource path.
    case path

    /// Dimensions that only resource requests have.
    static let resourceDimensions: [Dimension] = [.namespace, .apiGroup, .resource, .subresource, .name]
}

/// Atoms of the two-valued dimensions.
enum KindAtom {
    static let resource = 0
    static let nonResource = 1
}

enum PresenceAtom {
    static let authenticated = 0
    static let noUser = 1
}
