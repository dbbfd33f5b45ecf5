/// The non-resource URLs kube-apiserver serves (requests to other paths are still audited; they
/// are answered 404).
///
/// Sources: the handlers kube-apiserver installs (k8s.io/apiserver `pkg/server/config.go`,
/// `installAPI`: `/`, `/healthz`, `/livez`, `/readyz` and their per-check subpaths, `/version`,
/// `/metrics`, `/metrics/slis`, `/debug/pprof`, `/debug/flags`, `/debug/api_priority_and_fairness`;
/// `/openapi/v2` and `/openapi/v3`; API discovery under `/api` and `/apis`), the service account
/// issuer discovery endpoints (`/.well-known/openid-configuration`, `/openid/v1/jwks`), and
/// kube-apiserver's `/logs` handler. The swagger documents (`/swagger.json`, `/swagger-2.0.0.pb-v1`, `/swaggerapi`) were gone by Kubernetes 1.14.
public enum NonResourcePaths {
    /// A path kube-apiserver serves, and whether everything under it is served too.
    public struct Entry: Sendable, Hashable {
        /// The path, such as `/healthz`.
        public var path: String
        /// Whether subpaths (`/healthz/etcd`) are served as well.
        public var hasSubpaths: Bool
        /// The release that stopped serving it, if it is gone.
        public var removedIn: Int?

        public init(_ path: String, hasSubpaths: Bool = false, removedIn: Int? = nil) {
            self.path = path
            self.hasSubpaths = hasSubpaths
            self.removedIn = removedIn
        }
    }

    /// Every known path.
    public static let all: [Entry] = [
        Entry("/"),
        Entry("/api", hasSubpaths: true),
        Entry("/apis", hasSubpaths: true),
        Entry("/healthz", hasSubpaths: true),
        Entry("/livez", hasSubpaths: true),
        Entry("/readyz", hasSubpaths: true),
        Entry("/version"),
        Entry("/metrics"),
        Entry("/metrics/slis"),
        Entry("/openapi/v2"),
        Entry("/openapi/v3", hasSubpaths: true),
        Entry("/.well-known/openid-configuration"),
        Entry("/openid/v1/jwks"),
        Entry("/logs", hasSubpaths: true),
        Entry("/debug/pprof", hasSubpaths: true),
        Entry("/debug/flags", hasSubpaths: true),
        Entry("/debug/api_priority_and_fairness", hasSubpaths: true),
        Entry("/swagger.json", removedIn: 14),
        Entry("/swagger-2.0.0.pb-v1", removedIn: 14),
        Entry("/swagger-2.0.0.json", removedIn: 14),
        Entry("/swaggerapi", hasSubpaths: true, removedIn: 14),
        Entry("/swagger-ui", hasSubpaths: true, removedIn: 14),
        Entry("/ui", hasSubpaths: true, removedIn: 10),
    ]

    /// What a rule's non-resource URL pattern can reach.
    public enum Reach: Sendable, Hashable {
        /// It matches at least one path kube-apiserver serves.
        case served
        /// It only matches paths that were removed, in the given release.
        case removed(in: Int)
        /// It matches no path kube-apiserver serves.
        case unserved
    }

    /// Whether a pattern (`*`, an exact path, or a prefix ending in `*`) can match a served path.
    public static func reach(of pattern: String, in version: KubernetesVersion) -> Reach {
        if pattern == "*" { return .served }
        var removal: Int?
        for entry in all {
            guard reaches(pattern, entry) else { continue }
            if let removedIn = entry.removedIn, version.minor >= removedIn {
                removal = max(removal ?? 0, removedIn)
            } else {
                return .served
            }
        }
        return removal.map { .removed(in: $0) } ?? .unserved
    }

    private static func reaches(_ pattern: String, _ entry: Entry) -> Bool {
        if pattern.hasSuffix("*") {
            var prefix = Substring(pattern)
            while prefix.hasSuffix("*") { prefix = prefix.dropLast() }
            // The prefix may end inside the entry's path, or inside one of its subpaths.
            if entry.path.hasPrefix(prefix) { return true }
            return entry.hasSubpaths && prefix.hasPrefix(entry.path + "/")
        }
        if pattern == entry.path { return true }
        return entry.hasSubpaths && pattern.hasPrefix(entry.path + "/")
    }

    /// The served paths, for suggestions.
    public static func servedPaths(in version: KubernetesVersion) -> [String] {
        all.filter { entry in entry.removedIn.map { version.minor < $0 } ?? true }.map(\.path)
    }
}
