import AuditPolicy

/// v1 `Node` objects and the kubelet's status patch, as an EKS managed node group's
/// Amazon Linux 2023 nodes report them.
enum NodeObjects {
    static let instanceType = "m6i.large"
    static let conditions: [(type: String, status: String, reason: String, message: String)] = [
        ("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        ("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        ("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        ("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
    ]

    /// Container images present on every node (EKS add-ons from the regional ECR account,
    /// and the shop's application images).
    static let images: [(name: String, tag: String, size: Int64)] = [
        ("602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni", "v1.20.4-eksbuild.1", 66_741_209),
        ("602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni-init", "v1.20.4-eksbuild.1", 63_817_545),
        ("602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon/aws-network-policy-agent", "v1.2.7-eksbuild.1", 33_215_610),
        ("602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/kube-proxy", "v1.35.2-minimal-eksbuild.1", 31_882_047),
        ("602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/coredns", "v1.12.4-eksbuild.1", 25_167_936),
        ("602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/pause", "3.10", 299_514),
        ("111122223333.dkr.ecr.us-east-1.amazonaws.com/shop/web", "1.42.0", 58_213_806),
        ("111122223333.dkr.ecr.us-east-1.amazonaws.com/shop/api", "2.7.3", 71_042_312),
        ("111122223333.dkr.ecr.us-east-1.amazonaws.com/shop/worker", "2.7.3", 69_981_205),
        ("quay.io/prometheus/prometheus", "v3.5.0", 133_456_771),
        ("docker.io/grafana/grafana", "12.1.1", 187_225_460),
        ("registry.k8s.io/kube-state-metrics/kube-state-metrics", "v2.16.0", 19_872_006),
    ]

    /// The strategic merge patch the kubelet sends for a periodic status report with no
    /// change: only the conditions' heartbeat times (pkg/kubelet `patchNodeStatus`).
    static func statusPatch(heartbeat: CorpusTime) -> CorpusJSON {
        [
            "status": [
                "$setElementOrder/conditions": .array(conditions.map { ["type": .string($0.type)] }),
                "conditions": .array(conditions.map { ["lastHeartbeatTime": .string(heartbeat.timeText), "type": .string($0.type)] }),
            ],
        ]
    }

    /// The whole Node as the API returns it.
    static func node(_ node: CorpusNode, heartbeat: CorpusTime, managedTime: CorpusTime) -> CorpusJSON {
        let labels: [(String, String)] = [
            ("beta.kubernetes.io/arch", "amd64"),
            ("beta.kubernetes.io/instance-type", instanceType),
            ("beta.kubernetes.io/os", "linux"),
            ("eks.amazonaws.com/capacityType", "ON_DEMAND"),
            ("eks.amazonaws.com/nodegroup", "general"),
            ("eks.amazonaws.com/nodegroup-image", "ami-0c2f7a3d9b41e6f58"),
            ("eks.amazonaws.com/sourceLaunchTemplateId", "lt-0a81c9d2e5f3b4a67"),
            ("eks.amazonaws.com/sourceLaunchTemplateVersion", "1"),
            ("failure-domain.beta.kubernetes.io/region", EKSClusterProfile.region),
            ("failure-domain.beta.kubernetes.io/zone", node.zone),
            ("k8s.io/cloud-provider-aws", "5f2c6e1b8d3a4f09e7b6c5d4a3f2e1d0"),
            ("kubernetes.io/arch", "amd64"),
            ("kubernetes.io/hostname", node.name),
            ("kubernetes.io/os", "linux"),
            ("node.kubernetes.io/instance-type", instanceType),
            ("topology.k8s.aws/zone-id", EKSClusterProfile.zoneIDs[node.zoneIndex]),
            ("topology.kubernetes.io/region", EKSClusterProfile.region),
            ("topology.kubernetes.io/zone", node.zone),
        ]
        let annotations: [(String, String)] = [
            ("alpha.kubernetes.io/provided-node-ip", node.ip),
            ("node.alpha.kubernetes.io/ttl", "0"),
            ("volumes.kubernetes.io/controller-managed-attach-detach", "true"),
        ]
        let managedFields = [
            ObjectMetadata.managedField(manager: "kubelet", apiVersion: "v1", time: node.created, fields: [
                "f:metadata": [
                    "f:annotations": .object([(".", .object([]))] + ["alpha.kubernetes.io/provided-node-ip", "volumes.kubernetes.io/controller-managed-attach-detach"].map { ("f:" + $0, .object([])) }),
                    "f:labels": .object([(".", .object([]))] + labels.filter { !$0.0.hasPrefix("topology.k8s.aws") && !$0.0.hasPrefix("k8s.io/") }.map { ("f:" + $0.0, .object([])) }),
                ],
                "f:spec": ObjectMetadata.fieldSet(["providerID"]),
            ]),
            ObjectMetadata.managedField(manager: "aws-cloud-controller-manager", apiVersion: "v1", time: node.created + 4 * CorpusTime.second, fields: [
                "f:metadata": ["f:labels": ObjectMetadata.fieldSet(["k8s.io/cloud-provider-aws", "topology.k8s.aws/zone-id"])],
            ]),
            ObjectMetadata.managedField(manager: "kube-controller-manager", apiVersion: "v1", time: node.created + 9 * CorpusTime.second, fields: [
                "f:metadata": ["f:annotations": ObjectMetadata.fieldSet(["node.alpha.kubernetes.io/ttl"])],
            ]),
            ObjectMetadata.managedField(manager: "kubelet", apiVersion: "v1", time: managedTime, fields: [
                "f:status": [
                    "f:conditions": .object(conditions.map { ("k:{\"type\":\"\($0.type)\"}", ObjectMetadata.fieldSet(["lastHeartbeatTime"])) }),
                    "f:images": .object([]),
                    "f:nodeInfo": ObjectMetadata.fieldSet(["bootID"]),
                ],
            ], subresource: "status"),
        ]
        return [
            "kind": "Node",
            "apiVersion": "v1",
            "metadata": ObjectMetadata.metadata(name: node.name, uid: node.uid, resourceVersion: node.resourceVersion,
                                                created: node.created, labels: labels, annotations: annotations,
                                                managedFields: managedFields),
            "spec": ["providerID": .string("aws:///\(node.zone)/\(node.instanceID)")],
            "status": [
                "capacity": .map([("cpu", "2"), ("ephemeral-storage", "20893676Ki"), ("hugepages-1Gi", "0"),
                                  ("hugepages-2Mi", "0"), ("memory", "7925040Ki"), ("pods", "29")]),
                "allocatable": .map([("cpu", "1930m"), ("ephemeral-storage", "18181869946"), ("hugepages-1Gi", "0"),
                                     ("hugepages-2Mi", "0"), ("memory", "7235888Ki"), ("pods", "29")]),
                "conditions": .array(conditions.map { condition in
                    [
                        "type": .string(condition.type), "status": .string(condition.status),
                        "lastHeartbeatTime": .string(heartbeat.timeText),
                        "lastTransitionTime": .string((condition.type == "Ready" ? node.created + 21 * CorpusTime.second : node.created).timeText),
                        "reason": .string(condition.reason), "message": .string(condition.message),
                    ]
                }),
                "addresses": [
                    ["type": "InternalIP", "address": .string(node.ip)],
                    ["type": "InternalDNS", "address": .string(node.name)],
                    ["type": "Hostname", "address": .string(node.name)],
                ],
                "daemonEndpoints": ["kubeletEndpoint": ["Port": 10250]],
                "nodeInfo": [
                    "machineID": .string(node.machineID),
                    "systemUUID": .string(systemUUID(machineID: node.machineID)),
                    "bootID": .string(node.bootID),
                    "kernelVersion": "6.1.155-176.282.amzn2023.x86_64",
                    "osImage": "Amazon Linux 2023.9.20251020",
                    "containerRuntimeVersion": "containerd://2.1.4",
                    "kubeletVersion": .string(EKSClusterProfile.nodeVersion + "-eks-" + EKSClusterProfile.nodeCommit),
                    "kubeProxyVersion": "",
                    "operatingSystem": "linux",
                    "architecture": "amd64",
                ],
                "images": .array(images.map { image in
                    [
                        "names": [.string(image.name + "@sha256:" + digest(of: image.name + image.tag)), .string(image.name + ":" + image.tag)],
                        "sizeBytes": .int(image.size),
                    ]
                }),
                "runtimeHandlers": [
                    ["name": "runc", "features": ["recursiveReadOnlyMounts": true, "userNamespaces": true]],
                    ["name": "", "features": ["recursiveReadOnlyMounts": true, "userNamespaces": true]],
                ],
                "features": ["supplementalGroupsPolicy": true],
            ],
        ]
    }

    /// An EC2 instance's SMBIOS UUID: its machine ID (32 hex digits) grouped 8-4-4-4-12.
    static func systemUUID(machineID: String) -> String {
        let digits = Array(machineID)
        var groups: [String] = []
        var offset = 0
        for length in [8, 4, 4, 4, 12] where offset + length <= digits.count {
            groups.append(String(digits[offset..<(offset + length)]))
            offset += length
        }
        return groups.joined(separator: "-")
    }

    /// A stable 64-hex-digit stand-in for an image digest.
    static func digest(of text: String) -> String {
        var random = SplitMix64(seed: UInt64(bitPattern: text.hashValueStable))
        return random.hex(64)
    }
}
