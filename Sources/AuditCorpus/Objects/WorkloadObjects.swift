/// apps/v1 `Deployment` and `ReplicaSet`, v1 `Service`, `Endpoints`, `ConfigMap`,
/// discovery.k8s.io/v1 `EndpointSlice`, and the `Binding` the scheduler creates.
enum WorkloadObjects {
    /// A Deployment as its controller and kubectl see it.
    struct DeploymentState {
        var name: String
        var namespace: String
        var uid: String
        var resourceVersion: String
        var generation: Int64
        var created: CorpusTime
        var image: String
        var replicas: Int64
        var revision: Int64
        var lastApplied: String
        var updatedReplicas: Int64
        var readyReplicas: Int64
        var observedGeneration: Int64
        var progressingSince: CorpusTime
        var updated: CorpusTime
        /// The pod-template-hash of the newest ReplicaSet.
        var currentTemplateHash: String
    }

    /// A ReplicaSet of a Deployment.
    struct ReplicaSetState {
        var name: String
        var namespace: String
        var uid: String
        var resourceVersion: String
        var generation: Int64
        var created: CorpusTime
        var templateHash: String
        var image: String
        var replicas: Int64
        var readyReplicas: Int64
        var revision: Int64
        var deploymentName: String
        var deploymentUID: String
        var app: String
    }

    static func podTemplate(app: String, image: String, templateHash: String?) -> CorpusJSON {
        var labels: [(String, String)] = [("app", app)]
        if let templateHash { labels.append(("pod-template-hash", templateHash)) }
        return [
            "metadata": ["labels": .map(labels)],
            "spec": [
                "containers": [[
                    "name": .string(app), "image": .string(image),
                    "ports": [["name": "http", "containerPort": 8080, "protocol": "TCP"]],
                    "resources": ["limits": .map([("memory", "512Mi")]), "requests": .map([("cpu", "250m"), ("memory", "256Mi")])],
                    "readinessProbe": [
                        "httpGet": ["path": "/healthz", "port": "http", "scheme": "HTTP"],
                        "timeoutSeconds": 1, "periodSeconds": 5, "successThreshold": 1, "failureThreshold": 3,
                    ],
                    "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File",
                    "imagePullPolicy": "IfNotPresent",
                ]],
                "restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst",
                "serviceAccountName": .string(app), "serviceAccount": .string(app),
                "securityContext": .object([]), "schedulerName": "default-scheduler",
            ],
        ]
    }

    static func deployment(_ state: DeploymentState) -> CorpusJSON {
        let available = state.readyReplicas
        let complete = state.updatedReplicas == state.replicas && state.readyReplicas == state.replicas
        return [
            "kind": "Deployment",
            "apiVersion": "apps/v1",
            "metadata": ObjectMetadata.metadata(
                name: state.name, namespace: state.namespace, uid: state.uid, resourceVersion: state.resourceVersion,
                generation: state.generation, created: state.created, labels: [("app", state.name)],
                annotations: [("deployment.kubernetes.io/revision", String(state.revision)),
                              ("kubectl.kubernetes.io/last-applied-configuration", state.lastApplied)],
                managedFields: [
                    ObjectMetadata.managedField(manager: "kubectl-client-side-apply", apiVersion: "apps/v1", time: state.updated, fields: [
                        "f:metadata": ["f:annotations": .object([(".", .object([])), ("f:kubectl.kubernetes.io/last-applied-configuration", .object([]))]),
                                       "f:labels": .object([(".", .object([])), ("f:app", .object([]))])],
                        "f:spec": ObjectMetadata.fieldSet(["progressDeadlineSeconds", "replicas", "revisionHistoryLimit", "selector", "strategy", "template"]),
                    ]),
                    ObjectMetadata.managedField(manager: "kube-controller-manager", apiVersion: "apps/v1", time: state.progressingSince, fields: [
                        "f:metadata": ["f:annotations": ObjectMetadata.fieldSet(["deployment.kubernetes.io/revision"])],
                        "f:status": ObjectMetadata.fieldSet(["availableReplicas", "conditions", "observedGeneration", "readyReplicas", "replicas", "updatedReplicas"]),
                    ], subresource: "status"),
                ]
            ),
            "spec": [
                "replicas": .int(state.replicas),
                "selector": ["matchLabels": .map([("app", state.name)])],
                "template": podTemplate(app: state.name, image: state.image, templateHash: nil),
                "strategy": ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": "25%", "maxSurge": "25%"]],
                "revisionHistoryLimit": 10,
                "progressDeadlineSeconds": 600,
            ],
            "status": .object(omittingNil: [
                ("observedGeneration", .int(state.observedGeneration)),
                ("replicas", .int(state.replicas + (complete ? 0 : 1))),
                ("updatedReplicas", .int(state.updatedReplicas)),
                ("readyReplicas", .int(state.readyReplicas)),
                ("availableReplicas", .int(available)),
                ("unavailableReplicas", complete ? nil : .int(1)),
                ("conditions", [
                    ["type": "Available", "status": "True", "lastUpdateTime": .string(state.created.timeText),
                     "lastTransitionTime": .string(state.created.timeText), "reason": "MinimumReplicasAvailable",
                     "message": "Deployment has minimum availability."],
                    ["type": "Progressing", "status": "True", "lastUpdateTime": .string(state.progressingSince.timeText),
                     "lastTransitionTime": .string(state.created.timeText),
                     "reason": complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                     "message": complete ? .string("ReplicaSet \"\(state.name)-\(state.currentTemplateHash)\" has successfully progressed.")
                         : .string("ReplicaSet \"\(state.name)-\(state.currentTemplateHash)\" is progressing.")],
                ]),
            ]),
        ]
    }

