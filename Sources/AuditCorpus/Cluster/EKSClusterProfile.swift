/// The fixed facts of the generated EKS cluster: account, region, versions, and how
/// each component authenticates and is authorized.
///
/// Names follow EKS conventions: nodes authenticate through aws-iam-authenticator with
/// the node role mapped in the aws-auth ConfigMap (`system:node:{{EC2PrivateDNSName}}`,
/// groups `system:bootstrappers` and `system:nodes`); add-ons (aws-node, kube-proxy,
/// CoreDNS) use bound service-account tokens; kube-controller-manager runs with
/// `--use-service-account-credentials`. Account IDs, ARNs, key IDs and IPs are the
/// documentation ranges (111122223333, 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24).
enum EKSClusterProfile {
    static let accountID = "111122223333"
    static let region = "us-east-1"
    static let clusterName = "shop-prod"
    static let zones = ["us-east-1a", "us-east-1b", "us-east-1c"]
    static let zoneIDs = ["use1-az1", "use1-az2", "use1-az4"]

    /// Control-plane build (kube-apiserver, kube-controller-manager, kube-scheduler).
    static let controlPlaneVersion = "v1.35.2"
    static let controlPlaneCommit = "3025e55"
    /// Node build (kubelet, kube-proxy add-on).
    static let nodeVersion = "v1.35.2"
    static let nodeCommit = "6f5c9f1"

    /// client-go's default user agent: `NAME/VERSION (OS/ARCH) kubernetes/COMMIT`
    /// (k8s.io/client-go/rest `DefaultKubernetesUserAgent`); binaries built outside
    /// Kubernetes' release tooling report `v0.0.0` and `$Format`.
    static func userAgent(_ binary: String, version: String, commit: String, platform: String = "linux/amd64", suffix: String = "") -> String {
        "\(binary)/\(version) (\(platform)) kubernetes/\(commit)" + (suffix.isEmpty ? "" : "/" + suffix)
    }

    static let controllerManagerAgent = userAgent("kube-controller-manager", version: controlPlaneVersion, commit: controlPlaneCommit)
    static let schedulerAgent = userAgent("kube-scheduler", version: controlPlaneVersion, commit: controlPlaneCommit)
    static let apiserverAgent = userAgent("kube-apiserver", version: controlPlaneVersion, commit: controlPlaneCommit)
    static let kubeletAgent = userAgent("kubelet", version: nodeVersion, commit: nodeCommit)
    static let kubeProxyAgent = userAgent("kube-proxy", version: nodeVersion, commit: nodeCommit)
    static let coreDNSAgent = userAgent("coredns", version: "v0.0.0", commit: "$Format")
    static let awsNodeAgent = userAgent("aws-k8s-agent", version: "v0.0.0", commit: "$Format")
    static let authenticatorAgent = userAgent("aws-iam-authenticator", version: "v0.0.0", commit: "$Format")
    static let operatorKubectlAgent = userAgent("kubectl", version: "v1.35.1", commit: "8ac1f63", platform: "darwin/arm64")
    static let developerKubectlAgent = userAgent("kubectl", version: "v1.34.4", commit: "1b5e2f7", platform: "linux/amd64")
    static let ciKubectlAgent = userAgent("kubectl", version: "v1.34.4", commit: "1b5e2f7")

    /// The identity aws-iam-authenticator gives a mapped IAM role session (uid and extra
    /// as it sets them: accessKeyId, arn, canonicalArn, principalId, sessionName, and the
    /// principal ID under its own prefix).
    static func iamUser(username: String, roleName: String, roleID: String, sessionName: String,
                        accessKeyID: String, groups: [String]) -> CorpusUser {
        CorpusUser(
            username: username,
            uid: "aws-iam-authenticator:\(accountID):\(roleID)",
            groups: groups + ["system:authenticated"],
            extra: [
                ("accessKeyId", [accessKeyID]),
                ("arn", ["arn:aws:sts::\(accountID):assumed-role/\(roleName)/\(sessionName)"]),
                ("canonicalArn", ["arn:aws:iam::\(accountID):role/\(roleName)"]),
                ("principalId", [roleID]),
                ("sessionName", [sessionName]),
                ("sigs.k8s.io/aws-iam-authenticator/principalId", [roleID]),
            ]
        )
    }

    /// A service account's identity from a token bound to a pod (uid and the
    /// `authentication.kubernetes.io/*` extra of pkg/serviceaccount claims, node
    /// information included since Kubernetes 1.30).
    static func podServiceAccount(namespace: String, name: String, uid: String, credentialID: String,
                                  podName: String, podUID: String, nodeName: String, nodeUID: String) -> CorpusUser {
        CorpusUser(
            username: "system:serviceaccount:\(namespace):\(name)",
            uid: uid,
            groups: ["system:serviceaccounts", "system:serviceaccounts:\(namespace)", "system:authenticated"],
            extra: [
                ("authentication.kubernetes.io/credential-id", ["JTI=\(credentialID)"]),
                ("authentication.kubernetes.io/node-name", [nodeName]),
                ("authentication.kubernetes.io/node-uid", [nodeUID]),
                ("authentication.kubernetes.io/pod-name", [podName]),
                ("authentication.kubernetes.io/pod-uid", [podUID]),
            ]
        )
    }

    /// A kube-controller-manager controller's own service account (a token requested by
    /// the controller manager, not bound to a pod).
    static func controllerServiceAccount(_ name: String, uid: String, credentialID: String) -> CorpusUser {
        CorpusUser(
            username: "system:serviceaccount:kube-system:\(name)",
            uid: uid,
            groups: ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"],
            extra: [("authentication.kubernetes.io/credential-id", ["JTI=\(credentialID)"])]
        )
    }

    /// The `authorization.k8s.io/reason` RBAC gives (plugin/pkg/auth/authorizer/rbac
    /// `authorizingVisitor`, `describeSubject`): `RBAC: allowed by KIND "NAME" of ROLEKIND "ROLE" to SUBJECT`.
    static func rbacReason(binding: String, bindingNamespace: String? = nil, roleKind: String, role: String, subject: String) -> String {
        let bindingText = bindingNamespace.map { "RoleBinding \"\(binding)/\($0)\"" } ?? "ClusterRoleBinding \"\(binding)\""
        return "RBAC: allowed by \(bindingText) of \(roleKind) \"\(role)\" to \(subject)"
    }

    /// Authorization annotations for an allowed request.
    static func allowed(_ reason: String) -> [(String, String)] {
        [("authorization.k8s.io/decision", "allow"), ("authorization.k8s.io/reason", reason)]
    }

    /// Authorization annotations for a denied request (RBAC has no opinion, so no reason).
    static let forbidden: [(String, String)] = [("authorization.k8s.io/decision", "forbid"), ("authorization.k8s.io/reason", "")]
}
