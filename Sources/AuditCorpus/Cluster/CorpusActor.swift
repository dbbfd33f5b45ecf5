/// A client of kube-apiserver as the audit log sees it: who it authenticates as, where it
/// connects from, its user agent, and why RBAC (or another authorizer) lets it in.
struct CorpusActor {
    let user: CorpusUser
    let sourceIP: String
    let userAgent: String
    /// The `authorization.k8s.io/reason` of its allowed requests.
    let allowReason: String

    /// The same client with another user agent (kube-controller-manager's per-controller suffixes).
    func with(userAgent: String) -> CorpusActor {
        CorpusActor(user: user, sourceIP: sourceIP, userAgent: userAgent, allowReason: allowReason)
    }
}
