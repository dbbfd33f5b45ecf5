/// The data behind `APICatalog.builtIn`.
enum BuiltInResources {
    static let all: [APIResource] = core + apps + batch + rbac + others

    private static let core: [APIResource] = [
        .init(group: "", version: "v1", name: "bindings", namespaced: true),
        .init(group: "", version: "v1", name: "componentstatuses", namespaced: false, aliases: ["cs", "componentstatus"]),
        .init(group: "", version: "v1", name: "configmaps", namespaced: true, aliases: ["cm", "configmap"]),
        .init(group: "", version: "v1", name: "endpoints", namespaced: true, aliases: ["ep"]),
        .init(group: "", version: "v1", name: "events", namespaced: true, aliases: ["ev", "event"]),
        .init(group: "", version: "v1", name: "limitranges", namespaced: true, aliases: ["limits", "limitrange"]),
        .init(group: "", version: "v1", name: "namespaces", namespaced: false, subresources: ["finalize", "status"], aliases: ["ns", "namespace"]),
        .init(group: "", version: "v1", name: "nodes", namespaced: false, subresources: ["proxy", "status"], aliases: ["no", "node"]),
        .init(group: "", version: "v1", name: "persistentvolumeclaims", namespaced: true, subresources: ["status"], aliases: ["pvc", "persistentvolumeclaim"]),
        .init(group: "", version: "v1", name: "persistentvolumes", namespaced: false, subresources: ["status"], aliases: ["pv", "persistentvolume"]),
        .init(group: "", version: "v1", name: "pods", namespaced: true,
              subresources: ["attach", "binding", "ephemeralcontainers", "eviction", "exec", "log", "portforward", "proxy", "resize", "status"],
              aliases: ["po", "pod"]),
        .init(group: "", version: "v1", name: "podtemplates", namespaced: true, aliases: ["podtemplate"]),
        .init(group: "", version: "v1", name: "replicationcontrollers", namespaced: true, subresources: ["scale", "status"], aliases: ["rc", "replicationcontroller"]),
        .init(group: "", version: "v1", name: "resourcequotas", namespaced: true, subresources: ["status"], aliases: ["quota", "resourcequota"]),
        .init(group: "", version: "v1", name: "secrets", namespaced: true, aliases: ["secret"]),
        .init(group: "", version: "v1", name: "serviceaccounts", namespaced: true, subresources: ["token"], aliases: ["sa", "serviceaccount"]),
        .init(group: "", version: "v1", name: "services", namespaced: true, subresources: ["proxy", "status"], aliases: ["svc", "service"]),
    ]

    private static let apps: [APIResource] = [
        .init(group: "apps", version: "v1", name: "controllerrevisions", namespaced: true),
        .init(group: "apps", version: "v1", name: "daemonsets", namespaced: true, subresources: ["status"], aliases: ["ds", "daemonset"]),
        .init(group: "apps", version: "v1", name: "deployments", namespaced: true, subresources: ["scale", "status"], aliases: ["deploy", "deployment"]),
        .init(group: "apps", version: "v1", name: "replicasets", namespaced: true, subresources: ["scale", "status"], aliases: ["rs", "replicaset"]),
        .init(group: "apps", version: "v1", name: "statefulsets", namespaced: true, subresources: ["scale", "status"], aliases: ["sts", "statefulset"]),
    ]

    private static let batch: [APIResource] = [
        .init(group: "batch", version: "v1", name: "cronjobs", namespaced: true, subresources: ["status"], aliases: ["cj", "cronjob"]),
        .init(group: "batch", version: "v1", name: "jobs", namespaced: true, subresources: ["status"], aliases: ["job"]),
    ]

    private static let rbac: [APIResource] = [
        .init(group: "rbac.authorization.k8s.io", version: "v1", name: "clusterrolebindings", namespaced: false, aliases: ["clusterrolebinding"]),
        .init(group: "rbac.authorization.k8s.io", version: "v1", name: "clusterroles", namespaced: false, aliases: ["clusterrole"]),
        .init(group: "rbac.authorization.k8s.io", version: "v1", name: "rolebindings", namespaced: true, aliases: ["rolebinding"]),
        .init(group: "rbac.authorization.k8s.io", version: "v1", name: "roles", namespaced: true, aliases: ["role"]),
    ]

