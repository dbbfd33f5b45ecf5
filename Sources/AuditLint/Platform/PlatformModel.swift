import AuditPolicy

/// What each platform's control plane and node agents are, as data with a source per entry:
/// legacy identities (``legacyIdentities``), what well-known components request
/// (``components``) and the API groups served beyond upstream (``groups``). Entries whose source
/// could not be checked are marked unverified, and `auditsim rules` prints the model.
public enum PlatformModel {
    /// The groups a request by `user` carries, as kube-apiserver's authenticators set them:
    /// service accounts (`pkg/serviceaccount/util.go`, `UserInfo`), nodes (`system:nodes`) and
    /// certificate users, all with `system:authenticated`
    /// (`pkg/authentication/request/union` with `group.AuthenticatedGroupAdder`).
    static func user(_ name: String) -> UserInfo {
        var groups: [String] = []
        if let parts = WellKnownIdentities.serviceAccountParts(name), parts.count == 2 {
            groups = ["system:serviceaccounts", "system:serviceaccounts:\(parts[0])"]
        } else if name.hasPrefix("system:node:") {
            groups = ["system:nodes"]
        }
        return UserInfo(name: name, groups: groups + ["system:authenticated"])
    }

    /// The components a rule's `users` select, each with the user to probe its current requests
    /// as: the platform's identity for it, or on `generic` the user the rule names.
    static func components(namedBy users: [String], on platform: Platform) -> [(profile: ComponentProfile, identity: String)] {
        components.compactMap { profile in
            guard let named = users.first(where: profile.selects) else { return nil }
            if platform == .generic { return (profile, named) }
            return profile.identity[platform].map { (profile, $0) }
        }
    }

    /// Every API group the model knows on `platform`, with its entry.
    static func isKnown(_ group: String, on platform: Platform) -> Bool {
        self.group(group)?.isServed(on: platform) ?? false
    }

    /// Users whose traffic `lint --corpus` measures per rule: every identity of every component,
    /// on any platform (node users are matched by ``isTracked(_:)``).
    public static let trackedUsers: Set<String> = Set(components.flatMap { $0.policyUsers + $0.identity.values })

    /// Whether `lint --corpus` measures this user's traffic per rule.
    public static func isTracked(_ user: String) -> Bool {
        trackedUsers.contains(user) || user.hasPrefix("system:node:")
    }
}
