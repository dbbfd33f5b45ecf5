/// The API groups, resources, subresources, scopes and verbs Kubernetes serves, release by release,
/// for command-line lookups and lint checks.
///
/// The built-in catalog describes Kubernetes 1.23 to 1.36 (`describedVersions`), with resources
/// removed earlier kept as removed, and the well-known add-ons of EKS clusters flagged by project.
/// A lint configuration adds the cluster's own custom resources with `adding(_:)`.
public struct APICatalog: Sendable {
    /// Every resource in the catalog.
    public let resources: [APIResource]
    /// Groups whose resources are defined at run time, so that any resource name may be valid,
    /// with what serves them.
    public let openGroups: [String: String]

    private let byGroup: [String: [APIResource]]
    /// Every group the catalog knows (in any release), open groups included.
    public let knownGroups: Set<String>

    public init(resources: [APIResource], openGroups: [String: String] = [:]) {
        self.resources = resources
        self.openGroups = openGroups
        byGroup = Dictionary(grouping: resources, by: \.group)
        knownGroups = Set(byGroup.keys).union(openGroups.keys)
    }

    /// The Kubernetes releases the built-in data describes.
    public static let describedVersions: ClosedRange<Int> = KubernetesVersion.supported

    /// Where the built-in data comes from.
    public static let sources = [
        "Kubernetes API types per release: kubernetes/api tags v0.23.0 to v0.36.0 (group versions, +genclient scope and subresource tags, GA versus alpha/beta packages)",
        "kube-apiserver discovery documents: kubernetes/kubernetes api/discovery/*.json (subresources, verbs, short names)",
        "Kubernetes deprecated API migration guide (removals), and KEP-3136 (beta APIs new from 1.24 are off by default)",
        "add-ons: metrics-server (metrics.k8s.io), CRDs installed on EKS clusters (Amazon VPC CNI, VPC resource controller, AWS Load Balancer Controller, EKS Auto Mode, Karpenter), CSI external-snapshotter, Gateway API",
    ]

    /// The built-in catalog: Kubernetes' own resources and the well-known add-ons.
    public static let builtIn = APICatalog(resources: BuiltInResources.all + AddOnResources.all, openGroups: AddOnResources.openGroups)

    /// The catalog with `extra` resources added (custom resources the cluster serves).
    /// An extra resource replaces a built-in one with the same group and name.
    public func adding(_ extra: [APIResource], openGroups extraOpen: [String: String] = [:]) -> APICatalog {
        let replaced = Set(extra.map { "\($0.group)/\($0.name)" })
        let kept = resources.filter { !replaced.contains("\($0.group)/\($0.name)") }
        return APICatalog(resources: kept + extra, openGroups: openGroups.merging(extraOpen) { _, new in new })
    }

    /// Resources the release serves by default.
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

    /// API groups kube-apiserver itself serves by default in the release (add-on groups excluded).
    public func groups(in version: KubernetesVersion) -> Set<String> {
        Set(served(in: version).filter { $0.origin == .kubernetes }.map(\.group))
    }

    /// Every resource of a group that the catalog knows, in any release.
    public func resources(inGroup group: String) -> [APIResource] {
        byGroup[group] ?? []
    }

    /// The resource `name` of `group`, if the catalog knows it in any release.
    public func resource(_ name: String, inGroup group: String) -> APIResource? {
        byGroup[group]?.first { $0.name == name }
    }

    /// Whether any resource name is plausible in the group.
    public func isOpenGroup(_ group: String) -> Bool { openGroups[group] != nil }

    /// Who serves a group: the origin of its resources (Kubernetes wins over add-ons).
    public func origin(ofGroup group: String) -> APIResource.Origin? {
        guard let members = byGroup[group], let first = members.first else {
            return openGroups[group].map { .addOn($0) }
        }
        if members.contains(where: { $0.origin == .custom }) { return .custom }
        if members.contains(where: { $0.origin == .kubernetes }) { return .kubernetes }
        return first.origin
    }

    /// How the release serves a group: served when any of its resources is served; otherwise the
    /// best of the resources' states (opt-in, then not yet, then removed most recently).
    public func availability(ofGroup group: String, in version: KubernetesVersion) -> APIResource.Availability? {
        if isOpenGroup(group) { return .served }
        guard let members = byGroup[group], !members.isEmpty else { return nil }
        let states = members.map { $0.availability(in: version) }
        if states.contains(.served) { return .served }
        if states.contains(.optIn) { return .optIn }
        let upcoming = states.compactMap { state -> Int? in if case .notYet(let since) = state { since } else { nil } }
        if let soonest = upcoming.min() { return .notYet(since: soonest) }
        let removals = states.compactMap { state -> Int? in if case .removed(let release) = state { release } else { nil } }
        return removals.max().map { .removed(in: $0) }
    }
}
