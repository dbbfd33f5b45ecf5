import AuditPolicy

/// Objects that grant or hold access: Secrets, the aws-auth ConfigMap, and RBAC roles and
/// bindings.
enum AccessObjects {
    /// An Opaque secret with base64 values (illustrative values, not credentials).
    static func secret(name: String, namespace: String, uid: String, resourceVersion: String, created: CorpusTime,
                       data: [(String, String)]) -> CorpusJSON {
        [
            "kind": "Secret",
            "apiVersion": "v1",
            "metadata": ObjectMetadata.metadata(
                name: name, namespace: namespace, uid: uid, resourceVersion: resourceVersion, created: created,
                managedFields: [ObjectMetadata.managedField(manager: "kubectl-create", apiVersion: "v1", time: created, fields: [
                    "f:data": ObjectMetadata.fieldSet(data.map(\.0)), "f:type": .object([]),
                ])]
            ),
            "data": .map(data.map { ($0.0, Base64.standard(Array($0.1.utf8))) }),
            "type": "Opaque",
        ]
    }

    /// aws-auth's `mapRoles`: the node role, CI, and the people's roles (YAML as EKS and
    /// eksctl write it), with `extra` mappings appended.
    static func mapRoles(nodeRole: String, extra: [(role: String, username: String, group: String)]) -> String {
        var text = """
        - groups:
          - system:bootstrappers
          - system:nodes
          rolearn: arn:aws:iam::\(EKSClusterProfile.accountID):role/\(nodeRole)
          username: system:node:{{EC2PrivateDNSName}}
        - groups:
          - system:masters
          rolearn: arn:aws:iam::\(EKSClusterProfile.accountID):role/github-actions-deploy
          username: ci-deploy
        - groups:
          - platform-admins
          rolearn: arn:aws:iam::\(EKSClusterProfile.accountID):role/platform-admin
          username: "{{SessionName}}"
        - groups:
          - developers
          rolearn: arn:aws:iam::\(EKSClusterProfile.accountID):role/developer
          username: "{{SessionName}}"

        """
        for mapping in extra {
            text += """
            - groups:
              - \(mapping.group)
              rolearn: arn:aws:iam::\(EKSClusterProfile.accountID):role/\(mapping.role)
              username: \(mapping.username)

            """
        }
        return text
    }

    static func awsAuth(uid: String, resourceVersion: String, created: CorpusTime, updated: CorpusTime, mapRoles: String) -> CorpusJSON {
        WorkloadObjects.configMap(
            name: "aws-auth", namespace: "kube-system", uid: uid, resourceVersion: resourceVersion, created: created,
            data: [("mapRoles", mapRoles)],
            managedFields: [ObjectMetadata.managedField(manager: "kubectl-edit", apiVersion: "v1", time: updated,
                                                        fields: ["f:data": ObjectMetadata.fieldSet(["mapRoles"])])]
        )
    }

    static func roleBinding(name: String, namespace: String, uid: String?, resourceVersion: String?, created: CorpusTime?,
                            clusterRole: String, user: String, manager: String?) -> CorpusJSON {
        [
            "kind": "RoleBinding",
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "metadata": ObjectMetadata.metadata(
                name: name, namespace: namespace, uid: uid, resourceVersion: resourceVersion, created: created,
                managedFields: manager.map { manager in
                    [ObjectMetadata.managedField(manager: manager, apiVersion: "rbac.authorization.k8s.io/v1", time: created ?? CorpusTime(microseconds: 0),
                                                 fields: ["f:roleRef": .object([]), "f:subjects": .object([])])]
                } ?? []
            ),
            "subjects": [["kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": .string(user)]],
            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(clusterRole)],
        ]
    }

    /// A ClusterRole that lets its holders debug pods: read them and their logs, exec into them.
    static func podDebuggerRules() -> CorpusJSON {
        [
            ["verbs": ["get", "list", "watch"], "apiGroups": [""], "resources": ["pods", "pods/log"]],
            ["verbs": ["create"], "apiGroups": [""], "resources": ["pods/exec", "pods/portforward"]],
        ]
    }

    static func clusterRole(name: String, uid: String?, resourceVersion: String?, created: CorpusTime?, lastApplied: String,
                            manager: String?) -> CorpusJSON {
        [
            "kind": "ClusterRole",
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "metadata": ObjectMetadata.metadata(
                name: name, uid: uid, resourceVersion: resourceVersion, created: created,
                annotations: [("kubectl.kubernetes.io/last-applied-configuration", lastApplied)],
                managedFields: manager.map { manager in
                    [ObjectMetadata.managedField(manager: manager, apiVersion: "rbac.authorization.k8s.io/v1", time: created ?? CorpusTime(microseconds: 0), fields: [
                        "f:metadata": ["f:annotations": .object([(".", .object([])), ("f:kubectl.kubernetes.io/last-applied-configuration", .object([]))])],
                        "f:rules": .object([]),
                    ])]
                } ?? []
            ),
            "rules": podDebuggerRules(),
        ]
    }
}
