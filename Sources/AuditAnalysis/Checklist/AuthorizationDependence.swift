import AuditPolicy

/// How a checklist row depends on authorization, which an audit policy cannot see.
///
/// Any authenticated request can be answered 403 or carry impersonation headers; whether a
/// given one can is decided by RBAC (`k8s.io/apiserver` `pkg/endpoints/filters/authorization.go`,
/// `WithAuthorization`, and `impersonation.go`, `WithImpersonation`, both run after the audit
/// filter has chosen the level). A `level: None` rule therefore always leaves a gap in such rows,
/// and a policy alone cannot say whether the gap matters: these rows are advisory.
public enum AuthorizationDependence: String, Sendable, Hashable, Codable {
    /// Every gap in the row depends on what RBAC grants (403 answers, impersonation).
    case always
    /// Gaps are advisory only when the requests are limited to named identities, whose RBAC
    /// decides whether the requests are routine (a CNI agent listing pods). Quieting the same
    /// requests for every user is a real gap (enumeration by anyone).
    case namedIdentities
}

/// Requests that no RBAC configuration makes safe to quiet: whoever sends them, security tooling
/// needs to see them. Secret reads and writes, exec and attach (also over WebSocket, verb get),
/// service account tokens and token reviews, and RBAC objects. A regression in an
/// authorization-dependent row that reaches any of them always gates.
public enum NeverSafeToQuiet {
    public static let selectors: [RequestSelector] = [
        RequestSelector(authentication: .authenticated, target: .resources(namespaces: [], entries: [
            exact("", ["secrets", "pods/exec", "pods/attach", "serviceaccounts/token"]),
            exact("authentication.k8s.io", ["tokenreviews"]),
            exact("rbac.authorization.k8s.io", []),
        ])),
    ]

    private static func exact(_ group: String, _ resources: [String]) -> RequestSelector.ResourceEntry {
        RequestSelector.ResourceEntry(group: .named(group), resources: resources, exact: true)
    }

    /// Whether a shortfall of `item` over `requests` depends only on authorization: the row says
    /// so, no request in the class is one no RBAC makes safe (`neverSafe`: the cubes of
    /// ``selectors`` in the class's space), and, for rows that need it, the class is limited to
    /// named identities (a user that no policy names is not in it).
    static func isAdvisory(_ requests: RequestClass, item: ChecklistItem, neverSafe: [Cube]) -> Bool {
        guard let dependence = item.authorization else { return false }
        let space = requests.space
        if neverSafe.contains(where: { space.layout.intersection(requests.cube, $0).flatMap(space.realisticPart) != nil }) { return false }
        switch dependence {
        case .always: return true
        case .namedIdentities:
            var anyone = requests.witness
            anyone.user = UserInfo(name: unnamedUser, groups: ["system:authenticated"])
            return !requests.contains(anyone)
        }
    }

    /// An identity no policy names, to ask whether a class of requests is limited to named identities.
    private static let unnamedUser = "auditsim:probe:unnamed-user"
}
