/// The built-in resources of Kubernetes 1.23 to 1.36, for command-line lookups and lint checks.
///
/// Source: the resources kube-apiserver registers (k8s.io/kubernetes `pkg/registry/*/rest/storage_*.go`,
/// `kubectl api-resources` output) and the Kubernetes deprecation guide for removals.
/// Only generally available and beta-by-default groups are listed; alpha APIs are off by default.
public struct APICatalog: Sendable {
    /// Every resource in the catalog.
    public let resources: [APIResource]

    public init(resources: [APIResource]) { self.resources = resources }

    /// The built-in catalog.
    public static let builtIn = APICatalog(resources: BuiltInResources.all)

    /// Resources the release serves.
    public func served(in version: KubernetesVersion) -> [APIResource] {
        resources.filter { $0.isServed(in: version) }
    }

    /// Finds a resource by plural name, singular name or short name, preferring core and then
    /// the group named, as kubectl does for `kubectl get NAME`.
    public func lookup(_ name: String, group: String? = nil, version: KubernetesVersion = .latest) -> APIResource? {
        let candidates = served(in: version).filter { $0.name == name || $0.aliases.contains(name) }
        if let group { return candidates.first { $0.group == group } }
        return candidates.first { $0.group == "" } ?? candidates.first
    }

    /// API groups the release serves.
    public func groups(in version: KubernetesVersion) -> Set<String> {
        Set(served(in: version).map(\.group))
    }
}
