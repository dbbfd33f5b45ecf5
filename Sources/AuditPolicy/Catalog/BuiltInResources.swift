/// The resources kube-apiserver serves in Kubernetes 1.23 to 1.36, plus older ones that policies
/// still name (so that the linter can say "removed in 1.22" rather than "unknown").
///
/// Sources, checked for every modelled release:
/// - the API types of each release (kubernetes/api at tags v0.23.0 ... v0.36.0: which group versions
///   exist, `+genclient` scope and subresource tags, GA versus alpha or beta packages);
/// - kube-apiserver's discovery documents (kubernetes/kubernetes `api/discovery/*.json`) for
///   subresources, verbs and short names;
/// - the Kubernetes deprecated API migration guide for removals, and the rule that beta APIs
///   introduced from 1.24 on are off by default (so a resource is served by default from its GA release).
enum BuiltInResources {
    static let all: [APIResource] = core + apps + batch + rbac + admission + auth + others + historical

    private typealias R = APIResource
    private static let getList = ["get", "list"]
    private static let create = APIResource.createOnly

    private static let core: [APIResource] = [
        R(group: "", version: "v1", name: "bindings", namespaced: true, aliases: ["binding"], verbs: create),
        R(group: "", version: "v1", name: "componentstatuses", namespaced: false, aliases: ["cs", "componentstatus"], verbs: getList),
        R(group: "", version: "v1", name: "configmaps", namespaced: true, aliases: ["cm", "configmap"]),
        R(group: "", version: "v1", name: "endpoints", namespaced: true, aliases: ["ep"]),
        R(group: "", version: "v1", name: "events", namespaced: true, aliases: ["ev", "event"]),
        R(group: "", version: "v1", name: "limitranges", namespaced: true, aliases: ["limits", "limitrange"]),
        R(group: "", version: "v1", name: "namespaces", namespaced: false, subresources: ["finalize", "status"], aliases: ["ns", "namespace"],
          verbs: ["create", "delete", "get", "list", "patch", "update", "watch"]),
        R(group: "", version: "v1", name: "nodes", namespaced: false, subresources: ["proxy", "status"], aliases: ["no", "node"]),
        R(group: "", version: "v1", name: "persistentvolumeclaims", namespaced: true, subresources: ["status"], aliases: ["pvc", "persistentvolumeclaim"]),
        R(group: "", version: "v1", name: "persistentvolumes", namespaced: false, subresources: ["status"], aliases: ["pv", "persistentvolume"]),
        R(group: "", version: "v1", name: "pods", namespaced: true,
          subresources: ["attach", "binding", "checkpoint", "ephemeralcontainers", "eviction", "exec", "log", "portforward", "proxy", "resize", "status"],
          aliases: ["po", "pod"]),
        R(group: "", version: "v1", name: "podtemplates", namespaced: true, aliases: ["podtemplate"]),
        R(group: "", version: "v1", name: "replicationcontrollers", namespaced: true, subresources: ["scale", "status"], aliases: ["rc", "replicationcontroller"]),
        R(group: "", version: "v1", name: "resourcequotas", namespaced: true, subresources: ["status"], aliases: ["quota", "resourcequota"]),
        R(group: "", version: "v1", name: "secrets", namespaced: true, aliases: ["secret"]),
        R(group: "", version: "v1", name: "serviceaccounts", namespaced: true, subresources: ["token"], aliases: ["sa", "serviceaccount"]),
        R(group: "", version: "v1", name: "services", namespaced: true, subresources: ["proxy", "status"], aliases: ["svc", "service"]),
    ]

    private static let apps: [APIResource] = [
        R(group: "apps", version: "v1", name: "controllerrevisions", namespaced: true, aliases: ["controllerrevision"]),
        R(group: "apps", version: "v1", name: "daemonsets", namespaced: true, subresources: ["status"], aliases: ["ds", "daemonset"]),
        R(group: "apps", version: "v1", name: "deployments", namespaced: true, subresources: ["scale", "status"], aliases: ["deploy", "deployment"]),
        R(group: "apps", version: "v1", name: "replicasets", namespaced: true, subresources: ["scale", "status"], aliases: ["rs", "replicaset"]),
        R(group: "apps", version: "v1", name: "statefulsets", namespaced: true, subresources: ["scale", "status"], aliases: ["sts", "statefulset"]),
    ]

