/// One validated rule: the values kube-apiserver matches on, with empty lists meaning "any".
public struct CompiledRule: Sendable, Hashable {
    /// The rule's level.
    public var level: Level
    /// User names; empty matches any request (even one without a user).
    public var users: [String]
    /// Groups; empty matches any request (even one without a user).
    public var userGroups: [String]
    /// Verbs; empty matches any verb.
    public var verbs: [String]
    /// Group/resource entries; non-empty makes this a resource rule.
    public var resources: [CompiledGroupResources]
    /// Namespaces; non-empty makes this a resource rule.
    public var namespaces: [String]
    /// Non-resource URL patterns.
    public var nonResourceURLs: [String]
    /// The rule's own omitted stages (the policy's are joined at decision time).
    public var omitStages: StageSet
    /// The rule's own omitManagedFields, if set.
    public var omitManagedFields: Bool?
    /// Where the rule starts in its source, when it came from a file.
    public var location: SourceLocation?

    public init(
        level: Level,
        users: [String] = [],
        userGroups: [String] = [],
        verbs: [String] = [],
        resources: [CompiledGroupResources] = [],
        namespaces: [String] = [],
        nonResourceURLs: [String] = [],
        omitStages: StageSet = [],
        omitManagedFields: Bool? = nil,
        location: SourceLocation? = nil
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
    }

    /// Whether the rule selects resource requests (it lists namespaces or resources).
    /// Upstream: `checker.go`, `ruleMatches` (the `len(r.Namespaces) > 0 || len(r.Resources) > 0` branch).
    public var isResourceRule: Bool { !namespaces.isEmpty || !resources.isEmpty }

    /// Whether the rule selects non-resource requests (it lists URLs and no namespaces or resources).
    public var isNonResourceRule: Bool { !isResourceRule && !nonResourceURLs.isEmpty }

    /// Whether the rule matches the request.
    public func matches(_ request: RequestAttributes, wildcardGroup: Bool = true) -> Bool {
        firstMismatch(request, wildcardGroup: wildcardGroup) == nil
    }

    /// The first reason the rule does not match the request, checked in kube-apiserver's order,
    /// or `nil` when it matches.
    /// Upstream: `checker.go`, `ruleMatches`, `ruleMatchesResource`, `ruleMatchesNonResource`.
    public func firstMismatch(_ request: RequestAttributes, wildcardGroup: Bool = true) -> RuleMismatch? {
        if !users.isEmpty {
            guard let user = request.user else { return .noUser(field: .users) }
            if !users.containsExactly(user.name) { return .user(user.name) }
        }
        if !userGroups.isEmpty {
            guard let user = request.user else { return .noUser(field: .userGroups) }
            var inGroup = false
            for group in user.groups where userGroups.containsExactly(group) {
                inGroup = true
                break
            }
            if !inGroup { return .userGroups(user.groups) }
        }
        if !verbs.isEmpty, !verbs.containsExactly(request.verb) { return .verb(request.verb) }
        if isResourceRule { return resourceMismatch(request, wildcardGroup: wildcardGroup) }
        if !nonResourceURLs.isEmpty { return nonResourceMismatch(request) }
        return nil
    }

    private func resourceMismatch(_ request: RequestAttributes, wildcardGroup: Bool) -> RuleMismatch? {
        guard request.isResourceRequest else { return .notAResourceRequest }
        // Cluster-scoped requests have namespace "" (checker.go, ruleMatchesResource).
        if !namespaces.isEmpty, !namespaces.containsExactly(request.namespace) { return .namespace(request.namespace) }
        if resources.isEmpty { return nil }
        for entry in resources where entry.matches(request, wildcardGroup: wildcardGroup) { return nil }
        return .resource
    }

    private func nonResourceMismatch(_ request: RequestAttributes) -> RuleMismatch? {
        guard !request.isResourceRequest else { return .notANonResourceRequest }
        for pattern in nonResourceURLs where Self.pathMatches(request.path, pattern: pattern) { return nil }
        return .path(request.path)
    }

