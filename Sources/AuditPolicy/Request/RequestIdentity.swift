/// The authenticated user of a request, as kube-apiserver forms it from a name and groups.
///
/// The audit policy sees the authenticated user (the audit filter runs before impersonation), and
/// kube-apiserver's authenticators and its impersonation filter complete an identity the same way:
/// - a service-account user name `system:serviceaccount:NS:NAME` without groups gets
///   `system:serviceaccounts` and `system:serviceaccounts:NS`: the service-account token
///   authenticator always gives them (k8s.io/apiserver `pkg/authentication/serviceaccount/util.go`,
///   `UserInfo` and `MakeGroupNames`), and impersonating such a name without groups adds them
///   (`pkg/endpoints/filters/impersonation.go`, `WithImpersonation`); groups named explicitly are
///   kept as named, as impersonation keeps them;
/// - every user but `system:anonymous` is also in `system:authenticated`, unless its groups
///   already hold `system:authenticated` or `system:unauthenticated`
///   (`pkg/authentication/group/authenticated_group_adder.go`, `AuthenticateRequest`; the same
///   rule in `WithImpersonation`);
/// - `system:anonymous` is in `system:unauthenticated` (`WithImpersonation`, and the anonymous
///   authenticator `pkg/authentication/request/anonymous`).
public enum RequestIdentity {
    /// The user kubectl is when nothing is said: the cluster creator's admin identity.
    public static let defaultUser = UserInfo(name: "kubernetes-admin", groups: ["system:masters", allAuthenticated])

    static let allAuthenticated = "system:authenticated"
    static let allUnauthenticated = "system:unauthenticated"
    static let anonymous = "system:anonymous"
    static let serviceAccountPrefix = "system:serviceaccount:"
    static let allServiceAccounts = "system:serviceaccounts"
    static let nodePrefix = "system:node:"
    static let nodesGroup = "system:nodes"

    /// The user `name` with the groups named (possibly none), completed as kube-apiserver completes it.
    public static func authenticated(_ name: String, groups: [String]) -> UserInfo {
        var result = groups
        if groups.isEmpty, let namespace = serviceAccountNamespace(name) {
            result = serviceAccountGroups(namespace: namespace)
        }
        if name == anonymous {
            if !result.contains(allUnauthenticated) { result.append(allUnauthenticated) }
        } else if !result.contains(allAuthenticated), !result.contains(allUnauthenticated) {
            result.append(allAuthenticated)
        }
        return UserInfo(name: name, groups: result)
    }

    /// The service account `name` of `namespace`, as its token authenticates it.
    public static func serviceAccount(namespace: String, name: String) -> UserInfo {
        UserInfo(name: serviceAccountPrefix + namespace + ":" + name, groups: serviceAccountGroups(namespace: namespace) + [allAuthenticated])
    }

    /// The kubelet of node `name`, as its client certificate authenticates it (user
    /// `system:node:NAME` in organisation `system:nodes`, the identity the Node authorizer expects:
    /// kubernetes `plugin/pkg/auth/authorizer/node`, `NodeIdentifier`).
    public static func node(_ name: String) -> UserInfo {
        UserInfo(name: nodePrefix + name, groups: [nodesGroup, allAuthenticated])
    }

    /// Reads `NS:NAME` (the argument of `--as-sa`); `nil` unless both parts are valid names.
    public static func serviceAccountReference(_ text: String) -> (namespace: String, name: String)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, isValidServiceAccount(namespace: parts[0], name: parts[1]) else { return nil }
        return (parts[0], parts[1])
    }

    /// The namespace of a service-account user name, when it is one.
    ///
    /// Upstream: `pkg/authentication/serviceaccount/util.go`, `SplitUsername`: the prefix, then
    /// exactly a namespace and a name separated by `:`, the namespace a DNS-1123 label and the name
    /// a DNS-1123 subdomain.
    static func serviceAccountNamespace(_ userName: String) -> String? {
        guard userName.hasPrefix(serviceAccountPrefix) else { return nil }
        return serviceAccountReference(String(userName.dropFirst(serviceAccountPrefix.count)))?.namespace
    }

    private static func serviceAccountGroups(namespace: String) -> [String] {
        [allServiceAccounts, allServiceAccounts + ":" + namespace]
    }

    private static func isValidServiceAccount(namespace: String, name: String) -> Bool {
        namespace.utf8.count <= 63 && !namespace.contains(".") && DNSSubdomain.matches(namespace)
            && name.utf8.count <= DNSSubdomain.maxLength && DNSSubdomain.matches(name)
    }
}