    private static let batch: [APIResource] = [
        R(group: "batch", version: "v1", name: "cronjobs", namespaced: true, subresources: ["status"], aliases: ["cj", "cronjob"]),
        R(group: "batch", version: "v1", name: "jobs", namespaced: true, subresources: ["status"], aliases: ["job"]),
        R(group: "autoscaling", version: "v2", name: "horizontalpodautoscalers", namespaced: true, subresources: ["status"], aliases: ["hpa", "horizontalpodautoscaler"]),
    ]

    private static let rbac: [APIResource] = [
        R(group: "rbac.authorization.k8s.io", version: "v1", name: "clusterrolebindings", namespaced: false, aliases: ["clusterrolebinding"]),
        R(group: "rbac.authorization.k8s.io", version: "v1", name: "clusterroles", namespaced: false, aliases: ["clusterrole"]),
        R(group: "rbac.authorization.k8s.io", version: "v1", name: "rolebindings", namespaced: true, aliases: ["rolebinding"]),
        R(group: "rbac.authorization.k8s.io", version: "v1", name: "roles", namespaced: true, aliases: ["role"]),
    ]

    private static let admission: [APIResource] = [
        R(group: "admissionregistration.k8s.io", version: "v1", name: "mutatingwebhookconfigurations", namespaced: false, aliases: ["mutatingwebhookconfiguration"]),
        R(group: "admissionregistration.k8s.io", version: "v1", name: "validatingwebhookconfigurations", namespaced: false, aliases: ["validatingwebhookconfiguration"]),
        // v1alpha1 in 1.26, v1beta1 (off by default) in 1.28, v1 in 1.30.
        R(group: "admissionregistration.k8s.io", version: "v1", name: "validatingadmissionpolicies", namespaced: false, subresources: ["status"],
          aliases: ["validatingadmissionpolicy"], since: 30, optInSince: 26),
        R(group: "admissionregistration.k8s.io", version: "v1", name: "validatingadmissionpolicybindings", namespaced: false,
          aliases: ["validatingadmissionpolicybinding"], since: 30, optInSince: 26),
        // v1alpha1 in 1.32, v1beta1 (off by default) in 1.34, v1 in 1.36 (feature MutatingAdmissionPolicy).
        R(group: "admissionregistration.k8s.io", version: "v1", name: "mutatingadmissionpolicies", namespaced: false, subresources: ["status"],
          aliases: ["mutatingadmissionpolicy"], since: 36, optInSince: 32),
        R(group: "admissionregistration.k8s.io", version: "v1", name: "mutatingadmissionpolicybindings", namespaced: false,
          aliases: ["mutatingadmissionpolicybinding"], since: 36, optInSince: 32),
        R(group: "apiextensions.k8s.io", version: "v1", name: "customresourcedefinitions", namespaced: false, subresources: ["status"],
          aliases: ["crd", "crds", "customresourcedefinition"]),
        R(group: "apiregistration.k8s.io", version: "v1", name: "apiservices", namespaced: false, subresources: ["status"], aliases: ["apiservice"]),
    ]

    private static let auth: [APIResource] = [
        R(group: "authentication.k8s.io", version: "v1", name: "tokenreviews", namespaced: false, aliases: ["tokenreview"], verbs: create),
        // v1alpha1 in 1.26, v1beta1 on by default in 1.27, v1 in 1.28.
        R(group: "authentication.k8s.io", version: "v1", name: "selfsubjectreviews", namespaced: false, aliases: ["selfsubjectreview"],
          since: 27, optInSince: 26, verbs: create),
        R(group: "authorization.k8s.io", version: "v1", name: "localsubjectaccessreviews", namespaced: true, aliases: ["localsubjectaccessreview"], verbs: create),
        R(group: "authorization.k8s.io", version: "v1", name: "selfsubjectaccessreviews", namespaced: false, aliases: ["selfsubjectaccessreview"], verbs: create),
        R(group: "authorization.k8s.io", version: "v1", name: "selfsubjectrulesreviews", namespaced: false, aliases: ["selfsubjectrulesreview"], verbs: create),
        R(group: "authorization.k8s.io", version: "v1", name: "subjectaccessreviews", namespaced: false, aliases: ["subjectaccessreview"], verbs: create),
        R(group: "certificates.k8s.io", version: "v1", name: "certificatesigningrequests", namespaced: false, subresources: ["approval", "status"],
          aliases: ["csr", "certificatesigningrequest"]),
        // v1alpha1 in 1.27, v1beta1 (off by default) in 1.33.
        R(group: "certificates.k8s.io", version: "v1beta1", name: "clustertrustbundles", namespaced: false, aliases: ["clustertrustbundle"],
          optInSince: 27, optInOnly: true),
        // v1alpha1 in 1.34, v1beta1 (off by default) in 1.35.
        R(group: "certificates.k8s.io", version: "v1beta1", name: "podcertificaterequests", namespaced: true, subresources: ["status"],
          aliases: ["podcertificaterequest"], optInSince: 34, optInOnly: true),
    ]

