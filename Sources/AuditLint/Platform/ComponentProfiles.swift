/// What a well-known component reads and writes today, against what audit policies commonly
/// name for it.
public struct ComponentProfile: Sendable {
    /// One kind of request the component makes.
    public struct Access: Sendable {
        public var verbs: [String]
        public var group: String
        public var resource: String
        /// The namespace (`nil`: any, or cluster-scoped).
        public var namespace: String?
        /// The object name, when fixed.
        public var name: String?

        public init(_ verbs: [String], _ group: String, _ resource: String, namespace: String? = nil, name: String? = nil) {
            self.verbs = verbs
            self.group = group
            self.resource = resource
            self.namespace = namespace
            self.name = name
        }
    }

    /// A resource policies name for the component that it no longer requests.
    public struct Stale: Sendable {
        public var group: String
        public var resource: String
        /// Why, and since when.
        public var reason: String
    }

    public var name: String
    /// The user names policies select the component by, current and legacy.
    public var policyUsers: [String]
    /// The user the component authenticates as today, per platform (a platform missing here
    /// does not run the component, or the model does not know its identity).
    public var identity: [Platform: String]
    /// What it requests today.
    public var today: [Access]
    /// What policies name for it that it no longer requests.
    public var stale: [Stale]
    /// The volume of its current requests, in words, when the source states a rate.
    public var volume: String?
    public var source: PlatformSource

    /// Whether a rule naming `user` selects this component.
    func selects(_ user: String) -> Bool {
        policyUsers.contains { user == $0 || ($0 == "system:node" && user.hasPrefix("system:node:")) }
    }
}

extension PlatformModel {
    private static let leaderElection = "leader election locks on coordination.k8s.io leases (client-go resourcelock; the endpoints and configmaps locks were removed in Kubernetes 1.24)"
    private static let leaseRate = "the leader renews its lease every RetryPeriod, 2 s by default: about 43,200 lease updates a day, more with standbys polling"

    /// A control-plane component that takes a leader election lease named after itself in
    /// kube-system, as its certificate user on every platform.
    private static func leaderElected(_ name: String, user: String, source: String) -> ComponentProfile {
        ComponentProfile(
            name: name, policyUsers: [user],
            identity: Dictionary(uniqueKeysWithValues: Platform.allCases.map { ($0, user) }),
            today: [.init(["get", "update"], "coordination.k8s.io", "leases", namespace: "kube-system", name: name)],
            stale: [
                .init(group: "", resource: "endpoints", reason: leaderElection),
                .init(group: "", resource: "configmaps", reason: leaderElection),
            ],
            volume: leaseRate, source: PlatformSource(source, verified: false)
        )
    }

    /// `core pods`, `discovery.k8s.io endpointslices`: a group and resource as findings name them.
    static func label(_ group: String, _ resource: String) -> String {
        group.isEmpty ? "core \(resource)" : "\(group) \(resource)"
    }

    /// The components, each with its source.
    public static let components: [ComponentProfile] = [
        ComponentProfile(
            name: "kube-proxy",
            policyUsers: ["system:kube-proxy", "system:serviceaccount:kube-system:kube-proxy"],
            identity: [.generic: "system:serviceaccount:kube-system:kube-proxy", .eks: "system:serviceaccount:kube-system:kube-proxy",
                       .gke: "system:kube-proxy", .aks: "system:serviceaccount:kube-system:kube-proxy"],
            today: [
                .init(["list", "watch"], "discovery.k8s.io", "endpointslices"),
                .init(["list", "watch"], "", "services"),
                .init(["list", "watch"], "", "nodes"),
            ],
            stale: [.init(group: "", resource: "endpoints", reason: "kube-proxy reads EndpointSlices (EndpointSliceProxying on by default since 1.19, the only source since 1.22)")],
            volume: "one watch per resource and node, re-established every few minutes, plus the list that starts each watch",
            source: PlatformSource("kubernetes/kubernetes cmd/kube-proxy/app/server.go and pkg/proxy/config (NewEndpointSliceConfig on informerFactory.Discovery().V1().EndpointSlices()); KEP-752 EndpointSlice API, Kube-Proxy section", verified: true)
        ),
        leaderElected("kube-controller-manager", user: "system:kube-controller-manager",
                      source: "kubernetes/client-go tools/leaderelection/resourcelock/interface.go (New: leases only) and leaderelection.go (tryAcquireOrRenew every RetryPeriod); component-base config defaults (RetryPeriod 2s)"),
        leaderElected("kube-scheduler", user: "system:kube-scheduler",
                      source: "kubernetes/client-go tools/leaderelection/resourcelock/interface.go; kube-scheduler options (--leader-elect-resource-lock default leases)"),
        ComponentProfile(
            name: "kubelet",
            policyUsers: ["kubelet", "system:node"],
            identity: [.generic: "system:node:ip-10-0-1-23.ec2.internal", .eks: "system:node:ip-10-0-1-23.ec2.internal", .gke: "system:node:gke-node-1",
                       .aks: "system:node:aks-nodepool1-0", .openshift: "system:node:worker-0"],
            today: [
                .init(["get", "list", "watch"], "", "nodes"),
                .init(["patch"], "", "nodes/status"),
                .init(["get", "update"], "coordination.k8s.io", "leases", namespace: "kube-node-lease"),
            ],
            stale: [],
            volume: "node leases are renewed every 10 s per node (a quarter of the 40 s lease): about 8,640 updates a day per node",
            source: PlatformSource("kubernetes/component-helpers apimachinery/lease/controller.go (renewInterval); pkg/kubelet/kubelet_node_status.go (get node, patch status)", verified: false)
        ),
        ComponentProfile(
            name: "aws-node (Amazon VPC CNI)",
            policyUsers: ["system:serviceaccount:kube-system:aws-node"],
            identity: [.eks: "system:serviceaccount:kube-system:aws-node"],
            today: [
                .init(["get", "list", "watch"], "", "pods"),
                .init(["get", "list", "watch"], "", "nodes"),
                .init(["get", "list", "watch"], "", "namespaces"),
                .init(["get", "list", "watch"], "crd.k8s.amazonaws.com", "eniconfigs"),
            ],
            stale: [.init(group: "extensions", resource: "daemonsets", reason: "the extensions group is not served since 1.16 for daemonsets; current aws-node roles do not name it")],
            volume: nil,
            source: PlatformSource("aws/amazon-vpc-cni-k8s charts/aws-vpc-cni/templates/clusterrole.yaml (v1.19)", verified: true)
        ),
    ]
}
