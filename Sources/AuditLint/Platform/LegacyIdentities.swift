/// Users that audit policies still name but that a platform's control plane and node agents no
/// longer authenticate as.
public struct LegacyIdentity: Sendable {
    /// The user name as policies write it.
    public var user: String
    /// What it was.
    public var was: String
    /// What authenticates instead today.
    public var replacedBy: String
    /// Platforms where the user cannot occur (findings are warnings there).
    public var impossibleOn: Set<Platform>
    /// Whether it is legacy on every other platform too (findings are info there).
    public var legacyElsewhere: Bool
    public var source: PlatformSource

    /// Whether the user can still occur on `platform`: `nil` when it can, else whether it cannot
    /// occur at all (`true`) or is only legacy (`false`).
    public func isImpossible(on platform: Platform) -> Bool? {
        if impossibleOn.contains(platform) { return true }
        return legacyElsewhere ? false : nil
    }
}

extension PlatformModel {
    /// The legacy users, each with its source.
    public static let legacyIdentities: [LegacyIdentity] = [
        LegacyIdentity(
            user: "system:unsecured", was: "the user of kube-apiserver's insecure port",
            replacedBy: "nothing: the insecure port was disabled in 1.20 and its flags removed in 1.24",
            impossibleOn: Set(Platform.allCases), legacyElsewhere: true,
            source: PlatformSource("k8s.io/apiserver pkg/server/deprecated_insecure_serving.go (removed); Kubernetes 1.24 changelog, --insecure-port removal", verified: false)
        ),
        LegacyIdentity(
            user: "kubelet", was: "the shared kubelet credential used before the Node authorizer (Kubernetes 1.7)",
            replacedBy: "system:node:<node name> in group system:nodes (Node authorizer and NodeRestriction)",
            impossibleOn: [.eks, .aks, .openshift], legacyElsewhere: true,
            source: PlatformSource("kubernetes.io/docs/reference/access-authn-authz/node/ (Using Node Authorization); EKS maps node roles to system:node:{{EC2PrivateDNSName}} in aws-auth (docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html)", verified: true)
        ),
        LegacyIdentity(
            user: "system:kube-proxy", was: "kube-proxy's certificate or token user (kube-up, kops)",
            replacedBy: "the kube-proxy DaemonSet's service account system:serviceaccount:kube-system:kube-proxy (EKS add-on, kubeadm); OpenShift runs OVN-Kubernetes and no kube-proxy",
            impossibleOn: [.eks, .openshift], legacyElsewhere: false,
            source: PlatformSource("EKS kube-proxy add-on manifest (ServiceAccount kube-proxy bound to system:node-proxier by eks:kube-proxy); kubeadm phases/addons/proxy (kubeadm:node-proxier binds the kube-proxy service account)", verified: false)
        ),
        LegacyIdentity(
            user: "system:node-problem-detector", was: "node-problem-detector's certificate user on kube-up/GCE masters",
            replacedBy: "the node-problem-detector DaemonSet's service account system:serviceaccount:kube-system:node-problem-detector",
            impossibleOn: [.eks, .aks, .openshift], legacyElsewhere: false,
            source: PlatformSource("kubernetes/cluster/gce/gci/configure-helper.sh (node-problem-detector token user); node-problem-detector deployment/rbac.yaml (service account)", verified: false)
        ),
    ]

    /// The legacy entry for `user`, if any.
    public static func legacyIdentity(_ user: String) -> LegacyIdentity? {
        legacyIdentities.first { $0.user == user }
    }
}