    private static let others: [APIResource] = [
        R(group: "coordination.k8s.io", version: "v1", name: "leases", namespaced: true, aliases: ["lease"]),
        // v1alpha1 in 1.31, v1alpha2 in 1.32, v1beta1 (off by default) in 1.33.
        R(group: "coordination.k8s.io", version: "v1beta1", name: "leasecandidates", namespaced: true, aliases: ["leasecandidate"],
          optInSince: 31, optInOnly: true),
        R(group: "discovery.k8s.io", version: "v1", name: "endpointslices", namespaced: true, aliases: ["endpointslice"]),
        R(group: "events.k8s.io", version: "v1", name: "events", namespaced: true, aliases: ["ev", "event"]),
        // v1beta2 served by default in 1.23, v1beta3 from 1.26, v1 from 1.29.
        R(group: "flowcontrol.apiserver.k8s.io", version: "v1", name: "flowschemas", namespaced: false, subresources: ["status"], aliases: ["flowschema"]),
        R(group: "flowcontrol.apiserver.k8s.io", version: "v1", name: "prioritylevelconfigurations", namespaced: false, subresources: ["status"],
          aliases: ["prioritylevelconfiguration"]),
        R(group: "internal.apiserver.k8s.io", version: "v1alpha1", name: "storageversions", namespaced: false, subresources: ["status"],
          aliases: ["storageversion"], optInOnly: true),
        R(group: "networking.k8s.io", version: "v1", name: "ingressclasses", namespaced: false, aliases: ["ingressclass"]),
        R(group: "networking.k8s.io", version: "v1", name: "ingresses", namespaced: true, subresources: ["status"], aliases: ["ing", "ingress"]),
        R(group: "networking.k8s.io", version: "v1", name: "networkpolicies", namespaced: true, aliases: ["netpol", "networkpolicy"]),
        // v1alpha1 in 1.27 (ipaddresses) and 1.29 (servicecidrs), v1beta1 (off by default) in 1.31, v1 in 1.33.
        R(group: "networking.k8s.io", version: "v1", name: "ipaddresses", namespaced: false, aliases: ["ip", "ipaddress"], since: 33, optInSince: 27),
        R(group: "networking.k8s.io", version: "v1", name: "servicecidrs", namespaced: false, subresources: ["status"], aliases: ["servicecidr"],
          since: 33, optInSince: 29),
        R(group: "networking.k8s.io", version: "v1alpha1", name: "clustercidrs", namespaced: false, aliases: ["clustercidr"],
          removedIn: 29, optInSince: 25, optInOnly: true),
        R(group: "node.k8s.io", version: "v1", name: "runtimeclasses", namespaced: false, aliases: ["runtimeclass"]),
        R(group: "policy", version: "v1", name: "poddisruptionbudgets", namespaced: true, subresources: ["status"], aliases: ["pdb", "poddisruptionbudget"]),
        R(group: "policy", version: "v1beta1", name: "podsecuritypolicies", namespaced: false, aliases: ["psp", "podsecuritypolicy"], removedIn: 25),
        // Dynamic resource allocation: alpha from 1.26, v1beta1/v1beta2 off by default, v1 in 1.34.
        R(group: "resource.k8s.io", version: "v1", name: "deviceclasses", namespaced: false, aliases: ["deviceclass"], since: 34, optInSince: 31),
        R(group: "resource.k8s.io", version: "v1", name: "resourceclaims", namespaced: true, subresources: ["status"], aliases: ["resourceclaim"],
          since: 34, optInSince: 26),
        R(group: "resource.k8s.io", version: "v1", name: "resourceclaimtemplates", namespaced: true, aliases: ["resourceclaimtemplate"],
          since: 34, optInSince: 26),
        R(group: "resource.k8s.io", version: "v1", name: "resourceslices", namespaced: false, aliases: ["resourceslice"], since: 34, optInSince: 30),
        R(group: "resource.k8s.io", version: "v1beta2", name: "devicetaintrules", namespaced: false, subresources: ["status"], aliases: ["devicetaintrule"],
          optInSince: 33, optInOnly: true),
        R(group: "resource.k8s.io", version: "v1alpha3", name: "resourcepoolstatusrequests", namespaced: false, subresources: ["status"],
          optInSince: 36, optInOnly: true),
        R(group: "resource.k8s.io", version: "v1alpha2", name: "resourceclasses", namespaced: false, removedIn: 31, optInSince: 26, optInOnly: true),
        R(group: "resource.k8s.io", version: "v1alpha3", name: "podschedulingcontexts", namespaced: true, subresources: ["status"],
          removedIn: 32, optInSince: 27, optInOnly: true),
        R(group: "scheduling.k8s.io", version: "v1", name: "priorityclasses", namespaced: false, aliases: ["pc", "priorityclass"]),
        R(group: "scheduling.k8s.io", version: "v1alpha2", name: "workloads", namespaced: true, aliases: ["workload"], optInSince: 35, optInOnly: true),
        R(group: "scheduling.k8s.io", version: "v1alpha2", name: "podgroups", namespaced: true, subresources: ["status"], aliases: ["podgroup"],
          optInSince: 36, optInOnly: true),
        R(group: "storage.k8s.io", version: "v1", name: "csidrivers", namespaced: false, aliases: ["csidriver"]),
        R(group: "storage.k8s.io", version: "v1", name: "csinodes", namespaced: false, aliases: ["csinode"]),
        // v1beta1, on by default, in 1.21 to 1.23; v1 from 1.24.
        R(group: "storage.k8s.io", version: "v1", name: "csistoragecapacities", namespaced: true, aliases: ["csistoragecapacity"]),
        R(group: "storage.k8s.io", version: "v1", name: "storageclasses", namespaced: false, aliases: ["sc", "storageclass"]),
        R(group: "storage.k8s.io", version: "v1", name: "volumeattachments", namespaced: false, subresources: ["status"], aliases: ["volumeattachment"]),
        // v1alpha1 in 1.29, v1beta1 (off by default) in 1.31, v1 in 1.34.
        R(group: "storage.k8s.io", version: "v1", name: "volumeattributesclasses", namespaced: false, aliases: ["vac", "volumeattributesclass"],
          since: 34, optInSince: 29),
        // v1alpha1 in 1.30, v1beta1 (off by default) in 1.35.
        R(group: "storagemigration.k8s.io", version: "v1beta1", name: "storageversionmigrations", namespaced: false, subresources: ["status"],
          aliases: ["storageversionmigration"], optInSince: 30, optInOnly: true),
    ]

