/// One request on one line, as every report prints it: kubectl-like and safe for a terminal.
///
/// - `get secrets db -n default as alice (groups: dev, system:authenticated)`
/// - `list deployments.apps (all namespaces) as ...`: no namespace, but the resource is namespaced
/// - `get nodes/status ip-10-0-1-5 (cluster-scoped) as ...`
/// - `GET /healthz as ...` for a non-resource request (its verb is the lowercased HTTP method)
/// - `... with no user (failed authentication)` when nothing authenticated the request
///
/// Every string from the request goes through `TerminalEscaping.escaped`, and a very long one is
/// clipped (`DisplayClipping`).
public enum RequestDescription {
    /// What is asked and who asks.
    public static func text(_ request: RequestAttributes, catalog: APICatalog = .builtIn) -> String {
        what(request, catalog: catalog) + " " + who(request)
    }

    /// What is asked: `get secrets db -n default`, `GET /healthz`.
    public static func what(_ request: RequestAttributes, catalog: APICatalog = .builtIn) -> String {
        let clip = DisplayClipping.clipped
        guard request.isResourceRequest else {
            let method = request.verb.isEmpty ? "(no verb)" : clip(request.verb.uppercased())
            return TerminalEscaping.escaped(method) + " " + TerminalEscaping.escaped(request.path.isEmpty ? "/" : clip(request.path))
        }
        var text = request.verb.isEmpty ? "(no verb)" : clip(request.verb)
        text += " " + clip(request.apiGroup.isEmpty ? request.resource : request.resource + "." + request.apiGroup)
        if !request.subresource.isEmpty { text += "/" + clip(request.subresource) }
        if !request.name.isEmpty { text += " " + clip(request.name) }
        let isNamespaceItself = request.apiGroup.isEmpty && request.resource == "namespaces" && request.namespace == request.name
        if !request.namespace.isEmpty, !isNamespaceItself {
            text += " -n " + clip(request.namespace)
        } else if request.namespace.isEmpty {
            switch catalog.resource(request.resource, inGroup: request.apiGroup)?.namespaced {
            case true?: text += " (all namespaces)"
            case false?: text += " (cluster-scoped)"
            case nil: text += " (no namespace)"
            }
        }
        return TerminalEscaping.escaped(text)
    }

    /// Who asks: `as alice (groups: dev, system:authenticated)`.
    public static func who(_ request: RequestAttributes) -> String {
        guard let user = request.user else { return "with no user (failed authentication)" }
        let groups = user.groups.isEmpty ? "no groups" : "groups: " + user.groups.map(DisplayClipping.clipped).joined(separator: ", ")
        return TerminalEscaping.escaped("as \(DisplayClipping.clipped(user.name)) (\(groups))")
    }
}
