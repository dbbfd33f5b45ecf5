import AuditPolicy

/// The state a recording is generated from: the random generator, the cluster's objects and
/// its etcd revision, the clients, and the events rendered but not yet written.
final class CorpusContext {
    var random: SplitMix64
    /// etcd's revision, which every write advances and resourceVersions come from.
    private var revision: Int64 = 48_213_377
    var nodes: [CorpusNode] = []
    var pods: [CorpusPod] = []
    /// Service-account UIDs by `namespace/name`.
    private var serviceAccountUIDs: [String: String] = [:]
    /// Events rendered, waiting for their time to be written.
    private(set) var pending = TimeOrderedHeap<[UInt8]>()
    /// Traffic sources started while generating (a new pod's token refreshes), with
    /// their first time, for the generator to schedule.
    var startedSources: [(source: any TrafficSource, firstFire: CorpusTime)] = []

    let controllerManager: CorpusActor
    let scheduler: CorpusActor
    let apiserver: CorpusActor
    /// kube-controller-manager's controllers, by service-account name.
    private(set) var controllers: [String: CorpusActor] = [:]

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        let controlPlaneIP = "172.16.\(random.int(in: 32...63)).\(random.int(in: 10...250))"
        controllerManager = CorpusActor(
            user: CorpusUser(username: "system:kube-controller-manager", groups: ["system:authenticated"]),
            sourceIP: controlPlaneIP, userAgent: EKSClusterProfile.controllerManagerAgent,
            allowReason: EKSClusterProfile.rbacReason(binding: "system:kube-controller-manager", roleKind: "ClusterRole",
                                                      role: "system:kube-controller-manager", subject: "User \"system:kube-controller-manager\"")
        )
        scheduler = CorpusActor(
            user: CorpusUser(username: "system:kube-scheduler", groups: ["system:authenticated"]),
            sourceIP: controlPlaneIP, userAgent: EKSClusterProfile.schedulerAgent,
            allowReason: EKSClusterProfile.rbacReason(binding: "system:kube-scheduler", roleKind: "ClusterRole",
                                                      role: "system:kube-scheduler", subject: "User \"system:kube-scheduler\"")
        )
        // kube-apiserver's loopback client: system:masters, allowed before RBAC with no reason.
        apiserver = CorpusActor(
            user: CorpusUser(username: "system:apiserver", uid: random.uuid(), groups: ["system:masters"]),
            sourceIP: "::1", userAgent: EKSClusterProfile.apiserverAgent, allowReason: ""
        )
        for name in ["deployment-controller", "replicaset-controller", "endpointslice-controller", "endpoint-controller"] {
            let user = EKSClusterProfile.controllerServiceAccount(name, uid: serviceAccountUID(namespace: "kube-system", name: name),
                                                                  credentialID: random.uuid())
            controllers[name] = CorpusActor(
                user: user, sourceIP: controlPlaneIP,
                userAgent: EKSClusterProfile.controllerManagerAgent + "/system:serviceaccount:kube-system:\(name)",
                allowReason: EKSClusterProfile.rbacReason(binding: "system:controller:\(name)", roleKind: "ClusterRole",
                                                          role: "system:controller:\(name)", subject: "ServiceAccount \"\(name)/kube-system\"")
            )
        }
    }

    /// The next etcd revision, as a resourceVersion.
    func nextResourceVersion() -> String {
        revision += 1
        return String(revision)
    }

    /// A resourceVersion a little behind the current one, as clients resume watches from.
    func recentResourceVersion() -> String {
        String(revision - Int64(random.int(in: 0...400)))
    }

    /// The UID of a service account, stable for the whole corpus.
    func serviceAccountUID(namespace: String, name: String) -> String {
        if let uid = serviceAccountUIDs["\(namespace)/\(name)"] { return uid }
        let uid = random.uuid()
        serviceAccountUIDs["\(namespace)/\(name)"] = uid
        return uid
    }

    /// A kube-controller-manager controller's client.
    func controller(_ name: String) -> CorpusActor {
        controllers[name] ?? controllerManager
    }

    /// The client of a pod that talks to the API with its bound service-account token.
    func podClient(_ pod: CorpusPod, userAgent: String, allowReason: String, hostNetwork: Bool) -> CorpusActor {
        let node = nodes[pod.nodeIndex]
        let user = EKSClusterProfile.podServiceAccount(
            namespace: pod.namespace, name: pod.serviceAccount,
            uid: serviceAccountUID(namespace: pod.namespace, name: pod.serviceAccount),
            credentialID: pod.credentialID, podName: pod.name, podUID: pod.uid, nodeName: node.name, nodeUID: node.uid
        )
        return CorpusActor(user: user, sourceIP: hostNetwork ? node.ip : pod.ip, userAgent: userAgent, allowReason: allowReason)
    }

    /// A request by `actor`, received at `time` and complete `latency` microseconds later,
    /// authorized with the actor's reason (or denied, for a 403 status).
    func request(_ actor: CorpusActor, _ verb: String, _ requestURI: String, objectRef: CorpusObjectRef?,
                 at time: CorpusTime, latency: Int64, status: CorpusStatus = .success(),
                 requestObject: CorpusJSON? = nil, responseObject: CorpusJSON? = nil,
                 annotations: [(String, String)] = []) -> CorpusRequest {
        let authorization = status.code == 403 ? EKSClusterProfile.forbidden : EKSClusterProfile.allowed(actor.allowReason)
        return CorpusRequest(
            auditID: random.uuid(), requestURI: requestURI, verb: verb, user: actor.user, sourceIP: actor.sourceIP,
            userAgent: actor.userAgent, objectRef: objectRef, responseStatus: status,
            requestObject: requestObject?.encoded, responseObject: responseObject?.encoded,
            annotations: authorization + annotations, received: time, completed: time + latency
        )
    }

    /// Renders the request's events into the pending queue.
    func emit(_ request: CorpusRequest) {
        for event in AuditEventRenderer.events(for: request) {
            pending.insert(event.line, at: event.time)
        }
    }

    /// Removes and returns the next pending event if it is due by `time`.
    func popPendingEvent(dueBy time: CorpusTime) -> (time: CorpusTime, line: [UInt8])? {
        guard let earliest = pending.earliestTime, earliest <= time, let entry = pending.popEarliest() else { return nil }
        return (entry.time, entry.value)
    }
}