    /// Resources removed before 1.23 that policies written for older clusters still name.
    /// Source: the Kubernetes deprecated API migration guide (extensions/v1beta1 workloads,
    /// network policies and pod security policies removed in 1.16, ingresses in 1.22;
    /// settings.k8s.io PodPreset in 1.20; auditregistration.k8s.io AuditSink in 1.19).
    private static let historical: [APIResource] = [
        R(group: "extensions", version: "v1beta1", name: "daemonsets", namespaced: true, subresources: ["status"], removedIn: 16),
        R(group: "extensions", version: "v1beta1", name: "deployments", namespaced: true, subresources: ["rollback", "scale", "status"], removedIn: 16),
        R(group: "extensions", version: "v1beta1", name: "replicasets", namespaced: true, subresources: ["scale", "status"], removedIn: 16),
        R(group: "extensions", version: "v1beta1", name: "networkpolicies", namespaced: true, removedIn: 16),
        R(group: "extensions", version: "v1beta1", name: "podsecuritypolicies", namespaced: false, removedIn: 16),
        R(group: "extensions", version: "v1beta1", name: "ingresses", namespaced: true, subresources: ["status"], removedIn: 22),
        R(group: "settings.k8s.io", version: "v1alpha1", name: "podpresets", namespaced: true, removedIn: 20),
        R(group: "auditregistration.k8s.io", version: "v1alpha1", name: "auditsinks", namespaced: false, removedIn: 19),
    ]
}
