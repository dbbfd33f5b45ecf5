extension CorpusObjectRef {
    /// The objectRef of a resource request, as kube-apiserver fills it from the URL
    /// (pkg/audit/request.go `LogRequestMetadata`): resource, namespace, name, group,
    /// version, subresource.
    static func resource(_ resource: String, namespace: String = "", name: String = "", group: String = "",
                         version: String = "v1", subresource: String = "") -> CorpusObjectRef {
        CorpusObjectRef(resource: resource, namespace: namespace, name: name, apiGroup: group,
                        apiVersion: version, subresource: subresource)
    }

    /// The URL path of this reference (`/api/v1/...` for the core group, `/apis/GROUP/VERSION/...` otherwise).
    var path: String {
        var path = apiGroup.isEmpty ? "/api/\(apiVersion)" : "/apis/\(apiGroup)/\(apiVersion)"
        if !namespace.isEmpty { path += "/namespaces/\(namespace)" }
        path += "/\(resource)"
        if !name.isEmpty { path += "/\(name)" }
        if !subresource.isEmpty { path += "/\(subresource)" }
        return path
    }
}
