import AuditPolicy

/// How a request is named in each breakdown.
enum RequestKeys {
    /// `pods`, `pods/exec`, `deployments.apps`, `deployments.apps/scale` (kubectl's
    /// `resource.group` form); the path for a non-resource request.
    static func resource(_ request: RequestAttributes) -> String {
        guard request.isResourceRequest else { return request.path.isEmpty ? "/" : request.path }
        return resource(group: request.apiGroup, resource: request.resource, subresource: request.subresource)
    }

    /// `pods`, `pods/exec`, `deployments.apps`, `deployments.apps/scale`.
    static func resource(group: String, resource: String, subresource: String) -> String {
        var key = resource.isEmpty ? "(no resource)" : resource
        if !group.isEmpty { key += "." + group }
        if !subresource.isEmpty { key += "/" + subresource }
        return key
    }

    /// The namespace, or `(cluster-scoped)`, or `(non-resource)`.
    static func namespace(_ request: RequestAttributes) -> String {
        guard request.isResourceRequest else { return "(non-resource)" }
        return request.namespace.isEmpty ? "(cluster-scoped)" : request.namespace
    }

    /// The verb, or `(no verb)`.
    static func verb(_ request: RequestAttributes) -> String {
        request.verb.isEmpty ? "(no verb)" : request.verb
    }

    /// The authenticated user's name; `(unauthenticated)` when authentication failed.
    static func user(_ request: RequestAttributes) -> String {
        guard let user = request.user else { return unauthenticated }
        return user.name.isEmpty ? "(no name)" : user.name
    }

    /// The user, with service accounts grouped by namespace (`system:serviceaccount:NS:*`) and
    /// nodes grouped (`system:node:*`): the identities Kubernetes gives them
    /// (`k8s.io/apiserver/pkg/authentication/serviceaccount`, `MakeUsername`; the Node
    /// authorizer's `system:node:NAME`).
    static func identity(_ request: RequestAttributes) -> String {
        let name = user(request)
        let serviceAccountPrefix = "system:serviceaccount:"
        if name.hasPrefix(serviceAccountPrefix) {
            let rest = name.dropFirst(serviceAccountPrefix.count)
            if let colon = rest.firstIndex(of: ":") { return serviceAccountPrefix + rest[..<colon] + ":*" }
        }
        if name.hasPrefix("system:node:") { return "system:node:*" }
        return name
    }

    /// The user key of failed authentication.
    static let unauthenticated = "(unauthenticated)"
}
