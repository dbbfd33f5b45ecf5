/// An audit `Policy` (audit.k8s.io) as written in its file, before validation.
///
/// Values are kept as written (levels and stages are strings here) so that validation can
/// report exactly what kube-apiserver would refuse, each value with its source location.
/// Upstream: `k8s.io/apiserver/pkg/apis/audit/v1/types.go`, `Policy`.
public struct Policy: Sendable {
    /// The `apiVersion` field, if present.
    public var apiVersion: Located<String>?
    /// The `kind` field, if present.
    public var kind: Located<String>?
    /// The rules in order; the first one that matches a request decides.
    public var rules: [PolicyRule]
    /// Where the `rules` key is, if present.
    public var rulesLocation: SourceLocation?
    /// Stages omitted for every request, as written.
    public var omitStages: [Located<String>]
    /// Whether managedFields are stripped from bodies unless a rule says otherwise.
    public var omitManagedFields: Bool
    /// Where the policy document starts.
    public var location: SourceLocation

    public init(
        apiVersion: Located<String>? = nil,
        kind: Located<String>? = nil,
        rules: [PolicyRule] = [],
        rulesLocation: SourceLocation? = nil,
        omitStages: [Located<String>] = [],
        omitManagedFields: Bool = false,
        location: SourceLocation = SourceLocation(line: 1, column: 1)
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.rules = rules
        self.rulesLocation = rulesLocation
        self.omitStages = omitStages
        self.omitManagedFields = omitManagedFields
        self.location = location
    }
}

/// One rule of a policy, as written.
///
/// Upstream: `k8s.io/apiserver/pkg/apis/audit/v1/types.go`, `PolicyRule`.
public struct PolicyRule: Sendable {
    /// The level, as written (`nil` when absent or null).
    public var level: Located<String>?
    /// User names the rule applies to; empty means any user.
    public var users: [Located<String>]
    /// Groups the rule applies to (any one of them); empty means any group.
    public var userGroups: [Located<String>]
    /// Verbs the rule applies to; empty means any verb.
    public var verbs: [Located<String>]
    /// Resources the rule applies to; a non-empty list makes it a resource rule.
    public var resources: [GroupResources]
    /// Namespaces the rule applies to (`""` for cluster-scoped); a non-empty list makes it a resource rule.
    public var namespaces: [Located<String>]
    /// Non-resource URL patterns the rule applies to.
    public var nonResourceURLs: [Located<String>]
    /// Stages omitted for requests this rule matches, as written.
    public var omitStages: [Located<String>]
    /// The rule's own omitManagedFields, if set; it overrides the policy's.
    public var omitManagedFields: Located<Bool>?
    /// Where the rule's list item starts.
    public var location: SourceLocation
    /// Where the rule's list item ends (exclusive).
    public var end: SourceLocation
    /// Where each field key of the rule is written, by field name.
    public var fieldLocations: [String: SourceLocation]

    public init(
        level: Located<String>? = nil,
        users: [Located<String>] = [],
        userGroups: [Located<String>] = [],
        verbs: [Located<String>] = [],
        resources: [GroupResources] = [],
        namespaces: [Located<String>] = [],
        nonResourceURLs: [Located<String>] = [],
        omitStages: [Located<String>] = [],
        omitManagedFields: Located<Bool>? = nil,
        location: SourceLocation = SourceLocation(line: 1, column: 1),
        end: SourceLocation? = nil,
        fieldLocations: [String: SourceLocation] = [:]
    ) {
        self.level = level
        self.users = users
        self.userGroups = userGroups
        self.verbs = verbs
        self.resources = resources
        self.namespaces = namespaces
        self.nonResourceURLs = nonResourceURLs
        self.omitStages = omitStages
        self.omitManagedFields = omitManagedFields
        self.location = location
        self.end = end ?? location
        self.fieldLocations = fieldLocations
    }
}

/// One `resources` entry of a rule: an API group and resources in it.
///
/// Upstream: `k8s.io/apiserver/pkg/apis/audit/v1/types.go`, `GroupResources`.
public struct GroupResources: Sendable {
    /// The API group; `""` is the core group, `"*"` any group (Kubernetes 1.36+).
    public var group: Located<String>
    /// Resources in the group (`pods`, `pods/log`, `*`, `*/scale`, `pods/*`); empty means all.
    public var resources: [Located<String>]
    /// Object names the entry is limited to; empty means any name.
    public var resourceNames: [Located<String>]
    /// Where the entry's list item starts.
    public var location: SourceLocation

    public init(
        group: Located<String>,
        resources: [Located<String>] = [],
        resourceNames: [Located<String>] = [],
        location: SourceLocation
    ) {
        self.group = group
        self.resources = resources
        self.resourceNames = resourceNames
        self.location = location
    }
}
