import AuditPolicy

// The built-in security checklist, from the research notes in CHECKLIST.md, each row checked
// against its sources where their text was available (`verified: true`): Falco's
// plugins/k8saudit/rules/k8s_audit_rules.yaml, SigmaHQ's rules/application/kubernetes/audit,
// Elastic's rules/integrations/kubernetes, and the EKS Best Practices Guide's auditing page.
//
// Deviations from the notes, found while verifying:
// - Falco's rules read only ResponseComplete events (`kevt`), except Attach/Exec Pod, which reads
//   ResponseStarted (`kevt_started`) and only the verb create; so rows that Falco backs require
//   the ResponseComplete stage.
// - TokenReview requests carry the bearer token in the request body (`spec.token`), so Request
//   level already writes it: tokenreviews are capped at Metadata, not just "never RequestResponse".
// - Answers 401 and 403 are two rows: a failed authentication reaches the policy with no user and
//   gets a single ResponseStarted event (pkg/endpoints/filters/authn_audit.go); a 403 can answer
//   any authenticated request, which the policy cannot tell apart.

extension SecurityChecklist {
    /// The built-in checklist.
    public static let builtIn = SecurityChecklist(items: BuiltInChecklist.items)
}

enum BuiltInChecklist {
    private static let falcoRules = "https://github.com/falcosecurity/plugins/blob/main/plugins/k8saudit/rules/k8s_audit_rules.yaml"
    private static let sigmaFolder = "https://github.com/SigmaHQ/sigma/tree/master/rules/application/kubernetes/audit/"
    private static let elasticFolder = "https://github.com/elastic/detection-rules/blob/main/rules/integrations/kubernetes/"
    private static let guardDuty = "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-finding-types-eks-audit-logs.html"
    private static let eksGuide = "https://docs.aws.amazon.com/eks/latest/best-practices/auditing-and-logging.html"

    private static func falco(_ rule: String, verified: Bool = true) -> ChecklistSource {
        ChecklistSource(.falco, "rule \"\(rule)\"", url: falcoRules, verified: verified)
    }

    private static func sigma(_ file: String, verified: Bool = false) -> ChecklistSource {
        ChecklistSource(.sigma, file, url: sigmaFolder + file, verified: verified)
    }

    private static func elastic(_ file: String, verified: Bool = false) -> ChecklistSource {
        ChecklistSource(.elastic, file, url: elasticFolder + file, verified: verified)
    }

    private static func guardDutyFinding(_ finding: String) -> ChecklistSource {
        ChecklistSource(.guardDuty, finding, url: guardDuty, verified: true)
    }

    private static let cis = ChecklistSource(.cis, "3.2.2 Ensure that the audit policy covers key security concerns")
    private static func eks(_ section: String) -> ChecklistSource { ChecklistSource(.eksBestPractices, section, url: eksGuide, verified: true) }

    /// Who did what to which object, and whether it succeeded.
    private static let outcome: [AuditField] = [.verb, .user, .objectRef, .responseCode]

    private static func metadata(_ extra: [AuditField] = [], stages: StageSet = []) -> EventRequirement {
        EventRequirement(minimumLevel: .metadata, fields: outcome + extra, requiredStages: stages)
    }

    private static func core(_ resources: [String], names: [String] = []) -> RequestSelector.ResourceEntry {
        group("", resources, names: names)
    }

    /// Resources named exactly (`pods/exec` is the exec subresource of pods).
    private static func group(_ group: String, _ resources: [String], names: [String] = []) -> RequestSelector.ResourceEntry {
        RequestSelector.ResourceEntry(group: .named(group), resources: resources, names: names, exact: true)
    }

    /// Requests by an authenticated user (the action was attempted; a failed authentication is CL29-401).
    private static func acts(_ verbs: [String], _ entries: [RequestSelector.ResourceEntry], namespaces: [String] = []) -> RequestSelector {
        RequestSelector(authentication: .authenticated, verbs: verbs, target: .resources(namespaces: namespaces, entries: entries))
    }