    /// Whether a non-resource URL pattern matches a path: `*`, the exact path, or a prefix ending in `*`.
    /// Upstream: `checker.go`, `pathMatches` (which trims every trailing `*` from the pattern).
    public static func pathMatches(_ path: String, pattern: String) -> Bool {
        if pattern.bytesEqual("*") || pattern.bytesEqual(path) { return true }
        let bytes = pattern.utf8
        guard bytes.last == UInt8(ascii: "*") else { return false }
        var prefixEnd = bytes.endIndex
        while prefixEnd > bytes.startIndex, bytes[bytes.index(before: prefixEnd)] == UInt8(ascii: "*") {
            prefixEnd = bytes.index(before: prefixEnd)
        }
        return path.bytesHavePrefix(bytes[bytes.startIndex..<prefixEnd])
    }
}

/// A validated `resources` entry of a rule.
public struct CompiledGroupResources: Sendable, Hashable {
    /// The API group (`""` core, `"*"` any group from 1.36).
    public var group: String
    /// Resource patterns; empty means every resource of the group.
    public var resources: [String]
    /// Object names; empty means any name.
    public var resourceNames: [String]

    public init(group: String, resources: [String] = [], resourceNames: [String] = []) {
        self.group = group
        self.resources = resources
        self.resourceNames = resourceNames
    }

    /// Whether the entry matches the request's group, resource, subresource and name.
    /// Upstream: `checker.go`, `ruleMatchesResource` (the loop over `r.Resources`).
    public func matches(_ request: RequestAttributes, wildcardGroup: Bool = true) -> Bool {
        guard group.bytesEqual(request.apiGroup) || (wildcardGroup && group.bytesEqual("*")) else { return false }
        if resources.isEmpty { return true }
        // resourceNames filter every pattern of the entry; creates carry no name, so they never match.
        if !resourceNames.isEmpty, !resourceNames.containsExactly(request.name) { return false }
        for pattern in resources where Self.resourceMatches(pattern, resource: request.resource, subresource: request.subresource) {
            return true
        }
        return false
    }

    /// Whether one resource pattern matches a resource and subresource:
    /// `res` (no subresource), `res/sub`, `*` (anything, subresources too), `*/sub`, `res/*` (also plain `res`).
    /// Upstream: `checker.go`, `ruleMatchesResource` (the three comparisons inside the loop).
    public static func resourceMatches(_ pattern: String, resource: String, subresource: String) -> Bool {
        let p = pattern.utf8, res = resource.utf8, sub = subresource.utf8
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
        if p.count == 1, p.first == star { return true }
        if sub.isEmpty {
            // pattern == resource
            if p.count == res.count, p.elementsEqual(res) { return true }
        } else {
            // pattern == resource + "/" + subresource
            if p.count == res.count + 1 + sub.count, p.starts(with: res),
               p.dropFirst(res.count).first == slash, p.dropFirst(res.count + 1).elementsEqual(sub) {
                return true
            }
            // pattern == "*/" + subresource
            if p.count == 2 + sub.count, p.first == star, p.dropFirst().first == slash, p.dropFirst(2).elementsEqual(sub) {
                return true
            }
        }
        // pattern == resource + "/*" (also matches the resource without a subresource)
        if p.count == res.count + 2, p.starts(with: res), p.dropFirst(res.count).first == slash, p.last == star {
            return true
        }
        return false
    }
}

/// Why a rule does not match a request, in the order kube-apiserver checks.
public enum RuleMismatch: Sendable, Hashable {
    /// Which user field needed a user.
    public enum UserField: String, Sendable, Hashable { case users, userGroups }
    /// The rule names users or groups and the request has no authenticated user.
    case noUser(field: UserField)
    /// The user's name is not listed.
    case user(String)
    /// None of the user's groups is listed.
    case userGroups([String])
    /// The verb is not listed.
    case verb(String)
    /// A resource rule does not apply to a non-resource request.
    case notAResourceRequest
    /// The namespace is not listed.
    case namespace(String)
    /// No group/resource entry matches.
    case resource
    /// A non-resource rule does not apply to a resource request.
    case notANonResourceRequest
    /// No non-resource URL pattern matches the path.
    case path(String)
}