    private static let others: [APIResource] = [
        .init(group: "admissionregistration.k8s.io", version: "v1", name: "mutatingwebhookconfigurations", namespaced: false),
        .init(group: "admissionregistration.k8s.io", version: "v1", name: "validatingwebhookconfigurations", namespaced: false),
        .init(group: "admissionregistration.k8s.io", version: "v1", name: "validatingadmissionpolicies", namespaced: false, subresources: ["status"], since: 30),
        .init(group: "admissionregistration.k8s.io", version: "v1", name: "validatingadmissionpolicybindings", namespaced: false, since: 30),
        .init(group: "admissionregistration.k8s.io", version: "v1", name: "mutatingadmissionpolicies", namespaced: false, since: 36),
        .init(group: "admissionregistration.k8s.io", version: "v1", name: "mutatingadmissionpolicybindings", namespaced: false, since: 36),
        .init(group: "apiextensions.k8s.io", version: "v1", name: "customresourcedefinitions", namespaced: false, subresources: ["status"], aliases: ["crd", "crds"]),
        .init(group: "apiregistration.k8s.io", version: "v1", name: "apiservices", namespaced: false, subresources: ["status"]),
        .init(group: "authentication.k8s.io", version: "v1", name: "tokenreviews", namespaced: false),
        .init(group: "authentication.k8s.io", version: "v1", name: "selfsubjectreviews", namespaced: false, since: 28),
        .init(group: "authorization.k8s.io", version: "v1", name: "localsubjectaccessreviews", namespaced: true),
        .init(group: "authorization.k8s.io", version: "v1", name: "selfsubjectaccessreviews", namespaced: false),
        .init(group: "authorization.k8s.io", version: "v1", name: "selfsubjectrulesreviews", namespaced: false),
        .init(group: "authorization.k8s.io", version: "v1", name: "subjectaccessreviews", namespaced: false),
        .init(group: "autoscaling", version: "v2", name: "horizontalpodautoscalers", namespaced: true, subresources: ["status"], aliases: ["hpa"]),
        .init(group: "certificates.k8s.io", version: "v1", name: "certificatesigningrequests", namespaced: false, subresources: ["approval", "status"], aliases: ["csr"]),
        .init(group: "coordination.k8s.io", version: "v1", name: "leases", namespaced: true, aliases: ["lease"]),
        .init(group: "discovery.k8s.io", version: "v1", name: "endpointslices", namespaced: true),
        .init(group: "events.k8s.io", version: "v1", name: "events", namespaced: true, aliases: ["ev"]),
        .init(group: "flowcontrol.apiserver.k8s.io", version: "v1", name: "flowschemas", namespaced: false, subresources: ["status"]),
        .init(group: "flowcontrol.apiserver.k8s.io", version: "v1", name: "prioritylevelconfigurations", namespaced: false, subresources: ["status"]),
        .init(group: "networking.k8s.io", version: "v1", name: "ingressclasses", namespaced: false),
        .init(group: "networking.k8s.io", version: "v1", name: "ingresses", namespaced: true, subresources: ["status"], aliases: ["ing", "ingress"]),
        .init(group: "networking.k8s.io", version: "v1", name: "networkpolicies", namespaced: true, aliases: ["netpol"]),
        .init(group: "networking.k8s.io", version: "v1", name: "ipaddresses", namespaced: false, since: 33),
        .init(group: "networking.k8s.io", version: "v1", name: "servicecidrs", namespaced: false, subresources: ["status"], since: 33),
        .init(group: "node.k8s.io", version: "v1", name: "runtimeclasses", namespaced: false),
        .init(group: "policy", version: "v1", name: "poddisruptionbudgets", namespaced: true, subresources: ["status"], aliases: ["pdb"]),
        .init(group: "policy", version: "v1beta1", name: "podsecuritypolicies", namespaced: false, aliases: ["psp"], removedIn: 25),
        .init(group: "resource.k8s.io", version: "v1", name: "deviceclasses", namespaced: false, since: 34),
        .init(group: "resource.k8s.io", version: "v1", name: "resourceclaims", namespaced: true, subresources: ["status"], since: 34),
        .init(group: "resource.k8s.io", version: "v1", name: "resourceclaimtemplates", namespaced: true, since: 34),
        .init(group: "resource.k8s.io", version: "v1", name: "resourceslices", namespaced: false, since: 34),
        .init(group: "scheduling.k8s.io", version: "v1", name: "priorityclasses", namespaced: false, aliases: ["pc"]),
        .init(group: "storage.k8s.io", version: "v1", name: "csidrivers", namespaced: false),
        .init(group: "storage.k8s.io", version: "v1", name: "csinodes", namespaced: false),
        .init(group: "storage.k8s.io", version: "v1", name: "csistoragecapacities", namespaced: true),
        .init(group: "storage.k8s.io", version: "v1", name: "storageclasses", namespaced: false, aliases: ["sc"]),
        .init(group: "storage.k8s.io", version: "v1", name: "volumeattachments", namespaced: false, subresources: ["status"]),
        .init(group: "storage.k8s.io", version: "v1", name: "volumeattributesclasses", namespaced: false, since: 34),
        .init(group: "metrics.k8s.io", version: "v1beta1", name: "nodes", namespaced: false),
        .init(group: "metrics.k8s.io", version: "v1beta1", name: "pods", namespaced: true),
    ]
}
