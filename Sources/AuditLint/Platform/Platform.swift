/// Where a policy runs. The platform decides which identities and resources can occur: a rule
/// for an identity the platform never uses, or for resources its components no longer request,
/// never fires there. `generic` is any conformant cluster.
public enum Platform: String, Sendable, Hashable, CaseIterable, Codable {
    case generic, eks, gke, aks, openshift

    /// A name for messages.
    public var title: String {
        switch self {
        case .generic: "a generic cluster"
        case .eks: "Amazon EKS"
        case .gke: "Google GKE"
        case .aks: "Azure AKS"
        case .openshift: "OpenShift"
        }
    }

    /// Every platform but `generic`.
    public static let specific: [Platform] = allCases.filter { $0 != .generic }
}

/// Where a fact of the platform model comes from, and whether it was checked against that source
/// (an entry that could not be checked says so, and checks word its findings accordingly).
public struct PlatformSource: Sendable, Hashable {
    /// The upstream file, function or document relied on.
    public var reference: String
    /// Whether the entry was checked against the source's text.
    public var verified: Bool

    public init(_ reference: String, verified: Bool) {
        self.reference = reference
        self.verified = verified
    }
}
