import AuditPolicy

/// One-line descriptions of requests, for witnesses in findings.
enum RequestText {
    /// `user "alice" (groups system:authenticated): get secrets "db" in namespace "default"`.
    static func describe(_ request: RequestAttributes) -> String {
        "\(who(request)): \(what(request))"
    }

    /// Who makes the request.
    static func who(_ request: RequestAttributes) -> String {
        guard let user = request.user else { return "an unauthenticated request (no user)" }
        let groups = user.groups.isEmpty ? "no groups" : "groups " + user.groups.joined(separator: ", ")
        return "user \"\(user.name)\" (\(groups))"
    }

    /// What it asks for.
    static func what(_ request: RequestAttributes) -> String {
        let verb = request.verb.isEmpty ? "(no verb)" : request.verb
        guard request.isResourceRequest else { return "\(verb) \(request.path.isEmpty ? "/" : request.path)" }
        var text = verb + " "
        if !request.apiGroup.isEmpty { text += request.apiGroup + " " }
        text += request.resource
        if !request.subresource.isEmpty { text += "/" + request.subresource }
        if !request.name.isEmpty { text += " \"\(request.name)\"" }
        text += request.namespace.isEmpty ? " (cluster-scoped)" : " in namespace \"\(request.namespace)\""
        return text
    }
}
