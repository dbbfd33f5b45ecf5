/// Resources of widely installed add-ons that are not part of Kubernetes itself but that EKS
/// clusters (and audit policies written for them) commonly name. Each is flagged with its project.
///
/// Sources: metrics-server's aggregated API (`metrics.k8s.io/v1beta1`, resources `nodes` and `pods`,
/// read-only); the CRDs that Amazon EKS installs or documents (`kubectl get crd` on EKS clusters:
/// Amazon VPC CNI and its network policy agent, the VPC resource controller, the AWS Load Balancer
/// Controller, EKS Auto Mode, Karpenter); the Kubernetes CSI external-snapshotter CRDs; and the
/// Gateway API CRDs (gateway-api standard and experimental channels).
/// auditsim does not know every resource of these projects: an unknown resource in one of these
/// groups is reported as a warning, not an error.
enum AddOnResources {
    static let all: [APIResource] = metricsServer + eks + community

    private typealias R = APIResource
    private static let getList = ["get", "list"]

    private static let metricsServer: [APIResource] = [
        R(group: "metrics.k8s.io", version: "v1beta1", name: "nodes", namespaced: false, verbs: getList, origin: .addOn("metrics-server")),
        R(group: "metrics.k8s.io", version: "v1beta1", name: "pods", namespaced: true, verbs: getList, origin: .addOn("metrics-server")),
    ]

    private static let eks: [APIResource] = [
        R(group: "crd.k8s.amazonaws.com", version: "v1alpha1", name: "eniconfigs", namespaced: false, aliases: ["eniconfig"],
          origin: .addOn("Amazon VPC CNI")),
        R(group: "networking.k8s.aws", version: "v1alpha1", name: "policyendpoints", namespaced: true, aliases: ["policyendpoint"],
          origin: .addOn("Amazon VPC CNI network policy agent")),
        R(group: "networking.k8s.aws", version: "v1alpha1", name: "clusterpolicyendpoints", namespaced: false,
          origin: .addOn("Amazon VPC CNI network policy agent")),
        R(group: "networking.k8s.aws", version: "v1alpha1", name: "applicationnetworkpolicies", namespaced: true,
          origin: .addOn("Amazon VPC CNI network policy agent")),
        R(group: "networking.k8s.aws", version: "v1alpha1", name: "clusternetworkpolicies", namespaced: false,
          origin: .addOn("Amazon VPC CNI network policy agent")),
        R(group: "vpcresources.k8s.aws", version: "v1beta1", name: "securitygrouppolicies", namespaced: true, aliases: ["sgp", "securitygrouppolicy"],
          origin: .addOn("Amazon VPC resource controller")),
        R(group: "vpcresources.k8s.aws", version: "v1alpha1", name: "cninodes", namespaced: false, aliases: ["cnd", "cninode"],
          origin: .addOn("Amazon VPC resource controller")),
        R(group: "elbv2.k8s.aws", version: "v1beta1", name: "targetgroupbindings", namespaced: true, subresources: ["status"],
          aliases: ["targetgroupbinding"], origin: .addOn("AWS Load Balancer Controller")),
        R(group: "elbv2.k8s.aws", version: "v1beta1", name: "ingressclassparams", namespaced: false, aliases: ["ingressclassparam"],
          origin: .addOn("AWS Load Balancer Controller")),
        R(group: "eks.amazonaws.com", version: "v1", name: "nodeclasses", namespaced: false, subresources: ["status"], aliases: ["nodeclass"],
          origin: .addOn("EKS Auto Mode")),
        R(group: "eks.amazonaws.com", version: "v1alpha1", name: "nodediagnostics", namespaced: false, subresources: ["status"],
          origin: .addOn("EKS Auto Mode")),
        R(group: "eks.amazonaws.com", version: "v1alpha1", name: "cninodes", namespaced: false, origin: .addOn("EKS Auto Mode")),
        R(group: "eks.amazonaws.com", version: "v1", name: "ingressclassparams", namespaced: false, origin: .addOn("EKS Auto Mode")),
        R(group: "eks.amazonaws.com", version: "v1", name: "targetgroupbindings", namespaced: true, subresources: ["status"],
          origin: .addOn("EKS Auto Mode")),
        R(group: "karpenter.sh", version: "v1", name: "nodepools", namespaced: false, subresources: ["status"], aliases: ["nodepool"],
          origin: .addOn("Karpenter")),
        R(group: "karpenter.sh", version: "v1", name: "nodeclaims", namespaced: false, subresources: ["status"], aliases: ["nodeclaim"],
          origin: .addOn("Karpenter")),
        R(group: "karpenter.k8s.aws", version: "v1", name: "ec2nodeclasses", namespaced: false, subresources: ["status"], aliases: ["ec2nodeclass"],
          origin: .addOn("Karpenter (AWS provider)")),
    ]