    /// A ReplicaSet as stored; with an empty `uid`, as the deployment controller submits it
    /// (no uid, resourceVersion, generation, creation time, managed fields, or status counts).
    static func replicaSet(_ state: ReplicaSetState) -> CorpusJSON {
        let submitted = state.uid.isEmpty
        return [
            "kind": "ReplicaSet",
            "apiVersion": "apps/v1",
            "metadata": ObjectMetadata.metadata(
                name: state.name, namespace: state.namespace, uid: state.uid, resourceVersion: state.resourceVersion,
                generation: submitted ? nil : state.generation, created: submitted ? nil : state.created,
                labels: [("app", state.app), ("pod-template-hash", state.templateHash)],
                annotations: [("deployment.kubernetes.io/desired-replicas", "3"), ("deployment.kubernetes.io/max-replicas", "4"),
                              ("deployment.kubernetes.io/revision", String(state.revision))],
                ownerReferences: [ObjectMetadata.ownerReference(apiVersion: "apps/v1", kind: "Deployment", name: state.deploymentName, uid: state.deploymentUID)],
                managedFields: submitted ? [] : [
                    ObjectMetadata.managedField(manager: "kube-controller-manager", apiVersion: "apps/v1", time: state.created, fields: [
                        "f:metadata": [
                            "f:annotations": ObjectMetadata.fieldSet(["deployment.kubernetes.io/desired-replicas", "deployment.kubernetes.io/max-replicas", "deployment.kubernetes.io/revision"]),
                            "f:labels": ObjectMetadata.fieldSet(["app", "pod-template-hash"]),
                            "f:ownerReferences": .object([(".", .object([])), ("k:{\"uid\":\"\(state.deploymentUID)\"}", .object([]))]),
                        ],
                        "f:spec": ObjectMetadata.fieldSet(["replicas", "selector", "template"]),
                    ]),
                ]
            ),
            "spec": [
                "replicas": .int(state.replicas),
                "selector": ["matchLabels": .map([("app", state.app), ("pod-template-hash", state.templateHash)])],
                "template": podTemplate(app: state.app, image: state.image, templateHash: state.templateHash),
            ],
            "status": submitted ? ["replicas": 0] : [
                "replicas": .int(state.replicas),
                "fullyLabeledReplicas": .int(state.replicas),
                "readyReplicas": .int(state.readyReplicas),
                "availableReplicas": .int(state.readyReplicas),
                "observedGeneration": .int(state.generation),
            ],
        ]
    }

    static func service(name: String, namespace: String, uid: String, resourceVersion: String, created: CorpusTime,
                        clusterIP: String, lastApplied: String) -> CorpusJSON {
        [
            "kind": "Service",
            "apiVersion": "v1",
            "metadata": ObjectMetadata.metadata(
                name: name, namespace: namespace, uid: uid, resourceVersion: resourceVersion, created: created,
                labels: [("app", name)], annotations: [("kubectl.kubernetes.io/last-applied-configuration", lastApplied)],
                managedFields: [ObjectMetadata.managedField(manager: "kubectl-client-side-apply", apiVersion: "v1", time: created, fields: [
                    "f:metadata": ["f:annotations": .object([(".", .object([])), ("f:kubectl.kubernetes.io/last-applied-configuration", .object([]))])],
                    "f:spec": ObjectMetadata.fieldSet(["internalTrafficPolicy", "ports", "selector", "sessionAffinity", "type"]),
                ])]
            ),
            "spec": [
                "ports": [["name": "http", "protocol": "TCP", "port": 80, "targetPort": "http"]],
                "selector": .map([("app", name)]),
                "clusterIP": .string(clusterIP), "clusterIPs": [.string(clusterIP)],
                "type": "ClusterIP", "sessionAffinity": "None", "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack",
                "internalTrafficPolicy": "Cluster",
            ],
            "status": ["loadBalancer": .object([])],
        ]
    }

