/// A resource a Kubernetes API server serves.
public struct APIResource: Sendable, Hashable, Codable {
    /// The API group (`""` for core).
    public var group: String
    /// The preferred version, such as `v1`.
    public var version: String
    /// The plural resource name, such as `deployments`.
    public var name: String
    /// Whether objects live in a namespace.
    public var namespaced: Bool
    /// Subresources, such as `status` or `exec`.
    public var subresources: [String]
    /// kubectl short names and the singular name, for command-line lookups.
    public var aliases: [String]
    /// The first release serving it (for resources newer than the oldest modelled release).
    public var since: Int?
    /// The first release no longer serving it.
    public var removedIn: Int?

    public init(group: String, version: String, name: String, namespaced: Bool, subresources: [String] = [], aliases: [String] = [], since: Int? = nil, removedIn: Int? = nil) {
        self.group = group
        self.version = version
        self.name = name
        self.namespaced = namespaced
        self.subresources = subresources
        self.aliases = aliases
        self.since = since
        self.removedIn = removedIn
    }

    /// Whether the release `version` serves this resource.
    public func isServed(in version: KubernetesVersion) -> Bool {
        if let since, version.minor < since { return false }
        if let removedIn, version.minor >= removedIn { return false }
        return true
    }
}