    private static let community: [APIResource] = [
        R(group: "snapshot.storage.k8s.io", version: "v1", name: "volumesnapshots", namespaced: true, subresources: ["status"],
          aliases: ["vs", "volumesnapshot"], origin: .addOn("CSI external-snapshotter")),
        R(group: "snapshot.storage.k8s.io", version: "v1", name: "volumesnapshotcontents", namespaced: false, subresources: ["status"],
          aliases: ["vsc", "volumesnapshotcontent"], origin: .addOn("CSI external-snapshotter")),
        R(group: "snapshot.storage.k8s.io", version: "v1", name: "volumesnapshotclasses", namespaced: false,
          aliases: ["vsclass", "volumesnapshotclass"], origin: .addOn("CSI external-snapshotter")),
        R(group: "gateway.networking.k8s.io", version: "v1", name: "gatewayclasses", namespaced: false, subresources: ["status"],
          aliases: ["gc", "gatewayclass"], origin: .addOn("Gateway API")),
        R(group: "gateway.networking.k8s.io", version: "v1", name: "gateways", namespaced: true, subresources: ["status"],
          aliases: ["gtw", "gateway"], origin: .addOn("Gateway API")),
        R(group: "gateway.networking.k8s.io", version: "v1", name: "httproutes", namespaced: true, subresources: ["status"],
          aliases: ["httproute"], origin: .addOn("Gateway API")),
        R(group: "gateway.networking.k8s.io", version: "v1", name: "grpcroutes", namespaced: true, subresources: ["status"],
          aliases: ["grpcroute"], origin: .addOn("Gateway API")),
        R(group: "gateway.networking.k8s.io", version: "v1beta1", name: "referencegrants", namespaced: true,
          aliases: ["refgrant", "referencegrant"], origin: .addOn("Gateway API")),
        R(group: "gateway.networking.k8s.io", version: "v1alpha2", name: "tlsroutes", namespaced: true, subresources: ["status"],
          aliases: ["tlsroute"], origin: .addOn("Gateway API")),
        R(group: "gateway.networking.k8s.io", version: "v1alpha2", name: "tcproutes", namespaced: true, subresources: ["status"],
          aliases: ["tcproute"], origin: .addOn("Gateway API")),
        R(group: "gateway.networking.k8s.io", version: "v1alpha2", name: "udproutes", namespaced: true, subresources: ["status"],
          aliases: ["udproute"], origin: .addOn("Gateway API")),
        R(group: "gateway.networking.k8s.io", version: "v1", name: "backendtlspolicies", namespaced: true, subresources: ["status"],
          aliases: ["btlspolicy", "backendtlspolicy"], origin: .addOn("Gateway API")),
    ]

    /// Add-on groups whose resources are defined at run time (custom and external metrics adapters):
    /// any resource name may be valid in them.
    static let openGroups: [String: String] = [
        "custom.metrics.k8s.io": "custom metrics adapters (Prometheus Adapter, KEDA, ...)",
        "external.metrics.k8s.io": "external metrics adapters (KEDA, CloudWatch adapter, ...)",
    ]
}
