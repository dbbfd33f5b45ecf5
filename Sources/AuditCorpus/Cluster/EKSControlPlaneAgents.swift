/// EKS's own control-plane agents that watch the cluster, with the internal `eks:` users
/// EKS documents ("Default Amazon EKS Kubernetes roles and users"). What each one watches
/// is inferred from its name and documented role; the rates are those of any informer.
enum EKSControlPlaneAgents {
    struct Agent {
        let actor: CorpusActor
        let resource: String
        let group: String
        let namespace: String
        let parameters: [(String, String)]
    }

    static func all(_ context: CorpusContext) -> [Agent] {
        let controlPlane = context.controllerManager.sourceIP
        func user(_ name: String) -> CorpusUser {
            CorpusUser(username: name, groups: ["system:authenticated"])
        }
        func namespacedReason(_ name: String) -> String {
            EKSClusterProfile.rbacReason(binding: name, bindingNamespace: "kube-system", roleKind: "Role", role: name, subject: "User \"\(name)\"")
        }
        func clusterReason(_ name: String) -> String {
            EKSClusterProfile.rbacReason(binding: name, roleKind: "ClusterRole", role: name, subject: "User \"\(name)\"")
        }
        return [
            // aws-iam-authenticator reads the aws-auth ConfigMap's role and user mappings.
            Agent(actor: CorpusActor(user: user("eks:authenticator"), sourceIP: controlPlane, userAgent: EKSClusterProfile.authenticatorAgent,
                                     allowReason: namespacedReason("eks:authenticator")),
                  resource: "configmaps", group: "", namespace: "kube-system", parameters: [("fieldSelector", "metadata.name=aws-auth")]),
            Agent(actor: CorpusActor(user: user("eks:certificate-controller"), sourceIP: controlPlane,
                                     userAgent: EKSClusterProfile.userAgent("eks-certificates-controller", version: "v0.0.0", commit: "$Format"),
                                     allowReason: clusterReason("eks:certificate-controller")),
                  resource: "certificatesigningrequests", group: "certificates.k8s.io", namespace: "", parameters: []),
            Agent(actor: CorpusActor(user: user("eks:pod-identity-mutating-webhook"), sourceIP: controlPlane,
                                     userAgent: EKSClusterProfile.userAgent("amazon-eks-pod-identity-webhook", version: "v0.0.0", commit: "$Format"),
                                     allowReason: clusterReason("eks:pod-identity-mutating-webhook")),
                  resource: "serviceaccounts", group: "", namespace: "", parameters: []),
            Agent(actor: CorpusActor(user: user("eks:nodewatcher"), sourceIP: controlPlane,
                                     userAgent: EKSClusterProfile.userAgent("eks-nodewatcher", version: "v0.0.0", commit: "$Format"),
                                     allowReason: clusterReason("eks:nodewatcher")),
                  resource: "nodes", group: "", namespace: "", parameters: []),
        ]
    }
}
