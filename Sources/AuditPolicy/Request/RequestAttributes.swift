/// The authenticated user of a request, as the audit policy sees it.
public struct UserInfo: Sendable, Hashable, Codable {
    /// The user name, such as `system:serviceaccount:kube-system:coredns`.
    public var name: String
    /// The groups the user belongs to.
    public var groups: [String]

    public init(name: String, groups: [String] = []) {
        self.name = name
        self.groups = groups
    }
}

/// What the audit policy is evaluated against: kube-apiserver's authorizer attributes.
///
/// Upstream: `k8s.io/apiserver/pkg/endpoints/filters/authorization.go`, `GetAuthorizerAttributes`,
/// which copies these from the request's `RequestInfo` and the authenticated user.
public struct RequestAttributes: Sendable, Hashable, Codable {
    /// The authenticated user, or `nil` for a request without one (failed authentication).
    /// Never the impersonated user: audit runs before impersonation in the handler chain.
    public var user: UserInfo?
    /// The verb: `get`, `list`, `watch`, `create`, ... for resource requests;
    /// the lowercased HTTP method for non-resource requests.
    public var verb: String
    /// The namespace; `""` for cluster-scoped resources and non-resource requests.
    public var namespace: String
    /// The API group; `""` is the core group.
    public var apiGroup: String
    /// The API version, such as `v1`.
    public var apiVersion: String
    /// The resource, such as `pods`.
    public var resource: String
    /// The subresource, such as `exec`; `""` when none.
    public var subresource: String
    /// The object name; `""` for lists and creates.
    public var name: String
    /// The request path, without the query string.
    public var path: String
    /// Whether this is a resource request (as opposed to a non-resource URL such as `/healthz`).
    public var isResourceRequest: Bool

    public init(
        user: UserInfo? = nil,
        verb: String = "",
        namespace: String = "",
        apiGroup: String = "",
        apiVersion: String = "",
        resource: String = "",
        subresource: String = "",
        name: String = "",
        path: String = "",
        isResourceRequest: Bool = false
    ) {
        self.user = user
        self.verb = verb
        self.namespace = namespace
        self.apiGroup = apiGroup
        self.apiVersion = apiVersion
        self.resource = resource
        self.subresource = subresource
        self.name = name
        self.path = path
        self.isResourceRequest = isResourceRequest
    }
}
