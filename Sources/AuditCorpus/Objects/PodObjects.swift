import AuditPolicy

/// v1 `Pod` objects at the points of their life that the corpus records, and the patches
/// the kubelet and the VPC CNI send for them.
enum PodObjects {
    /// Where a pod is in its life.
    enum Phase {
        /// Created by its controller, not yet scheduled.
        case created
        /// Bound to a node, containers not started.
        case scheduled(at: CorpusTime)
        /// Containers running; ready or not yet.
        case running(scheduledAt: CorpusTime, startedAt: CorpusTime, ready: Bool)
        /// Being deleted (deletionTimestamp set), containers still running.
        case terminating(scheduledAt: CorpusTime, startedAt: CorpusTime, deletedAt: CorpusTime)
    }

    /// Annotations admission adds to a pod create's audit event: Pod Security admission's
    /// level (EKS enforces `privileged` by default) and EKS's mutating webhooks, which leave
    /// these pods unchanged.
    static let admissionAnnotations: [(String, String)] = [
        ("mutation.webhook.admission.k8s.io/round_0_index_0", #"{"configuration":"pod-identity-webhook","webhook":"iam-for-pods.amazonaws.com","mutated":false}"#),
        ("mutation.webhook.admission.k8s.io/round_0_index_1", #"{"configuration":"vpc-resource-mutating-webhook","webhook":"mpod.vpc.k8s.aws","mutated":false}"#),
        ("pod-security.kubernetes.io/enforce-policy", "privileged:latest"),
    ]

    /// The pod as its ReplicaSet controller submits it: the template's metadata and spec,
    /// no name (generateName), no status; defaults and the token volume come later, in
    /// the API server.
    static func submittedPod(_ pod: CorpusPod) -> CorpusJSON {
        let template = WorkloadObjects.podTemplate(app: pod.app, image: pod.image, templateHash: pod.templateHash)
        var spec: CorpusJSON = .object([])
        if case .object(let members) = template, let found = members.first(where: { $0.0 == "spec" }) { spec = found.1 }
        return [
            "kind": "Pod",
            "apiVersion": "v1",
            "metadata": ObjectMetadata.metadata(
                name: "", generateName: pod.owner.name + "-", namespace: pod.namespace,
                labels: [(pod.appLabelKey, pod.app)] + (pod.templateHash.map { [("pod-template-hash", $0)] } ?? []),
                ownerReferences: [ObjectMetadata.ownerReference(apiVersion: "apps/v1", kind: pod.owner.kind, name: pod.owner.name, uid: pod.owner.uid)]
            ),
            "spec": spec,
            "status": .object([]),
        ]
    }

    static func tokenVolumeName(_ pod: CorpusPod) -> String {
        var random = SplitMix64(seed: UInt64(truncatingIfNeeded: pod.uid.hashValueStable))
        return "kube-api-access-" + KubernetesNames.suffix(5, random: &random)
    }

    static func pod(_ pod: CorpusPod, node: CorpusNode, phase: Phase, annotations: [(String, String)] = []) -> CorpusJSON {
        let labels: [(String, String)] = pod.templateHash.map { [(pod.appLabelKey, pod.app), ("pod-template-hash", $0)] }
            ?? [(pod.appLabelKey, pod.app), ("controller-revision-hash", "6c8f9d7b54"), ("pod-template-generation", "1")]
        let ownerAPIVersion = pod.owner.kind == "ReplicaSet" || pod.owner.kind == "DaemonSet" ? "apps/v1" : "v1"
        var deletion: (CorpusTime, Int64)?
        var nodeName: String?
        switch phase {
        case .created: break
        case .scheduled, .running: nodeName = node.name
        case .terminating(_, _, let deletedAt):
            nodeName = node.name
            deletion = (deletedAt + 30 * CorpusTime.second, 30)
        }
        var metadata: [(String, CorpusJSON)] = [("name", .string(pod.name))]
        if pod.templateHash != nil || pod.owner.kind == "DaemonSet" {
            metadata.append(("generateName", .string(pod.owner.name + "-")))
        }
        metadata += [
            ("namespace", .string(pod.namespace)), ("uid", .string(pod.uid)),
            ("resourceVersion", .string(pod.resourceVersion)), ("creationTimestamp", .string(pod.created.timeText)),
        ]
        if let deletion {
            metadata += [("deletionTimestamp", .string(deletion.0.timeText)), ("deletionGracePeriodSeconds", .int(deletion.1))]
        }
        metadata.append(("labels", .map(labels)))
        if !annotations.isEmpty { metadata.append(("annotations", .map(annotations))) }
        metadata.append(("ownerReferences", [ObjectMetadata.ownerReference(apiVersion: ownerAPIVersion, kind: pod.owner.kind, name: pod.owner.name, uid: pod.owner.uid)]))
        metadata.append(("managedFields", .array(managedFields(pod, phase: phase))))

        var spec: [(String, CorpusJSON)] = [
            ("volumes", [[
                "name": .string(tokenVolumeName(pod)),
                "projected": [
                    "sources": [
                        ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
                        ["configMap": ["name": "kube-root-ca.crt", "items": [["key": "ca.crt", "path": "ca.crt"]]]],
                        ["downwardAPI": ["items": [["path": "namespace", "fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.namespace"]]]]],
                    ],
                    "defaultMode": 420,
                ],
            ]]),
            ("containers", [[
                "name": .string(pod.app),
                "image": .string(pod.image),
                "ports": [["name": "http", "containerPort": 8080, "protocol": "TCP"]],
                "resources": ["limits": .map([("memory", "512Mi")]), "requests": .map([("cpu", "250m"), ("memory", "256Mi")])],
                "volumeMounts": [[
                    "name": .string(tokenVolumeName(pod)), "readOnly": true,
                    "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
                ]],
                "readinessProbe": [
                    "httpGet": ["path": "/healthz", "port": "http", "scheme": "HTTP"],
                    "timeoutSeconds": 1, "periodSeconds": 5, "successThreshold": 1, "failureThreshold": 3,
                ],
                "terminationMessagePath": "/dev/termination-log",
                "terminationMessagePolicy": "File",
                "imagePullPolicy": "IfNotPresent",
            ]]),
            ("restartPolicy", "Always"),
            ("terminationGracePeriodSeconds", 30),
            ("dnsPolicy", "ClusterFirst"),
            ("serviceAccountName", .string(pod.serviceAccount)),
            ("serviceAccount", .string(pod.serviceAccount)),
        ]
        if let nodeName { spec.append(("nodeName", .string(nodeName))) }
        spec += [
            ("securityContext", .object([])),
            ("schedulerName", "default-scheduler"),
            ("tolerations", [
                ["key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300],
                ["key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300],
            ]),
            ("priority", 0),
            ("enableServiceLinks", true),
            ("preemptionPolicy", "PreemptLowerPriority"),
        ]
        return [
            "kind": "Pod",
            "apiVersion": "v1",
            "metadata": .object(metadata),
            "spec": .object(spec),
            "status": status(pod, node: node, phase: phase),
        ]
    }

    private static func condition(_ type: String, _ status: String, _ time: CorpusTime, reason: String? = nil) -> CorpusJSON {
        .object(omittingNil: [
            ("type", .string(type)), ("observedGeneration", .int(1)), ("status", .string(status)), ("lastProbeTime", .null),
            ("lastTransitionTime", .string(time.timeText)), ("reason", reason.map(CorpusJSON.string)),
        ])
    }

    private static func status(_ pod: CorpusPod, node: CorpusNode, phase: Phase) -> CorpusJSON {
        switch phase {
        case .created:
            return ["observedGeneration": 1, "phase": "Pending", "qosClass": "Burstable"]
        case .scheduled(let at):
            return ["observedGeneration": 1, "phase": "Pending", "conditions": [condition("PodScheduled", "True", at)], "qosClass": "Burstable"]
        case .running(let scheduledAt, let startedAt, let ready):
            return runningStatus(pod, node: node, scheduledAt: scheduledAt, startedAt: startedAt, isReady: ready)
        case .terminating(let scheduledAt, let startedAt, _):
            return runningStatus(pod, node: node, scheduledAt: scheduledAt, startedAt: startedAt, isReady: true)
        }
    }

    private static func runningStatus(_ pod: CorpusPod, node: CorpusNode, scheduledAt: CorpusTime, startedAt: CorpusTime, isReady: Bool) -> CorpusJSON {
        let readyTime = startedAt + 3 * CorpusTime.second
        return [
            "observedGeneration": 1,
            "phase": "Running",
            "conditions": [
                condition("PodReadyToStartContainers", "True", scheduledAt + 2 * CorpusTime.second),
                condition("Initialized", "True", scheduledAt),
                isReady ? condition("Ready", "True", readyTime) : condition("Ready", "False", scheduledAt, reason: "ContainersNotReady"),
                isReady ? condition("ContainersReady", "True", readyTime) : condition("ContainersReady", "False", scheduledAt, reason: "ContainersNotReady"),
                condition("PodScheduled", "True", scheduledAt),
            ],
            "hostIP": .string(node.ip),
            "hostIPs": [["ip": .string(node.ip)]],
            "podIP": .string(pod.ip),
            "podIPs": [["ip": .string(pod.ip)]],
            "startTime": .string(scheduledAt.timeText),
            "containerStatuses": [[
                "name": .string(pod.app),
                "state": ["running": ["startedAt": .string(startedAt.timeText)]],
                "lastState": .object([]),
                "ready": .bool(isReady),
                "restartCount": 0,
                "image": .string(pod.image),
                "imageID": .string(pod.image.split(separator: ":").first.map(String.init).map { $0 + "@sha256:" + NodeObjects.digest(of: pod.image) } ?? pod.image),
                "containerID": .string("containerd://" + NodeObjects.digest(of: pod.uid)),
                "started": true,
                "volumeMounts": [[
                    "name": .string(tokenVolumeName(pod)),
                    "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
                    "readOnly": true, "recursiveReadOnly": "Disabled",
                ]],
            ]],
            "qosClass": "Burstable",
        ]
    }

    private static func managedFields(_ pod: CorpusPod, phase: Phase) -> [CorpusJSON] {
        var entries = [
            ObjectMetadata.managedField(manager: "kube-controller-manager", apiVersion: "v1", time: pod.created, fields: [
                "f:metadata": [
                    "f:generateName": .object([]),
                    "f:labels": .object([(".", .object([])), ("f:\(pod.appLabelKey)", .object([])), ("f:pod-template-hash", .object([]))]),
                    "f:ownerReferences": .object([(".", .object([])), ("k:{\"uid\":\"\(pod.owner.uid)\"}", .object([]))]),
                ],
                "f:spec": [
                    "f:containers": .object([("k:{\"name\":\"\(pod.app)\"}", ObjectMetadata.fieldSet(["image", "imagePullPolicy", "name", "ports", "readinessProbe", "resources", "terminationMessagePath", "terminationMessagePolicy"]))]),
                    "f:dnsPolicy": .object([]), "f:enableServiceLinks": .object([]), "f:restartPolicy": .object([]),
                    "f:schedulerName": .object([]), "f:securityContext": .object([]), "f:serviceAccount": .object([]),
                    "f:serviceAccountName": .object([]), "f:terminationGracePeriodSeconds": .object([]),
                ],
            ]),
        ]
        switch phase {
        case .created, .scheduled: break
        case .running(let scheduledAt, let startedAt, _), .terminating(let scheduledAt, let startedAt, _):
            entries.append(ObjectMetadata.managedField(manager: "kubelet", apiVersion: "v1", time: max(scheduledAt, startedAt) + 3 * CorpusTime.second, fields: [
                "f:status": [
                    "f:conditions": .object(["ContainersReady", "Initialized", "PodReadyToStartContainers", "Ready"].map { ("k:{\"type\":\"\($0)\"}", ObjectMetadata.fieldSet(["lastProbeTime", "lastTransitionTime", "observedGeneration", "status", "type"])) }),
                    "f:containerStatuses": .object([]), "f:hostIP": .object([]), "f:hostIPs": .object([]), "f:phase": .object([]),
                    "f:podIP": .object([]), "f:podIPs": .object([]), "f:startTime": .object([]),
                ],
            ], subresource: "status"))
        }
        return entries
    }

    /// The kubelet's status patch when containers start or become ready
    /// (pkg/kubelet/status `mergePodStatus` sent as a strategic merge patch).
    static func statusPatch(_ pod: CorpusPod, node: CorpusNode, phase: Phase) -> CorpusJSON {
        ["metadata": ["uid": .string(pod.uid)], "status": status(pod, node: node, phase: phase)]
    }

    /// The VPC CNI's annotation of a pod's IP (`ANNOTATE_POD_IP=true`).
    static func podIPAnnotationPatch(_ pod: CorpusPod) -> CorpusJSON {
        ["metadata": ["annotations": .map([("vpc.amazonaws.com/pod-ips", pod.ip)])]]
    }
}

extension String {
    /// A hash of the string's bytes that is the same in every process (unlike `hashValue`).
    var hashValueStable: Int64 {
        Int64(bitPattern: utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 })
    }
}

