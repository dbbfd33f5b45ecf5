/// API groups served beyond upstream Kubernetes: by a platform itself, or by the CNI, CSI,
/// service-mesh and cluster-API projects common in the field.
public struct PlatformGroup: Sendable {
    /// What kind of project serves the groups, to name classes of CRDs in findings.
    public enum Kind: String, Sendable, CaseIterable {
        case platform = "platform API"
        case cni = "CNI"
        case csi = "CSI"
        case serviceMesh = "service mesh"
        case clusterAPI = "Cluster API"
        case operations = "cluster operations add-on"
    }

    /// The project that serves the groups.
    public var project: String
    public var kind: Kind
    /// Group names; `*.suffix` stands for every group ending in `.suffix`.
    public var groups: [String]
    /// Platforms that serve them (empty: any platform, installed by the cluster's owner).
    public var platforms: Set<Platform>
    public var source: PlatformSource

    /// Whether `group` is one of this entry's.
    public func contains(_ group: String) -> Bool {
        groups.contains { pattern in
            if pattern.hasPrefix("*.") { return group.hasSuffix(String(pattern.dropFirst())) }
            return pattern == group
        }
    }

    /// Whether the platform can serve these groups.
    public func isServed(on platform: Platform) -> Bool {
        platform == .generic || platforms.isEmpty || platforms.contains(platform)
    }
}

extension PlatformModel {
    /// The groups, each entry with its source.
    public static let groups: [PlatformGroup] = [
        PlatformGroup(
            project: "OpenShift", kind: .platform,
            groups: ["*.openshift.io"], platforms: [.openshift],
            source: PlatformSource("openshift/api install.go (apiserver, apps, authorization, build, cloudnetwork, config, console, helm, image, imageregistry, machine, monitoring, network, oauth, operator, project, quota, route, samples, security, template, user, ... all under *.openshift.io)", verified: true)
        ),
        PlatformGroup(
            project: "Amazon VPC CNI", kind: .cni,
            groups: ["crd.k8s.amazonaws.com", "networking.k8s.aws"], platforms: [.eks],
            source: PlatformSource("aws/amazon-vpc-cni-k8s charts/aws-vpc-cni/templates/clusterrole.yaml (eniconfigs in crd.k8s.amazonaws.com); network policy agent CRDs (networking.k8s.aws policyendpoints)", verified: true)
        ),
        PlatformGroup(
            project: "Amazon VPC resource controller", kind: .platform,
            groups: ["vpcresources.k8s.aws"], platforms: [.eks],
            source: PlatformSource("aws/amazon-vpc-resource-controller-k8s config/crd (securitygrouppolicies, cninodes)", verified: false)
        ),
        PlatformGroup(
            project: "EKS (Auto Mode, Load Balancer Controller, Karpenter, ACK)", kind: .platform,
            groups: ["eks.amazonaws.com", "elbv2.k8s.aws", "karpenter.sh", "karpenter.k8s.aws", "*.services.k8s.aws"], platforms: [.eks],
            source: PlatformSource("CRDs EKS installs or documents (kubectl get crd on EKS clusters); aws-controllers-k8s group naming <service>.services.k8s.aws", verified: false)
        ),
        PlatformGroup(
            project: "GKE", kind: .platform,
            groups: ["networking.gke.io", "cloud.google.com", "nodemanagement.gke.io", "monitoring.googleapis.com", "hub.gke.io"], platforms: [.gke],
            source: PlatformSource("GKE CRDs (kubectl get crd on GKE clusters)", verified: false)
        ),
        PlatformGroup(
            project: "AKS (Azure CNI, Azure Container Networking)", kind: .cni,
            groups: ["acn.azure.com"], platforms: [.aks],
            source: PlatformSource("Azure/azure-container-networking crd/nodenetworkconfig (acn.azure.com)", verified: false)
        ),
        PlatformGroup(
            project: "Calico", kind: .cni,
            groups: ["crd.projectcalico.org", "projectcalico.org", "operator.tigera.io"], platforms: [],
            source: PlatformSource("projectcalico/calico libcalico-go/config/crd; IKS's published audit policy names crd.projectcalico.org", verified: false)
        ),
        PlatformGroup(
            project: "Cilium", kind: .cni,
            groups: ["cilium.io"], platforms: [],
            source: PlatformSource("cilium/cilium pkg/k8s/apis/cilium.io", verified: false)
        ),
        PlatformGroup(
            project: "Multus", kind: .cni,
            groups: ["k8s.cni.cncf.io"], platforms: [],
            source: PlatformSource("k8snetworkplumbingwg/multus-cni (network-attachment-definitions.k8s.cni.cncf.io)", verified: false)
        ),
        PlatformGroup(
            project: "CSI external-snapshotter", kind: .csi,
            groups: ["snapshot.storage.k8s.io", "groupsnapshot.storage.k8s.io"], platforms: [],
            source: PlatformSource("kubernetes-csi/external-snapshotter client/config/crd", verified: false)
        ),
        PlatformGroup(
            project: "Istio", kind: .serviceMesh,
            groups: ["networking.istio.io", "security.istio.io", "telemetry.istio.io", "extensions.istio.io", "install.istio.io"], platforms: [],
            source: PlatformSource("istio/api (networking, security, telemetry, extensions, operator)", verified: false)
        ),
        PlatformGroup(
            project: "Linkerd", kind: .serviceMesh,
            groups: ["linkerd.io", "policy.linkerd.io", "*.linkerd.io"], platforms: [],
            source: PlatformSource("linkerd/linkerd2 charts/linkerd-crds", verified: false)
        ),
        PlatformGroup(
            project: "Cluster API", kind: .clusterAPI,
            groups: ["cluster.x-k8s.io", "*.cluster.x-k8s.io"], platforms: [],
            source: PlatformSource("kubernetes-sigs/cluster-api (cluster, bootstrap, controlplane, infrastructure, addons .cluster.x-k8s.io), as provider RBAC names them", verified: true)
        ),
        PlatformGroup(
            project: "cert-manager, Prometheus Operator, Argo, Kyverno, Gatekeeper, KEDA", kind: .operations,
            groups: ["cert-manager.io", "acme.cert-manager.io", "monitoring.coreos.com", "argoproj.io", "kyverno.io", "templates.gatekeeper.sh", "constraints.gatekeeper.sh", "keda.sh"], platforms: [],
            source: PlatformSource("each project's CRDs", verified: false)
        ),
    ]

    /// The entry that serves `group`, if the model knows it.
    public static func group(_ group: String) -> PlatformGroup? {
        groups.first { $0.contains(group) }
    }
}
