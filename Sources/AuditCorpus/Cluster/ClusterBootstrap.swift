import AuditPolicy

/// The cluster as it is when the recording starts: nodes up for days, add-on and
/// application pods running.
enum ClusterBootstrap {
    /// A workload and how many pods it runs.
    struct Workload {
        let namespace: String
        let name: String
        /// `ReplicaSet`, `DaemonSet` or `StatefulSet`.
        let kind: String
        let replicas: Int
        let image: String
        let serviceAccount: String
        /// Host-network pods share their node's IP (aws-node, kube-proxy).
        let hostNetwork: Bool
    }

    static func workloads(nodes: Int) -> [Workload] {
        let ecr = "602401143452.dkr.ecr.us-east-1.amazonaws.com"
        let shop = "111122223333.dkr.ecr.us-east-1.amazonaws.com/shop"
        return [
            Workload(namespace: "kube-system", name: "aws-node", kind: "DaemonSet", replicas: nodes,
                     image: "\(ecr)/amazon-k8s-cni:v1.20.4-eksbuild.1", serviceAccount: "aws-node", hostNetwork: true),
            Workload(namespace: "kube-system", name: "kube-proxy", kind: "DaemonSet", replicas: nodes,
                     image: "\(ecr)/eks/kube-proxy:v1.35.2-minimal-eksbuild.1", serviceAccount: "kube-proxy", hostNetwork: true),
            Workload(namespace: "kube-system", name: "coredns", kind: "ReplicaSet", replicas: 2,
                     image: "\(ecr)/eks/coredns:v1.12.4-eksbuild.1", serviceAccount: "coredns", hostNetwork: false),
            Workload(namespace: "shop", name: "web", kind: "ReplicaSet", replicas: 3,
                     image: "\(shop)/web:1.42.0", serviceAccount: "web", hostNetwork: false),
            Workload(namespace: "shop", name: "api", kind: "ReplicaSet", replicas: 2,
                     image: "\(shop)/api:2.7.3", serviceAccount: "api", hostNetwork: false),
            Workload(namespace: "shop", name: "worker", kind: "ReplicaSet", replicas: 2,
                     image: "\(shop)/worker:2.7.3", serviceAccount: "worker", hostNetwork: false),
            Workload(namespace: "monitoring", name: "grafana", kind: "ReplicaSet", replicas: 1,
                     image: "docker.io/grafana/grafana:12.1.1", serviceAccount: "grafana", hostNetwork: false),
            Workload(namespace: "monitoring", name: "kube-state-metrics", kind: "ReplicaSet", replicas: 1,
                     image: "registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.16.0", serviceAccount: "kube-state-metrics", hostNetwork: false),
        ]
    }

    /// Creates the nodes and pods in `context`.
    static func populate(_ context: CorpusContext, nodes nodeCount: Int, start: CorpusTime) {
        let nodeRole = (id: "AROA" + uppercaseAlphanumerics(17, random: &context.random),
                        accessKey: "ASIA" + uppercaseAlphanumerics(16, random: &context.random))
        for index in 0..<nodeCount {
            let created = start + -Int64(3 * 86_400 + index * 97) * CorpusTime.second
            context.nodes.append(CorpusNode(index: index, random: &context.random, created: created,
                                            resourceVersion: context.nextResourceVersion(), nodeRole: nodeRole))
        }
        var nextNode = 0
        for workload in workloads(nodes: nodeCount) {
            let ownerUID = context.random.uuid()
            let hash = workload.kind == "ReplicaSet" ? KubernetesNames.suffix(10, random: &context.random) : nil
            let ownerName = hash.map { "\(workload.name)-\($0)" } ?? workload.name
            for replica in 0..<workload.replicas {
                let nodeIndex = workload.kind == "DaemonSet" ? replica : nextNode % nodeCount
                if workload.kind != "DaemonSet" { nextNode += 1 }
                let node = context.nodes[nodeIndex]
                let ip = workload.hostNetwork ? node.ip : podIP(on: node, random: &context.random)
                context.pods.append(CorpusPod(
                    namespace: workload.namespace, name: ownerName + "-" + KubernetesNames.suffix(5, random: &context.random),
                    uid: context.random.uuid(), owner: (workload.kind, ownerName, ownerUID), app: workload.name,
                    templateHash: hash, image: workload.image, serviceAccount: workload.serviceAccount, nodeIndex: nodeIndex,
                    ip: ip, created: start + -Int64(2 * 86_400 + context.random.int(in: 0...80_000)) * CorpusTime.second,
                    resourceVersion: context.nextResourceVersion(), credentialID: context.random.uuid()
                ))
            }
        }
    }

    /// A secondary IP of the node's subnet, as the VPC CNI assigns to pods.
    static func podIP(on node: CorpusNode, random: inout SplitMix64) -> String {
        let octets = node.ip.split(separator: ".")
        let third = octets.count == 4 ? String(octets[2]) : "1"
        return "10.0.\(third).\(random.int(in: 10...250))"
    }

    /// IAM-style identifiers: upper-case letters and digits.
    static func uppercaseAlphanumerics(_ count: Int, random: inout SplitMix64) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
        return String(decoding: (0..<count).map { _ in alphabet[random.int(in: 0...(alphabet.count - 1))] }, as: UTF8.self)
    }
}
