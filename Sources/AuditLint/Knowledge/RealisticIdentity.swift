import AuditAnalysis
import AuditPolicy

/// Example requests from identities a cluster can really produce.
///
/// The request space treats user names and groups independently, so it holds requests such as
/// user `system:kube-proxy` in group `system:unauthenticated`. Kubernetes' anonymous
/// authenticator is the only source of `system:unauthenticated`, and it always pairs it with the
/// user `system:anonymous` and no other group (k8s.io/apiserver
/// `pkg/authentication/request/anonymous`, `NewAuthenticator`).
///
/// For a class whose example breaks that pairing, lint looks for a realistic request in the class
/// (the same request without `system:unauthenticated`, or from the anonymous identity) and drops
/// the class when neither belongs to it. Probing two requests is an approximation: a class could
/// hold other realistic requests (the report says so).
enum RealisticIdentity {
    static let anonymousUser = "system:anonymous"
    static let unauthenticatedGroup = "system:unauthenticated"

    /// A realistic request of the class, or `nil` when none was found.
    static func witness(of requests: RequestClass) -> RequestAttributes? {
        let witness = requests.witness
        guard let user = witness.user, !isRealistic(user) else { return witness }
        var withoutGroup = witness
        withoutGroup.user = UserInfo(name: user.name, groups: user.groups.filter { $0 != unauthenticatedGroup })
        if let candidate = withoutGroup.user, isRealistic(candidate), requests.contains(withoutGroup) { return withoutGroup }
        var anonymous = witness
        anonymous.user = UserInfo(name: anonymousUser, groups: [unauthenticatedGroup])
        if requests.contains(anonymous) { return anonymous }
        return nil
    }

    static func isRealistic(_ user: UserInfo) -> Bool {
        let anonymousName = user.name == anonymousUser
        let anonymousGroup = user.groups.contains(unauthenticatedGroup)
        if anonymousName != anonymousGroup { return false }
        return !anonymousName || user.groups.allSatisfy { $0 == unauthenticatedGroup }
    }
}
