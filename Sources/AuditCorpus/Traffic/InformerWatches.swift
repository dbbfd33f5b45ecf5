/// The long-lived watches of the cluster's components (their informers), each one a
/// `WatchTraffic` re-established whenever the server ends it.
///
/// Which component watches what follows their informers: the kubelet (its pods, its node,
/// services, the kube-root-ca.crt config maps its pods mount, runtime classes, CSI drivers),
/// kube-proxy (services, endpoint slices, its node), the VPC CNI (its node's pods,
/// ENIConfigs, its CNINode), CoreDNS (services, endpoint slices, namespaces),
/// kube-controller-manager's and kube-scheduler's shared informers, kube-apiserver's own
/// informers (admission, RBAC, the Node authorizer's graph), and EKS's control-plane agents.
enum InformerWatches {
    /// Every resource kube-proxy and CoreDNS filter out of their service watches.
    static let proxyLabelSelector = "!service.kubernetes.io/headless,!service.kubernetes.io/service-proxy-name"

    static func all(_ context: CorpusContext) -> [WatchTraffic] {
        var watches: [WatchTraffic] = []
        func watch(_ client: @escaping (CorpusContext) -> CorpusActor, _ resource: String, group: String = "", version: String = "v1",
                   namespace: String = "", parameters: [(String, String)] = []) {
            watches.append(WatchTraffic(client: client, objectRef: .resource(resource, namespace: namespace, group: group, version: version),
                                        parameters: parameters))
        }

        for (nodeIndex, node) in context.nodes.enumerated() {
            let kubelet: (CorpusContext) -> CorpusActor = { $0.nodes[nodeIndex].kubelet }
            watch(kubelet, "pods", parameters: [("fieldSelector", "spec.nodeName=\(node.name)")])
            watch(kubelet, "nodes", parameters: [("fieldSelector", "metadata.name=\(node.name)")])
            watch(kubelet, "services")
            watch(kubelet, "runtimeclasses", group: "node.k8s.io")
            watch(kubelet, "csidrivers", group: "storage.k8s.io")
            let namespaces = Set(context.pods.filter { $0.nodeIndex == nodeIndex }.map(\.namespace)).sorted()
            for namespace in namespaces {
                watch(kubelet, "configmaps", namespace: namespace, parameters: [("fieldSelector", "metadata.name=kube-root-ca.crt")])
            }
            if let proxyIndex = context.pods.firstIndex(where: { $0.app == "kube-proxy" && $0.nodeIndex == nodeIndex }) {
                let proxy: (CorpusContext) -> CorpusActor = { context in
                    context.podClient(context.pods[proxyIndex], userAgent: EKSClusterProfile.kubeProxyAgent,
                                      allowReason: EKSClusterProfile.rbacReason(binding: "eks:kube-proxy", roleKind: "ClusterRole", role: "system:node-proxier",
                                                                                subject: "ServiceAccount \"kube-proxy/kube-system\""),
                                      hostNetwork: true)
                }
                watch(proxy, "services", parameters: [("labelSelector", proxyLabelSelector)])
                watch(proxy, "endpointslices", group: "discovery.k8s.io", parameters: [("labelSelector", proxyLabelSelector)])
                watch(proxy, "nodes", parameters: [("fieldSelector", "metadata.name=\(node.name)")])
            }
            if let cniIndex = context.pods.firstIndex(where: { $0.app == "aws-node" && $0.nodeIndex == nodeIndex }) {
                let cni: (CorpusContext) -> CorpusActor = { context in
                    context.podClient(context.pods[cniIndex], userAgent: EKSClusterProfile.awsNodeAgent,
                                      allowReason: EKSClusterProfile.rbacReason(binding: "aws-node", roleKind: "ClusterRole", role: "aws-node",
                                                                                subject: "ServiceAccount \"aws-node/kube-system\""),
                                      hostNetwork: true)
                }
                watch(cni, "pods", parameters: [("fieldSelector", "spec.nodeName=\(node.name)")])
                watch(cni, "eniconfigs", group: "crd.k8s.amazonaws.com", version: "v1alpha1")
                watch(cni, "cninodes", group: "vpcresources.k8s.aws", version: "v1alpha1", parameters: [("fieldSelector", "metadata.name=\(node.name)")])
            }
        }

        for dnsIndex in context.pods.indices where context.pods[dnsIndex].app == "coredns" {
            let dns: (CorpusContext) -> CorpusActor = { context in
                context.podClient(context.pods[dnsIndex], userAgent: EKSClusterProfile.coreDNSAgent,
                                  allowReason: EKSClusterProfile.rbacReason(binding: "system:coredns", roleKind: "ClusterRole", role: "system:coredns",
                                                                            subject: "ServiceAccount \"coredns/kube-system\""),
                                  hostNetwork: false)
            }
            watch(dns, "services")
            watch(dns, "endpointslices", group: "discovery.k8s.io")
            watch(dns, "namespaces")
        }

        let informers = context.controllerManager.with(userAgent: EKSClusterProfile.controllerManagerAgent + "/shared-informers")
        let controllerManagerResources: [(String, String, String)] = [
            ("pods", "", "v1"), ("nodes", "", "v1"), ("services", "", "v1"), ("endpoints", "", "v1"), ("namespaces", "", "v1"),
            ("serviceaccounts", "", "v1"), ("configmaps", "", "v1"), ("secrets", "", "v1"), ("persistentvolumes", "", "v1"),
            ("persistentvolumeclaims", "", "v1"), ("replicationcontrollers", "", "v1"), ("resourcequotas", "", "v1"),
            ("limitranges", "", "v1"), ("podtemplates", "", "v1"),
            ("replicasets", "apps", "v1"), ("deployments", "apps", "v1"), ("daemonsets", "apps", "v1"),
            ("statefulsets", "apps", "v1"), ("controllerrevisions", "apps", "v1"), ("jobs", "batch", "v1"), ("cronjobs", "batch", "v1"),
            ("endpointslices", "discovery.k8s.io", "v1"), ("poddisruptionbudgets", "policy", "v1"),
            ("horizontalpodautoscalers", "autoscaling", "v2"), ("storageclasses", "storage.k8s.io", "v1"),
            ("csinodes", "storage.k8s.io", "v1"), ("csidrivers", "storage.k8s.io", "v1"), ("volumeattachments", "storage.k8s.io", "v1"),
            ("roles", "rbac.authorization.k8s.io", "v1"), ("rolebindings", "rbac.authorization.k8s.io", "v1"),
            ("clusterroles", "rbac.authorization.k8s.io", "v1"), ("clusterrolebindings", "rbac.authorization.k8s.io", "v1"),
            ("ingresses", "networking.k8s.io", "v1"), ("certificatesigningrequests", "certificates.k8s.io", "v1"),
            ("leases", "coordination.k8s.io", "v1"), ("customresourcedefinitions", "apiextensions.k8s.io", "v1"),
        ]
        for (resource, group, version) in controllerManagerResources {
            watch({ _ in informers }, resource, group: group, version: version)
        }

        let scheduling = context.scheduler.with(userAgent: EKSClusterProfile.schedulerAgent + "/scheduler")
        let schedulerResources: [(String, String, String, [(String, String)])] = [
            ("pods", "", "v1", [("fieldSelector", "status.phase!=Succeeded,status.phase!=Failed")]), ("nodes", "", "v1", []),
            ("namespaces", "", "v1", []), ("services", "", "v1", []), ("replicationcontrollers", "", "v1", []),
            ("persistentvolumes", "", "v1", []), ("persistentvolumeclaims", "", "v1", []),
            ("replicasets", "apps", "v1", []), ("statefulsets", "apps", "v1", []), ("poddisruptionbudgets", "policy", "v1", []),
            ("storageclasses", "storage.k8s.io", "v1", []), ("csinodes", "storage.k8s.io", "v1", []),
            ("csidrivers", "storage.k8s.io", "v1", []), ("csistoragecapacities", "storage.k8s.io", "v1", []),
            ("volumeattachments", "storage.k8s.io", "v1", []), ("resourceclaims", "resource.k8s.io", "v1", []),
            ("resourceslices", "resource.k8s.io", "v1", []), ("deviceclasses", "resource.k8s.io", "v1", []),
        ]
        for (resource, group, version, parameters) in schedulerResources {
            watch({ _ in scheduling }, resource, group: group, version: version, parameters: parameters)
        }

        let apiserverResources: [(String, String, String)] = [
            ("namespaces", "", "v1"), ("serviceaccounts", "", "v1"), ("limitranges", "", "v1"), ("resourcequotas", "", "v1"),
            ("pods", "", "v1"), ("nodes", "", "v1"), ("persistentvolumes", "", "v1"), ("services", "", "v1"), ("endpoints", "", "v1"),
            ("mutatingwebhookconfigurations", "admissionregistration.k8s.io", "v1"),
            ("validatingwebhookconfigurations", "admissionregistration.k8s.io", "v1"),
            ("validatingadmissionpolicies", "admissionregistration.k8s.io", "v1"),
            ("validatingadmissionpolicybindings", "admissionregistration.k8s.io", "v1"),
            ("priorityclasses", "scheduling.k8s.io", "v1"), ("runtimeclasses", "node.k8s.io", "v1"),
            ("storageclasses", "storage.k8s.io", "v1"), ("volumeattachments", "storage.k8s.io", "v1"),
            ("flowschemas", "flowcontrol.apiserver.k8s.io", "v1"), ("prioritylevelconfigurations", "flowcontrol.apiserver.k8s.io", "v1"),
            ("apiservices", "apiregistration.k8s.io", "v1"), ("customresourcedefinitions", "apiextensions.k8s.io", "v1"),
            ("ingressclasses", "networking.k8s.io", "v1"), ("roles", "rbac.authorization.k8s.io", "v1"),
            ("rolebindings", "rbac.authorization.k8s.io", "v1"), ("clusterroles", "rbac.authorization.k8s.io", "v1"),
            ("clusterrolebindings", "rbac.authorization.k8s.io", "v1"), ("resourceslices", "resource.k8s.io", "v1"),
        ]
        let apiserver = context.apiserver
        for _ in 0..<2 {
            for (resource, group, version) in apiserverResources {
                watch({ _ in apiserver }, resource, group: group, version: version)
            }
        }

        for agent in EKSControlPlaneAgents.all(context) {
            watch({ _ in agent.actor }, agent.resource, group: agent.group, namespace: agent.namespace, parameters: agent.parameters)
        }
        return watches
    }
}
