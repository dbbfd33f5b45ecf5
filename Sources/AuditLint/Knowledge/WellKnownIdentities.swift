/// User and group names that Kubernetes and EKS give fixed meanings.
///
/// Sources: Kubernetes authentication docs (service account user names
/// `system:serviceaccount:NAMESPACE:NAME` and groups `system:serviceaccounts`,
/// `system:serviceaccounts:NAMESPACE`; `system:anonymous` and `system:unauthenticated`;
/// `system:authenticated`), the Node authorizer (`system:node:NAME` in group `system:nodes`),
/// the RBAC default role bindings (`system:masters`, `system:kube-controller-manager`,
/// `system:kube-scheduler`, `system:kube-proxy`, `system:monitoring`), bootstrap tokens
/// (`system:bootstrappers`, `system:bootstrappers:...`), kubeadm (`kubernetes-admin`,
/// `kubeadm:cluster-admins`) and EKS's published policy (`kubelet`, `system:apiserver`).
enum WellKnownIdentities {
    /// Group names.
    static let groups: Set<String> = [
        "system:masters", "system:nodes", "system:authenticated", "system:unauthenticated",
        "system:serviceaccounts", "system:bootstrappers", "system:monitoring", "kubeadm:cluster-admins",
    ]
    /// Prefixes of group names.
    static let groupPrefixes = ["system:serviceaccounts:", "system:bootstrappers:"]

    /// User names.
    static let users: Set<String> = [
        "system:anonymous", "system:apiserver", "system:kube-proxy", "system:kube-controller-manager",
        "system:kube-scheduler", "kubernetes-admin", "kubelet",
    ]
    /// Whether `name` is a well-known group (or of a well-known group family).
    static func isGroup(_ name: String) -> Bool {
        groups.contains(name) || groupPrefixes.contains { prefix in
            name.hasPrefix(prefix) && name.count > prefix.count
                && (prefix != "system:serviceaccounts:" || !name.dropFirst(prefix.count).contains(":"))
        }
    }

    /// Whether `name` is a well-known user (or of a well-known user family).
    static func isUser(_ name: String) -> Bool {
        if users.contains(name) { return true }
        if let parts = serviceAccountParts(name) { return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty }
        return name.hasPrefix("system:node:") && name.count > "system:node:".count
    }

    /// The parts of a `system:serviceaccount:...` name after the prefix.
    static func serviceAccountParts(_ name: String) -> [Substring]? {
        let prefix = "system:serviceaccount:"
        guard name.hasPrefix(prefix) else { return nil }
        return name.dropFirst(prefix.count).split(separator: ":", omittingEmptySubsequences: false)
    }
}