    static let items: [ChecklistItem] = [
        ChecklistItem(
            id: "CL01", title: "Pod creation",
            requests: [acts(["create"], [core(["pods"])])],
            requestSummary: "create pods",
            requirement: EventRequirement(minimumLevel: .request, fields: outcome + [.requestObject], requiredStages: [.responseComplete]),
            rationale: "privileged containers, hostPath volumes, hostNetwork/hostPID/hostIPC, capabilities and images are only in the request body",
            sources: [
                falco("Create Privileged Pod"), falco("Create Sensitive Mount Pod"), falco("Create HostNetwork Pod"),
                sigma("kubernetes_audit_privileged_pod_creation.yml"), sigma("kubernetes_audit_hostpath_mount.yml"),
                elastic("privilege_escalation_privileged_pod_created.toml"), elastic("privilege_escalation_pod_created_with_hostnetwork.toml"),
                guardDutyFinding("PrivilegeEscalation:Kubernetes/PrivilegedContainer"), guardDutyFinding("Persistence:Kubernetes/ContainerWithSensitiveMount"),
            ]
        ),
        ChecklistItem(
            id: "CL02", title: "Workload changes",
            requests: [
                acts(["create", "update", "patch"], [group("apps", ["deployments", "daemonsets", "statefulsets"]), group("batch", ["jobs", "cronjobs"])]),
            ],
            requestSummary: "create, update or patch apps deployments, daemonsets, statefulsets and batch jobs, cronjobs",
            requirement: metadata(stages: [.responseComplete]),
            recommendedLevel: .request,
            rationale: "who changed a workload; the image, sidecars and security context need the request body",
            sources: [
                falco("K8s Deployment Created"), sigma("kubernetes_audit_cronjob_modification.yml"),
                elastic("privilege_escalation_sensitive_workload_modification_by_user_agent.toml"),
                guardDutyFinding("Execution:Kubernetes/AnomalousBehavior.WorkloadDeployed"), cis,
            ]
        ),
        ChecklistItem(
            id: "CL03", title: "Deployment deletion",
            requests: [acts(["delete"], [group("apps", ["deployments"])])],
            requestSummary: "delete apps deployments",
            requirement: metadata(stages: [.responseComplete]),
            rationale: "destructive changes to workloads",
            sources: [falco("K8s Deployment Deleted"), sigma("kubernetes_audit_deployment_deleted.yml")]
        ),
        ChecklistItem(
            id: "CL04", title: "Exec and attach",
            requests: [acts(["create", "get"], [core(["pods/exec", "pods/attach"])])],
            requestSummary: "create or get pods/exec, pods/attach",
            requirement: EventRequirement(minimumLevel: .metadata, fields: [.verb, .user, .objectRef, .requestURI], requiredStages: [.responseStarted]),
            rationale: "the command is in requestURI; Falco's Attach/Exec Pod reads the ResponseStarted event; kubectl sends create (SPDY) or get (WebSocket)",
            sources: [
                falco("Attach/Exec Pod"), sigma("kubernetes_audit_exec_into_container.yml", verified: true),
                elastic("execution_user_exec_to_pod.toml", verified: true), guardDutyFinding("Execution:Kubernetes/ExecInKubeSystemPod"),
                guardDutyFinding("Execution:Kubernetes/AnomalousBehavior.ExecInPod"), cis,
            ]
        ),
        ChecklistItem(
            id: "CL05", title: "Port-forward and proxy",
            requests: [acts([], [core(["pods/portforward", "pods/proxy", "services/proxy", "nodes/proxy"])])],
            requestSummary: "any verb on pods/portforward, pods/proxy, services/proxy, nodes/proxy",
            requirement: EventRequirement(minimumLevel: .metadata, fields: [.verb, .user, .objectRef]),
            rationale: "tunnels into pods and the kubelet API bypass network controls",
            sources: [falco("port-forward"), elastic("privilege_escalation_api_proxy_to_node.toml"), cis]
        ),
        ChecklistItem(
            id: "CL06", title: "Ephemeral containers",
            requests: [acts(["update", "patch"], [core(["pods/ephemeralcontainers"])])],
            requestSummary: "update or patch pods/ephemeralcontainers",
            requirement: metadata(stages: [.responseComplete]),
            recommendedLevel: .request,
            rationale: "kubectl debug injects a container into a running pod; its image is in the request body",
            sources: [falco("EphemeralContainers Created"), elastic("privilege_escalation_kubernetes_ephemeral_container_added_to_pod.toml")]
        ),
        ChecklistItem(
            id: "CL07", title: "Secret reads",
            requests: [acts(["get", "list", "watch"], [core(["secrets"])])],
            requestSummary: "get, list or watch secrets",
            requirement: metadata(stages: [.responseComplete]),
            maximumLevel: .metadata,
            rationale: "who read which secret; Request or RequestResponse would write the secret data to the log",
            sources: [
                falco("K8s Secret Get Successfully"), sigma("kubernetes_audit_secrets_enumeration.yml"),
                elastic("credential_access_get_secrets_access.toml"), guardDutyFinding("CredentialAccess:Kubernetes/AnomalousBehavior.SecretsAccessed"),
                cis, eks("Plots unauthorized read operations against Secrets (Logs Insights query)"),
            ]
        ),
        ChecklistItem(
            id: "CL08", title: "Secret changes",
            requests: [acts(["create", "update", "patch", "delete"], [core(["secrets"])])],
            requestSummary: "create, update, patch or delete secrets",
            requirement: metadata(stages: [.responseComplete]),
            maximumLevel: .metadata,
            rationale: "changes to credentials; bodies would write the secret data to the log",
            sources: [falco("K8s Secret Created"), falco("K8s Secret Deleted"), sigma("kubernetes_audit_secrets_modified_or_deleted.yml"), cis]
        ),
        ChecklistItem(
            id: "CL09", title: "ConfigMap changes (credential detection)",
            requests: [acts(["create", "update", "patch"], [core(["configmaps"])])],
            requestSummary: "create, update or patch configmaps",
            requirement: EventRequirement(minimumLevel: .request, fields: outcome + [.requestObject], requiredStages: [.responseComplete]),
            rationale: "Falco's credential detection reads the ConfigMap data from the request body",
            limitation: "trade-off: the CIS benchmark advises Metadata for configmaps, since they may hold credentials; logging the body is what lets Falco find them",
            sources: [falco("Create/Modify Configmap With Private Credentials"), cis]
        ),
        ChecklistItem(
            id: "CL10", title: "aws-auth ConfigMap changes",
            requests: [acts(["update", "patch", "delete"], [core(["configmaps"], names: ["aws-auth"])], namespaces: ["kube-system"])],
            requestSummary: "update, patch or delete configmaps aws-auth in kube-system",
            requirement: metadata([.annotations]),
            recommendedLevel: .requestResponse,
            rationale: "aws-auth maps IAM identities to Kubernetes groups (system:masters); RequestResponse shows the new mapping",
            sources: [elastic("persistence_kubernetes_eks_aws_auth_configmap_modified.toml", verified: true), eks("Lists updates to the aws-auth ConfigMap (Logs Insights query)")]
        ),
        ChecklistItem(
            id: "CL11", title: "Cluster DNS ConfigMap changes",
            requests: [acts(["update", "patch", "delete"], [core(["configmaps"], names: ["coredns", "kube-dns"])], namespaces: ["kube-system"])],
            requestSummary: "update, patch or delete configmaps coredns or kube-dns in kube-system",
            requirement: metadata(),
            rationale: "rewriting cluster DNS redirects traffic (DNS hijack)",
            sources: [elastic("impact_kubernetes_coredns_or_kube_dns_configuration_modified.toml")]
        ),
        ChecklistItem(
            id: "CL12", title: "Role binding creation",
            requests: [acts(["create"], [group("rbac.authorization.k8s.io", ["clusterrolebindings", "rolebindings"])])],
            requestSummary: "create rbac.authorization.k8s.io clusterrolebindings, rolebindings",
            requirement: EventRequirement(minimumLevel: .request, fields: outcome + [.requestObject], requiredStages: [.responseComplete]),
            rationale: "the roleRef (cluster-admin?) and subjects are only in the request body",
            sources: [
                falco("Attach to cluster-admin Role"), sigma("kubernetes_audit_rolebinding_modification.yml"),
                elastic("persistence_cluster_admin_rolebinding_created.toml"), guardDutyFinding("PrivilegeEscalation:Kubernetes/AnomalousBehavior.RoleBindingCreated"),
                guardDutyFinding("Policy:Kubernetes/AdminAccessToDefaultServiceAccount"),
                eks("Lists create, update, delete operations to RoleBindings (Logs Insights query)"),
            ]
        ),
        ChecklistItem(
            id: "CL13", title: "Role creation",
            requests: [acts(["create"], [group("rbac.authorization.k8s.io", ["roles", "clusterroles"])])],
            requestSummary: "create rbac.authorization.k8s.io roles, clusterroles",
            requirement: EventRequirement(minimumLevel: .request, fields: outcome + [.requestObject], requiredStages: [.responseComplete]),
            rationale: "the rules (wildcards, pods/exec, write verbs) are only in the request body",
            sources: [
                falco("ClusterRole With Wildcard Created"), falco("ClusterRole With Pod Exec Created"),
                elastic("persistence_sensitive_role_creation_or_modification.toml"), guardDutyFinding("PrivilegeEscalation:Kubernetes/AnomalousBehavior.RoleCreated"),
                eks("Lists create, update, delete operations to Roles (Logs Insights query)"),
            ]
        ),
        ChecklistItem(
            id: "CL14", title: "Role changes",
            requests: [acts(["update", "patch"], [group("rbac.authorization.k8s.io", ["roles", "clusterroles"])])],
            requestSummary: "update or patch rbac.authorization.k8s.io roles, clusterroles",
            requirement: EventRequirement(minimumLevel: .requestResponse, fields: outcome + [.annotations, .responseObject], requiredStages: [.responseComplete]),
            rationale: "a patch alone does not show the resulting rules; the detection reads the merged role from the response",
            sources: [elastic("privilege_escalation_role_patch_wildcard_verbs_resources_response.toml", verified: true), eks("Lists create, update, delete operations to ClusterRoles (Logs Insights query)")]
        ),
        ChecklistItem(
            id: "CL15", title: "System role changes",
            requests: [acts(["update", "patch", "delete"], [group("rbac.authorization.k8s.io", ["roles", "clusterroles"])])],
            requestSummary: "update, patch or delete rbac.authorization.k8s.io roles, clusterroles (Falco watches names starting with system:)",
            requirement: metadata(stages: [.responseComplete]),
            rationale: "tampering with the roles Kubernetes components rely on",
            limitation: "an audit policy selects names exactly (resourceNames), never by prefix, so this row covers every role and clusterrole",
            sources: [falco("System ClusterRole Modified/Deleted")]
        ),
        ChecklistItem(
            id: "CL16", title: "Admission webhook changes",
            requests: [acts(["create", "update", "patch", "delete"], [group("admissionregistration.k8s.io", ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"])])],
            requestSummary: "create, update, patch or delete admissionregistration.k8s.io mutating/validatingwebhookconfigurations",
            requirement: metadata(),
            rationale: "a webhook sees (and can change) every object admitted",
            sources: [
                sigma("kubernetes_audit_change_admission_controller.yml"), elastic("persistence_kubernetes_admission_webhook_created_or_modified.toml"),
                eks("Lists creation of new or changes to validation webhooks (Logs Insights query)"),
            ]
        ),
        ChecklistItem(
            id: "CL17", title: "CustomResourceDefinition changes",
            requests: [acts(["create", "update", "patch"], [group("apiextensions.k8s.io", ["customresourcedefinitions"])])],
            requestSummary: "create, update or patch apiextensions.k8s.io customresourcedefinitions",
            requirement: metadata(),
            rationale: "new APIs the rest of the policy may not cover",
            sources: [elastic("customresourcedefinitions (research notes)")]
        ),
        ChecklistItem(
            id: "CL18", title: "ServiceAccount creation",
            requests: [acts(["create"], [core(["serviceaccounts"])])],
            requestSummary: "create serviceaccounts",
            requirement: metadata(stages: [.responseComplete]),
            rationale: "new identities, especially in kube-system",
            sources: [falco("K8s Serviceaccount Created"), falco("Service Account Created in Kube Namespace"), sigma("kubernetes_audit_serviceaccount_creation.yml")]
        ),
        ChecklistItem(
            id: "CL19", title: "Token requests",
            requests: [acts(["create"], [core(["serviceaccounts/token"])])],
            requestSummary: "create serviceaccounts/token",
            requirement: metadata(),
            maximumLevel: .request,
            rationale: "minting tokens for other service accounts; the response holds a bearer token, so never RequestResponse",
            sources: [elastic("credential_access_kubernetes_service_account_token_created_via_tokenrequest.toml", verified: true)]
        ),
        ChecklistItem(
            id: "CL20", title: "Token reviews",
            requests: [acts(["create"], [group("authentication.k8s.io", ["tokenreviews"])])],
            requestSummary: "create authentication.k8s.io tokenreviews",
            requirement: metadata(),
            maximumLevel: .metadata,
            rationale: "the request body holds the bearer token under review (spec.token): Request level already writes it",
            sources: [cis]
        ),
        ChecklistItem(
            id: "CL21", title: "Certificate signing requests",
            requests: [
                acts(["create", "update", "patch"], [group("certificates.k8s.io", ["certificatesigningrequests"])]),
                acts(["update", "patch"], [group("certificates.k8s.io", ["certificatesigningrequests/approval"])]),
            ],
            requestSummary: "create, update or patch certificates.k8s.io certificatesigningrequests; update or patch certificatesigningrequests/approval",
            requirement: metadata(),
            recommendedLevel: .request,
            rationale: "client certificates are long-lived credentials; the subject is in the request body",
            sources: [elastic("persistence_kubernetes_client_certificate_signing_request_created_or_approved.toml")]
        ),
        ChecklistItem(
            id: "CL22", title: "Permission enumeration",
            requests: [acts(["create"], [group("authorization.k8s.io", ["selfsubjectaccessreviews", "selfsubjectrulesreviews"])])],
            requestSummary: "create authorization.k8s.io selfsubjectaccessreviews, selfsubjectrulesreviews",
            requirement: metadata(),
            recommendedLevel: .request,
            rationale: "\"kubectl auth can-i\" enumeration; the question asked is in the request body",
            sources: [sigma("kubernetes_audit_rbac_permisions_listing.yml"), elastic("discovery_suspicious_self_subject_review.toml"), guardDutyFinding("Discovery:Kubernetes/AnomalousBehavior.PermissionChecked")]
        ),
        ChecklistItem(
            id: "CL23", title: "Service creation",
            requests: [acts(["create"], [core(["services"])])],
            requestSummary: "create services",
            requirement: EventRequirement(minimumLevel: .request, fields: outcome + [.requestObject], requiredStages: [.responseComplete]),
            rationale: "NodePort and LoadBalancer exposure is spec.type, in the request body",
            sources: [falco("Create NodePort Service"), elastic("persistence_exposed_service_created_with_type_nodeport.toml")]
        ),
        ChecklistItem(
            id: "CL24", title: "Ingress creation",
            requests: [acts(["create"], [group("networking.k8s.io", ["ingresses"])])],
            requestSummary: "create networking.k8s.io ingresses",
            requirement: EventRequirement(minimumLevel: .request, fields: outcome + [.requestObject], requiredStages: [.responseComplete]),
            rationale: "TLS is in spec.tls; at Metadata Falco's rule sees no spec.tls and fires for every ingress",
            sources: [falco("Ingress Object without TLS Certificate Created")]
        ),
        ChecklistItem(
            id: "CL25", title: "Namespace creation and deletion",
            requests: [acts(["create", "delete"], [core(["namespaces"])])],
            requestSummary: "create or delete namespaces",
            requirement: metadata(stages: [.responseComplete]),
            rationale: "unexpected namespaces and destructive deletes",
            sources: [falco("Create Disallowed Namespace"), falco("K8s Namespace Deleted")]
        ),
        ChecklistItem(
            id: "CL26", title: "Node registration",
            requests: [acts(["create"], [core(["nodes"])])],
            requestSummary: "create nodes",
            requirement: metadata(stages: [.responseComplete]),
            rationale: "an untrusted node joining the cluster",
            sources: [falco("Untrusted Node Successfully Joined the Cluster")]
        ),
        ChecklistItem(
            id: "CL27", title: "Event deletion",
            requests: [acts(["delete", "deletecollection"], [core(["events"]), group("events.k8s.io", ["events"])])],
            requestSummary: "delete or deletecollection events (core and events.k8s.io)",
            requirement: metadata(),
            rationale: "covering tracks",
            sources: [sigma("kubernetes_audit_events_deleted.yml"), elastic("defense_evasion_events_deleted.toml")]
        ),
        ChecklistItem(
            id: "CL28", title: "Anonymous requests",
            requests: [RequestSelector(users: ["system:anonymous"]), RequestSelector(userGroups: ["system:unauthenticated"])],
            requestSummary: "any request by user system:anonymous or a user in group system:unauthenticated",
            requirement: metadata([.annotations], stages: [.responseComplete]),
            rationale: "anonymous access that was allowed (authorization.k8s.io/decision annotation) or probing",
            sources: [
                falco("Anonymous Request Allowed"), elastic("initial_access_anonymous_request_authorized.toml"),
                guardDutyFinding("Policy:Kubernetes/AnonymousAccessGranted"), guardDutyFinding("Discovery:Kubernetes/SuccessfulAnonymousAccess"), eks("List of failed anonymous requests (Logs Insights query)"),
            ]
        ),
        ChecklistItem(
            id: "CL29-401", title: "Failed authentication (401)",
            requests: [RequestSelector(authentication: .unauthenticated)],
            requestSummary: "any request whose authentication fails (no user: answered 401)",
            requirement: EventRequirement(minimumLevel: .metadata, fields: [.verb, .objectRef, .sourceIPs, .responseCode]),
            rationale: "alarms on rising 401s; kube-apiserver evaluates the policy with no user and writes one ResponseStarted event",
            limitation: "the policy cannot select by response code; requests with no user are exactly the failed authentications",
            sources: [sigma("kubernetes_audit_unauthorized_unauthenticated_actions.yml", verified: true), eks("Create alarms for suspicious events (401 and 403)"),
                      ChecklistSource(.kubernetes, "pkg/endpoints/filters/authn_audit.go, WithFailedAuthenticationAudit", verified: true)]
        ),
        ChecklistItem(
            id: "CL29-403", title: "Denied requests (403)",
            requests: [RequestSelector(authentication: .authenticated)],
            requestSummary: "any authenticated request (any of them can be answered 403)",
            requirement: metadata([.annotations]),
            rationale: "alarms on rising 403s; the authorization decision and reason are annotations",
            limitation: "the policy cannot select by response code: every authenticated request must be logged for its denials to be seen",
            authorization: .always,
            sources: [sigma("kubernetes_audit_unauthorized_unauthenticated_actions.yml", verified: true), elastic("execution_forbidden_creation_request.toml"), eks("Create alarms for suspicious events (401 and 403)")]
        ),
        ChecklistItem(
            id: "CL30", title: "Impersonation",
            requests: [RequestSelector(authentication: .authenticated)],
            requestSummary: "any authenticated request (any of them can impersonate)",
            requirement: EventRequirement(minimumLevel: .metadata, fields: [.verb, .user, .objectRef, .impersonatedUser, .annotations], requiredStages: [.responseComplete]),
            rationale: "impersonatedUser is written from ResponseStarted on (the impersonation filter runs after RequestReceived)",
            limitation: "the policy sees the impersonating user, never the impersonated one, and cannot select requests that impersonate",
            authorization: .always,
            sources: [elastic("defense_evasion_kubernetes_user_impersonation.toml", verified: true), elastic("privilege_escalation_kubernetes_api_request_impersonating_privileged_identity.toml")]
        ),
        ChecklistItem(
            id: "CL31", title: "Cluster-wide enumeration",
            requests: [acts(["list", "watch"], [
                core(["secrets", "pods", "configmaps", "serviceaccounts"]),
                group("rbac.authorization.k8s.io", ["roles", "rolebindings"]),
            ], namespaces: [""]),
                acts(["list", "watch"], [core(["nodes", "namespaces"]), group("rbac.authorization.k8s.io", ["clusterroles", "clusterrolebindings"])]),
            ],
            requestSummary: "list or watch across all namespaces: secrets, pods, configmaps, serviceaccounts, roles, rolebindings; nodes, namespaces, clusterroles, clusterrolebindings",
            requirement: metadata(),
            rationale: "discovery and enumeration",
            limitation: "whether a named identity's cluster-wide list is routine depends on what RBAC grants it",
            authorization: .namedIdentities,
            sources: [elastic("discovery_kubernetes_multi_resource_setup_recon.toml"), elastic("credential_access_kubernetes_secrets_list_cluster_and_sensitive_namespaces.toml")]
        ),
        ChecklistItem(
            id: "CL32", title: "Catch-all",
            requests: [
                RequestSelector(authentication: .authenticated, target: .resources(namespaces: [], entries: [RequestSelector.ResourceEntry(group: .unmentioned)])),
                RequestSelector(authentication: .authenticated, target: .nonResource(paths: [.unmentioned])),
            ],
            requestSummary: "requests to API groups and non-resource paths that neither the policy nor this checklist names (CRDs, new APIs)",
            requirement: metadata(),
            rationale: "without a final catch-all rule, new resources and CRDs are silently not logged",
            sources: [cis]
        ),
    ]
}
