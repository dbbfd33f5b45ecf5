import AuditPolicy
import Synchronization

/// The built-in catalog's resources served in one release, most common first, as witnesses
/// show them: computed once per release and shared by every ``WitnessBuilder`` (a lint run
/// builds several, and sorting the catalog each time cost more than a small policy's analysis).
struct CatalogOrder: Sendable {
    /// The first served resource (most common first) for each `group/name`.
    let byName: [String: APIResource]
    /// Each served resource, most common first (then in catalog order), and each of its
    /// subresources, in that order.
    let targets: [WitnessBuilder.Target]

    private static let cache = Mutex<[KubernetesVersion: CatalogOrder]>([:])

    /// The order for `version`.
    static func served(in version: KubernetesVersion) -> CatalogOrder {
        if let known = cache.withLock({ $0[version] }) { return known }
        let built = CatalogOrder(version: version)
        return cache.withLock { stored in
            if let known = stored[version] { return known }
            stored[version] = built
            return built
        }
    }

    private init(version: KubernetesVersion) {
        let served = APICatalog.builtIn.served(in: version)
        let popular = WitnessBuilder.popularResources
        let rank = Dictionary(popular.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = served.enumerated().sorted { lhs, rhs in
            let left = rank[lhs.element.name] ?? popular.count + lhs.offset
            let right = rank[rhs.element.name] ?? popular.count + rhs.offset
            return left < right
        }.map(\.element)
        var byName: [String: APIResource] = [:]
        for entry in ordered where byName[entry.group + "/" + entry.name] == nil { byName[entry.group + "/" + entry.name] = entry }
        self.byName = byName
        targets = ordered.flatMap { entry in
            ([""] + entry.subresources).map { subresource in
                WitnessBuilder.Target(
                    group: entry.group, version: entry.version, resource: entry.name, subresource: subresource, namespaced: entry.namespaced,
                    verbs: subresource.isEmpty ? entry.verbs : entry.verbs(ofSubresource: subresource)
                )
            }
        }
    }
}