    /// The pods behind a service, as the endpoint-slice controller writes them.
    static func endpointSlice(name: String, service: String, namespace: String, uid: String, resourceVersion: String,
                              created: CorpusTime, updated: CorpusTime, endpoints: [(pod: CorpusPod, node: CorpusNode, ready: Bool)]) -> CorpusJSON {
        [
            "kind": "EndpointSlice",
            "apiVersion": "discovery.k8s.io/v1",
            "metadata": ObjectMetadata.metadata(
                name: name, generateName: service + "-", namespace: namespace, uid: uid, resourceVersion: resourceVersion,
                generation: 1, created: created,
                labels: [("app", service), ("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io"),
                         ("kubernetes.io/service-name", service)],
                annotations: [("endpoints.kubernetes.io/last-change-trigger-time", updated.timeText)],
                ownerReferences: [ObjectMetadata.ownerReference(apiVersion: "v1", kind: "Service", name: service, uid: uid)],
                managedFields: [ObjectMetadata.managedField(manager: "kube-controller-manager", apiVersion: "discovery.k8s.io/v1", time: updated, fields: [
                    "f:addressType": .object([]), "f:endpoints": .object([]), "f:ports": .object([]),
                    "f:metadata": ["f:annotations": ObjectMetadata.fieldSet(["endpoints.kubernetes.io/last-change-trigger-time"])],
                ])]
            ),
            "addressType": "IPv4",
            "endpoints": .array(endpoints.map { endpoint in
                [
                    "addresses": [.string(endpoint.pod.ip)],
                    "conditions": ["ready": .bool(endpoint.ready), "serving": .bool(endpoint.ready), "terminating": false],
                    "targetRef": ["kind": "Pod", "namespace": .string(namespace), "name": .string(endpoint.pod.name), "uid": .string(endpoint.pod.uid)],
                    "nodeName": .string(endpoint.node.name),
                    "zone": .string(endpoint.node.zone),
                ]
            }),
            "ports": [["name": "http", "protocol": "TCP", "port": 8080]],
        ]
    }

    /// The legacy Endpoints object the endpoints controller still maintains.
    static func endpoints(service: String, namespace: String, uid: String, resourceVersion: String, created: CorpusTime,
                          updated: CorpusTime, endpoints: [(pod: CorpusPod, node: CorpusNode, ready: Bool)]) -> CorpusJSON {
        func addresses(_ ready: Bool) -> CorpusJSON {
            .array(endpoints.filter { $0.ready == ready }.map { endpoint in
                [
                    "ip": .string(endpoint.pod.ip), "nodeName": .string(endpoint.node.name),
                    "targetRef": ["kind": "Pod", "namespace": .string(namespace), "name": .string(endpoint.pod.name), "uid": .string(endpoint.pod.uid)],
                ]
            })
        }
        let hasNotReady = endpoints.contains { !$0.ready }
        return [
            "kind": "Endpoints",
            "apiVersion": "v1",
            "metadata": ObjectMetadata.metadata(
                name: service, namespace: namespace, uid: uid, resourceVersion: resourceVersion, created: created,
                labels: [("app", service)], annotations: [("endpoints.kubernetes.io/last-change-trigger-time", updated.timeText)],
                managedFields: [ObjectMetadata.managedField(manager: "kube-controller-manager", apiVersion: "v1", time: updated, fields: [
                    "f:metadata": ["f:annotations": ObjectMetadata.fieldSet(["endpoints.kubernetes.io/last-change-trigger-time"]),
                                   "f:labels": ObjectMetadata.fieldSet(["app"])],
                    "f:subsets": .object([]),
                ])]
            ),
            "subsets": [.object(omittingNil: [
                ("addresses", addresses(true)),
                ("notReadyAddresses", hasNotReady ? addresses(false) : nil),
                ("ports", [["name": "http", "port": 8080, "protocol": "TCP"]]),
            ])],
        ]
    }

    static func configMap(name: String, namespace: String, uid: String?, resourceVersion: String?, created: CorpusTime?,
                          data: [(String, String)], annotations: [(String, String)] = [], labels: [(String, String)] = [],
                          managedFields: [CorpusJSON] = []) -> CorpusJSON {
        [
            "kind": "ConfigMap",
            "apiVersion": "v1",
            "metadata": ObjectMetadata.metadata(name: name, namespace: namespace, uid: uid, resourceVersion: resourceVersion,
                                                created: created, labels: labels, annotations: annotations, managedFields: managedFields),
            "data": .map(data),
        ]
    }

    /// The scheduler's binding of a pod to a node (pods/binding).
    static func binding(pod: CorpusPod, node: CorpusNode) -> CorpusJSON {
        [
            "kind": "Binding",
            "apiVersion": "v1",
            "metadata": ["name": .string(pod.name), "namespace": .string(pod.namespace), "uid": .string(pod.uid)],
            "target": ["kind": "Node", "name": .string(node.name)],
        ]
    }

    /// The delete options client-go sends with a delete (decoded and logged as the request
    /// body: pkg/endpoints/handlers/delete.go `DeleteResource`).
    static func deleteOptions(gracePeriodSeconds: Int64? = nil, preconditionUID: String? = nil, propagationPolicy: String? = nil) -> CorpusJSON {
        .object(omittingNil: [
            ("kind", "DeleteOptions"), ("apiVersion", "v1"),
            ("gracePeriodSeconds", gracePeriodSeconds.map(CorpusJSON.int)),
            ("preconditions", preconditionUID.map { ["uid": .string($0)] }),
            ("propagationPolicy", propagationPolicy.map(CorpusJSON.string)),
        ])
    }
}
