/// The verbs an audit policy can see, and verbs that only exist elsewhere in Kubernetes.
///
/// Upstream: `pkg/endpoints/request/requestinfo.go`, `NewRequestInfo`. A resource request's verb
/// comes from its HTTP method (POST create, GET and HEAD get, PUT update, PATCH patch, DELETE
/// delete; any other method gives the empty verb), refined to list, watch or deletecollection when
/// there is no object name, or taken from the legacy `/watch/` and `/proxy/` path prefixes.
/// A non-resource request's verb is its HTTP method in lower case. The audit policy is evaluated on
/// these attributes (`pkg/endpoints/filters/audit.go`), so it never sees the verbs that authorizers
/// check on their own (RBAC's `bind` and `escalate`, `impersonate`, `approve`, `sign`, `use`, ...).
public enum RequestVerbs {
    /// Every verb a resource request can have.
    public static let resourceVerbs = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "proxy"]

    /// The verbs of non-resource requests made with the standard HTTP methods (`head` stays `head`).
    public static let nonResourceVerbs = ["get", "head", "post", "put", "patch", "delete", "options", "connect", "trace"]

    /// Verbs that appear in RBAC rules or authorization checks but never as a request's verb,
    /// with what they are for.
    public static let authorizationOnlyVerbs: [String: String] = [
        "*": "RBAC's wildcard; audit policy verbs are compared exactly, so `*` only matches the literal verb `*`",
        "impersonate": "checked by the impersonation filter; the audited request keeps its own verb (get, create, ...)",
        "bind": "checked by RBAC when a role binding is created or updated; the request's verb is create, update or patch",
        "escalate": "checked by RBAC when a role is created or updated; the request's verb is create, update or patch",
        "approve": "checked when a certificate signing request is approved; the request is an update of certificatesigningrequests/approval",
        "sign": "checked when a signer issues a certificate; the request is an update of certificatesigningrequests/status",
        "use": "checked by admission (PodSecurityPolicy, removed in 1.25); the request's verb is create or update",
        "attest": "checked when a ClusterTrustBundle is written; the request's verb is create or update",
        "nodes/proxy": "a resource, not a verb",
    ]
}
