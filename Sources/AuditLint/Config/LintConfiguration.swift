import AuditPolicy

/// What a `.auditsim.yaml` says about linting: which checks run and how severe they are, the
/// Kubernetes release, the cluster's custom resources, the checklist to hold the policy to and
/// resources whose bodies must not be logged.
public struct LintConfiguration: Sendable {
    /// Which checklist rows coverage checks use.
    public enum ChecklistSelection: Sendable, Hashable {
        /// Every row.
        case all
        /// No row: coverage checks report nothing.
        case none
        /// Only the rows with these IDs.
        case rows([String])
    }

    /// A resource named in the configuration (a custom resource or a sensitive one).
    public struct ResourceReference: Sendable, Hashable {
        /// The API group (`""` for core).
        public var group: String
        /// The resource, or `nil` for every resource of the group.
        public var resource: String?

        public init(group: String, resource: String? = nil) {
            self.group = group
            self.resource = resource
        }
    }

    /// Where the configuration was read from (`nil`: defaults).
    public var path: String?
    /// The Kubernetes release to lint for (`nil`: the command line's, or the newest).
    public var kubernetesVersion: KubernetesVersion?
    /// Checks that do not run.
    public var disabled: Set<String>
    /// Severities that replace checks' own.
    public var severities: [String: Diagnostic.Severity]
    /// Custom resources the cluster serves.
    public var customResources: [APIResource]
    /// Groups whose every resource name is acceptable (custom groups listed without resources).
    public var openGroups: Set<String>
    /// The checklist rows coverage checks use.
    public var checklist: ChecklistSelection
    /// Resources, beyond the built-in ones, whose bodies must not be logged.
    public var sensitiveResources: [ResourceReference]
    /// Where the policy runs (`nil`: not set, the command line's or `generic`).
    public var platform: Platform?

    public init(
        path: String? = nil, kubernetesVersion: KubernetesVersion? = nil, disabled: Set<String> = [],
        severities: [String: Diagnostic.Severity] = [:], customResources: [APIResource] = [], openGroups: Set<String> = [],
        checklist: ChecklistSelection = .all, sensitiveResources: [ResourceReference] = [], platform: Platform? = nil
    ) {
        self.path = path
        self.kubernetesVersion = kubernetesVersion
        self.disabled = disabled
        self.severities = severities
        self.customResources = customResources
        self.openGroups = openGroups
        self.checklist = checklist
        self.sensitiveResources = sensitiveResources
        self.platform = platform
    }

    /// The defaults: every check at its own severity, the full checklist, no custom resources.
    public static let defaults = LintConfiguration()

    /// Whether a check runs.
    public func isEnabled(_ id: String) -> Bool { !disabled.contains(id) }

    /// The built-in catalog with the configured custom resources. Groups of the platform model
    /// (``PlatformModel/groups``) are recognized by ``LintContext`` separately.
    public var catalog: APICatalog {
        if customResources.isEmpty && openGroups.isEmpty { return .builtIn }
        var open: [String: String] = [:]
        for group in openGroups { open[group] = "a custom API group declared in the configuration" }
        return APICatalog.builtIn.adding(customResources, openGroups: open)
    }
}
