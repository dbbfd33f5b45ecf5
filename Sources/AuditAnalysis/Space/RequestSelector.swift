import AuditPolicy

/// A set of requests described the way an audit rule describes them, with a few additions the
/// checklist needs (requests with no user, API groups and paths that nothing names).
///
/// A policy rule converts to a selector exactly (``init(rule:wildcardGroup:)``); the checklist and
/// the Logs Insights query facts are written as selectors too, so that every question the analysis
/// asks is about the same kind of set.
public struct RequestSelector: Sendable, Hashable {
    /// Which requests by authentication state.
    public enum Authentication: Sendable, Hashable {
        /// Requests with or without an authenticated user.
        case any
        /// Requests with an authenticated user (any user, including `system:anonymous`).
        case authenticated
        /// Requests with no user: kube-apiserver evaluates the policy this way only for requests
        /// whose authentication failed (answered 401).
        case unauthenticated
    }

    /// What the request is for.
    public enum Target: Sendable, Hashable {
        /// Every resource and non-resource request.
        case anyRequest
        /// Resource requests in the namespaces (`""` for cluster-scoped; empty: any) matching one
        /// of the entries (empty: any resource).
        case resources(namespaces: [String], entries: [ResourceEntry])
        /// Non-resource requests whose path matches one of the patterns.
        case nonResource(paths: [PathPattern])
    }

    /// Which API groups an entry applies to.
    public enum GroupSelector: Sendable, Hashable {
        /// One group, compared byte for byte (`""` is the core group).
        case named(String)
        /// Every group (a rule's `group: "*"` from Kubernetes 1.36).
        case any
        /// Every group that no policy and no selector in the analysis names, such as a CRD's group.
        case unmentioned
    }

    /// One `resources` entry: a group, resource patterns (`pods`, `pods/exec`, `*`, `*/status`,
    /// `deployments/*`; empty: every resource of the group) and object names (empty: any name).
    public struct ResourceEntry: Sendable, Hashable {
        public var group: GroupSelector
        public var resources: [String]
        public var names: [String]
        /// When true, each resource is read as `resource` (no subresource) or
        /// `resource/subresource` exactly, `*` for any resource and `*/sub` for a subresource of
        /// any resource, rather than as an audit policy pattern (where `pods/exec` also matches a
        /// resource literally named `pods/exec`, and `res/*` matches `res` itself).
        public var exact: Bool

        public init(group: GroupSelector, resources: [String] = [], names: [String] = [], exact: Bool = false) {
            self.group = group
            self.resources = resources
            self.names = names
            self.exact = exact
        }

        /// An entry for a named group, read as audit policy patterns.
        public static func group(_ group: String, _ resources: [String] = [], names: [String] = []) -> ResourceEntry {
            ResourceEntry(group: .named(group), resources: resources, names: names)
        }
    }

    /// A non-resource URL pattern (`*`, an exact path, or a prefix ending in `*`), or every path
    /// that no pattern in the analysis names.
    public enum PathPattern: Sendable, Hashable {
        case pattern(String)
        case unmentioned
    }

    public var authentication: Authentication
    /// User names (empty: any); non-empty implies an authenticated user.
    public var users: [String]
    /// Groups, any one of which the user must be in (empty: any); non-empty implies an authenticated user.
    public var userGroups: [String]
    /// Verbs (empty: any).
    public var verbs: [String]
    public var target: Target

    public init(authentication: Authentication = .any, users: [String] = [], userGroups: [String] = [], verbs: [String] = [], target: Target = .anyRequest) {
        self.authentication = authentication
        self.users = users
        self.userGroups = userGroups
        self.verbs = verbs
        self.target = target
    }

    /// Resource requests for the entries, with the given verbs.
    public static func resources(_ verbs: [String], _ entries: [ResourceEntry], namespaces: [String] = []) -> RequestSelector {
        RequestSelector(verbs: verbs, target: .resources(namespaces: namespaces, entries: entries))
    }

    /// The requests a policy rule matches.
    ///
    /// Upstream: `pkg/audit/policy/checker.go`, `ruleMatches`: namespaces or resources make a
    /// resource rule, else nonResourceURLs make a non-resource rule, else the rule matches every
    /// request; `group: "*"` matches every group only where `wildcardGroup` (Kubernetes 1.36+).
    public init(rule: CompiledRule, wildcardGroup: Bool) {
        authentication = .any
        users = rule.users
        userGroups = rule.userGroups
        verbs = rule.verbs
        if rule.isResourceRule {
            let entries = rule.resources.map { entry in
                ResourceEntry(
                    group: wildcardGroup && entry.group.utf8.elementsEqual("*".utf8) ? .any : .named(entry.group),
                    resources: entry.resources,
                    names: entry.resources.isEmpty ? [] : entry.resourceNames
                )
            }
            target = .resources(namespaces: rule.namespaces, entries: entries)
        } else if !rule.nonResourceURLs.isEmpty {
            target = .nonResource(paths: rule.nonResourceURLs.map { .pattern($0) })
        } else {
            target = .anyRequest
        }
    }

    /// The selectors of every rule of a policy, in order.
    public static func rules(of policy: CompiledPolicy) -> [RequestSelector] {
        let wildcard = policy.kubernetesVersion.supportsWildcardGroup
        return policy.rules.map { RequestSelector(rule: $0, wildcardGroup: wildcard) }
    }
}
