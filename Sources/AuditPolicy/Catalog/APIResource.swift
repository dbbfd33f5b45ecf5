/// A resource an API server serves: its group, scope, subresources, verbs and the releases that serve it.
public struct APIResource: Sendable, Hashable, Codable {
    /// Who serves a resource.
    public enum Origin: Sendable, Hashable, Codable, CustomStringConvertible {
        /// kube-apiserver itself (a built-in API).
        case kubernetes
        /// A widely installed add-on (an aggregated API server or a CRD), named by its project.
        case addOn(String)
        /// A custom resource declared in the lint configuration.
        case custom

        public var description: String {
            switch self {
            case .kubernetes: "Kubernetes"
            case .addOn(let project): project
            case .custom: "configuration"
            }
        }
    }

    /// Whether a release serves a resource.
    public enum Availability: Sendable, Hashable {
        /// Served by default.
        case served
        /// Known to the release but served only when an alpha feature gate or a disabled-by-default
        /// API version is turned on.
        case optIn
        /// First served (by default) in a later release.
        case notYet(since: Int)
        /// No longer served since the given release.
        case removed(in: Int)
    }

    /// The verbs most resources support (discovery's list for a full CRUD resource).
    public static let standardVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
    /// The verbs of review-style resources that only accept `create`.
    public static let createOnly = ["create"]

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
    /// kubectl short names and the singular name, for command-line lookups and suggestions.
    public var aliases: [String]
    /// The first release serving it by default; `nil` when every modelled release does.
    public var since: Int?
    /// The first release no longer serving it.
    public var removedIn: Int?
    /// The first release that knows it behind a feature gate or a disabled-by-default API version,
    /// when that is earlier than `since` (or when no modelled release serves it by default).
    public var optInSince: Int?
    /// Whether no modelled release serves it by default (alpha, or beta APIs that are off by default).
    public var optInOnly: Bool
    /// The verbs the resource itself supports, as discovery lists them.
    public var verbs: [String]
    /// Who serves it.
    public var origin: Origin

    public init(
        group: String, version: String, name: String, namespaced: Bool,
        subresources: [String] = [], aliases: [String] = [],
        since: Int? = nil, removedIn: Int? = nil, optInSince: Int? = nil, optInOnly: Bool = false,
        verbs: [String] = APIResource.standardVerbs, origin: Origin = .kubernetes
    ) {
        self.group = group
        self.version = version
        self.name = name
        self.namespaced = namespaced
        self.subresources = subresources
        self.aliases = aliases
        self.since = since
        self.removedIn = removedIn
        self.optInSince = optInSince
        self.optInOnly = optInOnly
        self.verbs = verbs
        self.origin = origin
    }

    /// Whether the release `version` serves this resource by default.
    public func isServed(in version: KubernetesVersion) -> Bool {
        availability(in: version) == .served
    }

    /// How the release `version` serves this resource.
    public func availability(in version: KubernetesVersion) -> Availability {
        if let removedIn, version.minor >= removedIn { return .removed(in: removedIn) }
        let optInFrom = optInSince ?? 0
        if optInOnly { return version.minor >= optInFrom ? .optIn : .notYet(since: optInFrom) }
        if let since, version.minor < since {
            return version.minor >= optInFrom && optInSince != nil ? .optIn : .notYet(since: since)
        }
        return .served
    }

    /// The verbs a subresource of this resource supports (empty for an unknown subresource).
    public func verbs(ofSubresource subresource: String) -> [String] {
        guard subresources.contains(subresource) else { return [] }
        return APISubresourceVerbs.verbs(of: subresource)
    }

    /// `group/name`, or `name` for the core group, as kubectl writes it.
    public var qualifiedName: String { group.isEmpty ? name : "\(name).\(group)" }
}

/// The verbs each kind of subresource supports, as kube-apiserver's discovery lists them
/// (for example `/api/v1` in kubernetes/kubernetes `api/discovery/api__v1.json`).
public enum APISubresourceVerbs {
    /// The verbs of a subresource by its name.
    public static func verbs(of subresource: String) -> [String] {
        switch subresource {
        case "status", "scale", "approval", "ephemeralcontainers", "resize": ["get", "patch", "update"]
        case "exec", "attach", "portforward": ["create", "get"]
        case "proxy": ["create", "delete", "get", "patch", "update"]
        case "log": ["get"]
        case "finalize": ["update"]
        case "eviction", "binding", "token", "checkpoint": ["create"]
        default: ["get", "patch", "update"]
        }
    }
}
