import AuditPolicy

/// The clients driven by people and CI, with the identities aws-iam-authenticator gives
/// their IAM roles through the aws-auth ConfigMap's `mapRoles`.
struct PeopleAndPipelines {
    /// GitHub Actions deploying with an OIDC-assumed role mapped to `ci-deploy` in
    /// `system:masters` (allowed before RBAC, so with an empty reason).
    let ci: CorpusActor
    /// A platform engineer on a laptop, role `platform-admin` mapped to her SSO session
    /// name in group `platform-admins` (bound to cluster-admin).
    let platformAdmin: CorpusActor
    /// A developer, role `developer` mapped to his session name in group `developers`
    /// (bound to the `view` ClusterRole in namespace shop only).
    let developer: CorpusActor
    /// The developer's identity as impersonated by the platform engineer (`--as`, `--as-group`):
    /// name and groups only, plus `system:authenticated` that impersonation adds
    /// (pkg/endpoints/filters/impersonation.go).
    let impersonatedDeveloper: CorpusUser
    /// Why RBAC lets the developer read in namespace shop.
    let developerViewReason: String

    init(random: inout SplitMix64) {
        func roleID() -> String { "AROA" + ClusterBootstrap.uppercaseAlphanumerics(17, random: &random) }
        func accessKey() -> String { "ASIA" + ClusterBootstrap.uppercaseAlphanumerics(16, random: &random) }
        ci = CorpusActor(
            user: EKSClusterProfile.iamUser(username: "ci-deploy", roleName: "github-actions-deploy", roleID: roleID(),
                                            sessionName: "GitHubActions", accessKeyID: accessKey(), groups: ["system:masters"]),
            sourceIP: "198.51.100.\(random.int(in: 10...99))", userAgent: EKSClusterProfile.ciKubectlAgent, allowReason: ""
        )
        platformAdmin = CorpusActor(
            user: EKSClusterProfile.iamUser(username: "alice@example.com", roleName: "platform-admin", roleID: roleID(),
                                            sessionName: "alice@example.com", accessKeyID: accessKey(), groups: ["platform-admins"]),
            sourceIP: "203.0.113.\(random.int(in: 10...40))", userAgent: EKSClusterProfile.operatorKubectlAgent,
            allowReason: EKSClusterProfile.rbacReason(binding: "platform-admins", roleKind: "ClusterRole", role: "cluster-admin",
                                                      subject: "Group \"platform-admins\"")
        )
        developerViewReason = EKSClusterProfile.rbacReason(binding: "developers-view", bindingNamespace: "shop", roleKind: "ClusterRole",
                                                           role: "view", subject: "Group \"developers\"")
        developer = CorpusActor(
            user: EKSClusterProfile.iamUser(username: "bob@example.com", roleName: "developer", roleID: roleID(),
                                            sessionName: "bob@example.com", accessKeyID: accessKey(), groups: ["developers"]),
            sourceIP: "203.0.113.\(random.int(in: 100...140))", userAgent: EKSClusterProfile.developerKubectlAgent,
            allowReason: developerViewReason
        )
        impersonatedDeveloper = CorpusUser(username: "bob@example.com", groups: ["developers", "system:authenticated"])
    }
}
