/// A deploy from CI and everything it sets off: `kubectl apply -f k8s/` (client-side
/// apply: a GET, then a strategic-merge PATCH when the object changed) of the web
/// application's ConfigMap, Deployment (new image) and Service (unchanged: no PATCH),
/// `kubectl rollout status`, and the rolling update it watches: the deployment controller
/// creating a ReplicaSet and scaling both, the ReplicaSet controller creating and deleting
/// pods, the scheduler binding them, the kubelets starting and stopping them, the VPC CNI
/// annotating their IPs, the endpoint controllers following their readiness.
enum CIDeployScenario {
    /// Seconds between the start of two replacement pods during the rollout.
    static let podStep = 14.0

    static func script(app: ShopWebApplication, clients: PeopleAndPipelines) -> (CorpusContext) -> [ScriptedTraffic.Step] {
        { context in
            var script = ScriptBuilder()
            let ci = clients.ci
            let namespace = ShopWebApplication.namespace
            let deploymentController = context.controller("deployment-controller")
            let replicaSetController = context.controller("replicaset-controller")
            let sliceController = context.controller("endpointslice-controller")
            let endpointsController = context.controller("endpoint-controller")
            let scheduler = context.scheduler.with(userAgent: EKSClusterProfile.schedulerAgent + "/scheduler")
            let schedulerInstance = "default-scheduler-ip-172-16-\(context.random.int(in: 32...63))-\(context.random.int(in: 10...250)).ec2.internal"
            let rolloutEnd = 2.0 + 3 * podStep + 1.0
            var newPods: [CorpusPod] = []
            var oldPods = context.pods.filter { $0.namespace == namespace && $0.app == ShopWebApplication.name && !$0.isDeleted }

            // kubectl apply: discovery, then each object.
            script.at(0) { context, time in
                for (offset, uri) in [(0, "/api?timeout=32s"), (9_000, "/apis?timeout=32s")] {
                    context.emit(context.request(ci, "get", uri, objectRef: nil, at: time + Int64(offset), latency: Int64(context.random.int(in: 3_000...9_000))))
                }
            }
            script.at(0.35) { context, time in
                let reference = CorpusObjectRef.resource("configmaps", namespace: namespace, name: "web-config")
                let created = time + -Int64(41 * 86_400) * CorpusTime.second
                context.emit(context.request(ci, "get", reference.path, objectRef: reference, at: time, latency: 3_100,
                                             responseObject: app.configMap(created: created, updated: time + -Int64(86_400) * CorpusTime.second)))
                app.configMapRevision += 1
                let patch: CorpusJSON = [
                    "data": .map(app.configData().filter { $0.0 == "FEATURE_FLAGS" }),
                    "metadata": ["annotations": .map([("kubectl.kubernetes.io/last-applied-configuration", app.lastAppliedConfigMap())])],
                ]
                app.configMapResourceVersion = context.nextResourceVersion()
                context.emit(context.request(ci, "patch", reference.path + "?fieldManager=kubectl-client-side-apply&fieldValidation=Strict",
                                             objectRef: reference, at: time + 40_000, latency: 6_800, requestObject: patch,
                                             responseObject: app.configMap(created: created, updated: time + 40_000)))
            }
            script.at(0.7) { context, time in
                let reference = CorpusObjectRef.resource("deployments", namespace: namespace, name: ShopWebApplication.name, group: "apps")
                context.emit(context.request(ci, "get", reference.path, objectRef: reference, at: time, latency: 3_600,
                                             responseObject: WorkloadObjects.deployment(app.deployment)))
                app.imageMinor += 1
                app.deployment.lastApplied = app.lastAppliedDeployment()
                app.deployment.image = app.image
                app.deployment.generation += 1
                app.deployment.revision += 1
                app.deployment.updated = time + 45_000
                app.deployment.resourceVersion = context.nextResourceVersion()
                let patch: CorpusJSON = [
                    "metadata": ["annotations": .map([("kubectl.kubernetes.io/last-applied-configuration", app.deployment.lastApplied)])],
                    "spec": ["template": ["spec": [
                        "$setElementOrder/containers": [["name": .string(ShopWebApplication.name)]],
                        "containers": [["image": .string(app.image), "name": .string(ShopWebApplication.name)]],
                    ]]],
                ]
                context.emit(context.request(ci, "patch", reference.path + "?fieldManager=kubectl-client-side-apply&fieldValidation=Strict",
                                             objectRef: reference, at: time + 45_000, latency: 9_400, requestObject: patch,
                                             responseObject: WorkloadObjects.deployment(app.deployment)))
                // The deployment controller creates the new ReplicaSet with one replica (maxSurge 25% of 3, rounded up).
                let hash = KubernetesNames.suffix(10, random: &context.random)
                var fresh = WorkloadObjects.ReplicaSetState(
                    name: "\(ShopWebApplication.name)-\(hash)", namespace: namespace, uid: context.random.uuid(), resourceVersion: "",
                    generation: 1, created: time + 70_000, templateHash: hash, image: app.image, replicas: 1, readyReplicas: 0,
                    revision: app.deployment.revision, deploymentName: ShopWebApplication.name, deploymentUID: app.deployment.uid, app: ShopWebApplication.name
                )
                var submitted = fresh
                submitted.uid = ""
                fresh.resourceVersion = context.nextResourceVersion()
                let replicaSets = CorpusObjectRef.resource("replicasets", namespace: namespace, group: "apps")
                var create = context.request(deploymentController, "create", replicaSets.path, objectRef: replicaSets, at: time + 70_000,
                                             latency: 5_200, status: .success(201),
                                             requestObject: WorkloadObjects.replicaSet(submitted), responseObject: WorkloadObjects.replicaSet(fresh))
                create.objectRefFromBody = (fresh.name, "", "")
                context.emit(create)
                app.replicaSet = fresh
                app.deployment.currentTemplateHash = hash
                app.deployment.updatedReplicas = 0
                updateDeploymentStatus(app, context, deploymentController, at: time + 82_000, progressing: time + 82_000)
            }
            script.at(1.1) { context, time in
                let reference = CorpusObjectRef.resource("services", namespace: namespace, name: ShopWebApplication.name)
                context.emit(context.request(ci, "get", reference.path, objectRef: reference, at: time, latency: 2_900, responseObject: app.service()))
            }
            // kubectl rollout status: a GET, then a watch of the one deployment until the rollout is done.
            script.at(1.5) { context, time in
                let reference = CorpusObjectRef.resource("deployments", namespace: namespace, name: ShopWebApplication.name, group: "apps")
                context.emit(context.request(ci, "get", reference.path, objectRef: reference, at: time, latency: 3_300,
                                             responseObject: WorkloadObjects.deployment(app.deployment)))
                var collection = reference
                collection.name = ""
                let query = QueryEncoding.encode([("fieldSelector", "metadata.name=\(ShopWebApplication.name)"),
                                                  ("resourceVersion", app.deployment.resourceVersion), ("watch", "true")])
                var watch = context.request(ci, "watch", collection.path + "?" + query, objectRef: reference, at: time + 12_000,
                                            latency: Int64((rolloutEnd - 1.5) * 1_000_000))
                watch.shape = .longRunning
                watch.responseStarted = time + 13_100
                context.emit(watch)
            }

            let oldReplicaSetName = app.replicaSet.name
            for index in 0..<3 {
                let base = 2.0 + Double(index) * podStep
                script.at(base) { context, time in
                    let nodeIndex = (index + 1) % context.nodes.count
                    let node = context.nodes[nodeIndex]
                    let pod = CorpusPod(
                        namespace: namespace, name: app.replicaSet.name + "-" + KubernetesNames.suffix(5, random: &context.random),
                        uid: context.random.uuid(), owner: ("ReplicaSet", app.replicaSet.name, app.replicaSet.uid), app: ShopWebApplication.name,
                        templateHash: app.replicaSet.templateHash, image: app.image, serviceAccount: ShopWebApplication.name, nodeIndex: nodeIndex,
                        ip: ClusterBootstrap.podIP(on: node, random: &context.random), created: time, resourceVersion: "",
                        credentialID: context.random.uuid()
                    )
                    newPods.append(pod)
                    context.pods.append(pod)
                    let pods = CorpusObjectRef.resource("pods", namespace: namespace)
                    pod.resourceVersion = context.nextResourceVersion()
                    var create = context.request(
                        replicaSetController, "create", pods.path, objectRef: pods, at: time, latency: 7_900, status: .success(201),
                        requestObject: PodObjects.submittedPod(pod), responseObject: PodObjects.pod(pod, node: node, phase: .created),
                        annotations: PodObjects.admissionAnnotations
                    )
                    create.objectRefFromBody = ("", "", "")
                    context.emit(create)

                    // The scheduler binds it and records the Scheduled event.
                    let bound = time + 21_000
                    let binding = CorpusObjectRef.resource("pods", namespace: namespace, name: pod.name, subresource: "binding")
                    var bind = context.request(scheduler, "create", binding.path, objectRef: binding, at: bound, latency: 4_700,
                                               status: CorpusStatus(code: 201, status: "Success"),
                                               requestObject: WorkloadObjects.binding(pod: pod, node: node),
                                               responseObject: CorpusStatus(code: 201, status: "Success").responseObject)
                    bind.objectRefFromBody = (pod.name, pod.uid, "")
                    context.emit(bind)
                    pod.resourceVersion = context.nextResourceVersion()
                    let eventName = pod.name + "." + context.random.hex(16)
                    let events = CorpusObjectRef.resource("events", namespace: namespace, group: "events.k8s.io")
                    var scheduled = context.request(
                        scheduler, "create", events.path, objectRef: events, at: bound + 6_000, latency: 3_900, status: .success(201),
                        requestObject: EventObjects.schedulerEvent(name: eventName, pod: pod, node: node, time: bound, instance: schedulerInstance),
                        responseObject: EventObjects.schedulerEvent(name: eventName, pod: pod, node: node, time: bound, instance: schedulerInstance,
                                                                    uid: context.random.uuid(), resourceVersion: context.nextResourceVersion())
                    )
                    scheduled.objectRefFromBody = (eventName, "", "")
                    context.emit(scheduled)

                    // The kubelet requests the pod's service-account token; the VPC CNI reads the pod.
                    let tokens = TokenRequestTraffic(podIndex: context.pods.count - 1)
                    if let refresh = tokens.fire(at: bound + 95_000, in: context) {
                        context.startedSources.append((tokens, refresh))
                    }
                    let cni = awsNode(on: nodeIndex, context)
                    let podRef = CorpusObjectRef.resource("pods", namespace: namespace, name: pod.name)
                    context.emit(context.request(cni, "get", podRef.path, objectRef: podRef, at: bound + 310_000, latency: 2_700,
                                                 responseObject: PodObjects.pod(pod, node: node, phase: .scheduled(at: bound))))
                }
                script.at(base + 1.6) { context, time in
                    guard let pod = newPods.last else { return }
                    let node = context.nodes[pod.nodeIndex]
                    let bound = pod.created + 21_000
                    let podRef = CorpusObjectRef.resource("pods", namespace: namespace, name: pod.name)
                    pod.resourceVersion = context.nextResourceVersion()
                    context.emit(context.request(awsNode(on: pod.nodeIndex, context), "patch", podRef.path, objectRef: podRef, at: time, latency: 5_100,
                                                 requestObject: PodObjects.podIPAnnotationPatch(pod),
                                                 responseObject: PodObjects.pod(pod, node: node, phase: .scheduled(at: bound),
                                                                                annotations: [("vpc.amazonaws.com/pod-ips", pod.ip)])))
                }
                script.at(base + 2.8) { context, time in
                    guard let pod = newPods.last else { return }
                    let node = context.nodes[pod.nodeIndex]
                    let bound = pod.created + 21_000
                    let events = CorpusObjectRef.resource("events", namespace: namespace)
                    let involved = (kind: "Pod", name: pod.name, uid: pod.uid, apiVersion: "v1", resourceVersion: pod.resourceVersion,
                                    fieldPath: Optional("spec.containers{\(ShopWebApplication.name)}"))
                    for (offset, reason, message) in [
                        (0, "Pulling", "Pulling image \"\(pod.image)\""),
                        (1_900_000, "Pulled", "Successfully pulled image \"\(pod.image)\" in 1.874s (1.874s including waiting). Image size: 58213806 bytes."),
                        (1_950_000, "Created", "Created container: \(ShopWebApplication.name)"),
                        (2_010_000, "Started", "Started container \(ShopWebApplication.name)"),
                    ] {
                        let name = pod.name + "." + context.random.hex(16)
                        let at = time + Int64(offset)
                        var event = context.request(
                            node.kubelet, "create", events.path, objectRef: events, at: at, latency: 3_200, status: .success(201),
                            requestObject: EventObjects.coreEvent(name: name, namespace: namespace, involved: involved, reason: reason, message: message,
                                                                  component: "kubelet", host: node.name, time: at),
                            responseObject: EventObjects.coreEvent(name: name, namespace: namespace, involved: involved, reason: reason, message: message,
                                                                   component: "kubelet", host: node.name, time: at,
                                                                   uid: context.random.uuid(), resourceVersion: context.nextResourceVersion())
                        )
                        event.objectRefFromBody = (name, "", "")
                        context.emit(event)
                    }
                    let started = time + 2_030_000
                    pod.resourceVersion = context.nextResourceVersion()
                    let status = CorpusObjectRef.resource("pods", namespace: namespace, name: pod.name, subresource: "status")
                    context.emit(context.request(
                        node.kubelet, "patch", status.path, objectRef: status, at: started + 15_000, latency: 6_100,
                        requestObject: PodObjects.statusPatch(pod, node: node, phase: .running(scheduledAt: bound, startedAt: started, ready: false)),
                        responseObject: PodObjects.pod(pod, node: node, phase: .running(scheduledAt: bound, startedAt: started, ready: false),
                                                       annotations: [("vpc.amazonaws.com/pod-ips", pod.ip)])
                    ))
                    updateEndpoints(app, context, sliceController, endpointsController, at: started + 40_000,
                                    endpoints: endpoints(oldPods, ready: true, context) + endpoints([pod], ready: false, context))
                }
                script.at(base + 9.0) { context, time in
                    guard let pod = newPods.last else { return }
                    let node = context.nodes[pod.nodeIndex]
                    let bound = pod.created + 21_000
                    // Containers started 2.03 s after the Pulling event, which came 2.8 s after creation.
                    let started = pod.created + 4_830_000
                    pod.resourceVersion = context.nextResourceVersion()
                    let status = CorpusObjectRef.resource("pods", namespace: namespace, name: pod.name, subresource: "status")
                    context.emit(context.request(
                        node.kubelet, "patch", status.path, objectRef: status, at: time, latency: 5_800,
                        requestObject: PodObjects.statusPatch(pod, node: node, phase: .running(scheduledAt: bound, startedAt: started, ready: true)),
                        responseObject: PodObjects.pod(pod, node: node, phase: .running(scheduledAt: bound, startedAt: started, ready: true),
                                                       annotations: [("vpc.amazonaws.com/pod-ips", pod.ip)])
                    ))
                    updateEndpoints(app, context, sliceController, endpointsController, at: time + 30_000,
                                    endpoints: endpoints(oldPods + newPods, ready: true, context))
                    // The ReplicaSet controller reports the new pod ready.
                    app.replicaSet.readyReplicas = Int64(newPods.count)
                    updateReplicaSet(app.replicaSet, context, replicaSetController, status: true, at: time + 52_000) { app.replicaSet.resourceVersion = $0 }
                    // The deployment controller scales the old ReplicaSet down by one and the new one up.
                    let remainingOld = Int64(3 - newPods.count)
                    let oldState = WorkloadObjects.ReplicaSetState(
                        name: oldReplicaSetName, namespace: namespace, uid: oldPods.first?.owner.uid ?? "", resourceVersion: context.recentResourceVersion(),
                        generation: Int64(2 + index), created: app.deployment.progressingSince, templateHash: String(oldReplicaSetName.dropFirst(ShopWebApplication.name.count + 1)),
                        image: "\(ShopWebApplication.imageRepository):1.\(app.imageMinor - 1).0", replicas: remainingOld, readyReplicas: remainingOld + 1,
                        revision: app.deployment.revision - 1, deploymentName: ShopWebApplication.name, deploymentUID: app.deployment.uid, app: ShopWebApplication.name
                    )
                    updateReplicaSet(oldState, context, deploymentController, status: false, at: time + 80_000) { _ in }
                    if newPods.count < 3 {
                        app.replicaSet.replicas = Int64(newPods.count + 1)
                        app.replicaSet.generation += 1
                        updateReplicaSet(app.replicaSet, context, deploymentController, status: false, at: time + 95_000) { app.replicaSet.resourceVersion = $0 }
                    }
                    app.deployment.updatedReplicas = Int64(newPods.count)
                    app.deployment.readyReplicas = Int64(newPods.count) + remainingOld
                    updateDeploymentStatus(app, context, deploymentController, at: time + 110_000, progressing: time + 110_000)

                    // The ReplicaSet controller deletes one old pod; its kubelet stops it and removes it.
                    guard !oldPods.isEmpty else { return }
                    let old = oldPods.removeFirst()
                    let oldNode = context.nodes[old.nodeIndex]
                    let oldRef = CorpusObjectRef.resource("pods", namespace: namespace, name: old.name)
                    let deleted = time + 140_000
                    old.resourceVersion = context.nextResourceVersion()
                    let oldScheduled = old.created + 20 * CorpusTime.second
                    context.emit(context.request(
                        replicaSetController, "delete", oldRef.path, objectRef: oldRef, at: deleted, latency: 6_300,
                        requestObject: WorkloadObjects.deleteOptions(),
                        responseObject: PodObjects.pod(old, node: oldNode, phase: .terminating(scheduledAt: oldScheduled, startedAt: oldScheduled + 3 * CorpusTime.second, deletedAt: deleted))
                    ))
                    updateEndpoints(app, context, sliceController, endpointsController, at: deleted + 25_000,
                                    endpoints: endpoints(oldPods + newPods, ready: true, context))
                    old.resourceVersion = context.nextResourceVersion()
                    context.emit(context.request(
                        oldNode.kubelet, "delete", oldRef.path, objectRef: oldRef, at: deleted + 1_450_000, latency: 5_600,
                        requestObject: WorkloadObjects.deleteOptions(gracePeriodSeconds: 0, preconditionUID: old.uid),
                        responseObject: PodObjects.pod(old, node: oldNode, phase: .terminating(scheduledAt: oldScheduled, startedAt: oldScheduled + 3 * CorpusTime.second, deletedAt: deleted))
                    ))
                    old.isDeleted = true
                }
            }
            script.at(rolloutEnd - 0.3) { context, time in
                app.deployment.observedGeneration = app.deployment.generation
                app.deployment.readyReplicas = 3
                updateDeploymentStatus(app, context, deploymentController, at: time, progressing: time)
            }
            return script.steps
        }
    }

    private static func awsNode(on nodeIndex: Int, _ context: CorpusContext) -> CorpusActor {
        guard let pod = context.pods.first(where: { $0.app == "aws-node" && $0.nodeIndex == nodeIndex }) else { return context.nodes[nodeIndex].kubelet }
        return context.podClient(pod, userAgent: EKSClusterProfile.awsNodeAgent,
                                 allowReason: EKSClusterProfile.rbacReason(binding: "aws-node", roleKind: "ClusterRole", role: "aws-node",
                                                                           subject: "ServiceAccount \"aws-node/kube-system\""),
                                 hostNetwork: true)
    }

    private static func endpoints(_ pods: [CorpusPod], ready: Bool, _ context: CorpusContext) -> [(pod: CorpusPod, node: CorpusNode, ready: Bool)] {
        pods.map { ($0, context.nodes[$0.nodeIndex], ready) }
    }

    /// The deployment controller's status update (PUT deployments/status).
    private static func updateDeploymentStatus(_ app: ShopWebApplication, _ context: CorpusContext, _ controller: CorpusActor,
                                               at time: CorpusTime, progressing: CorpusTime) {
        let reference = CorpusObjectRef.resource("deployments", namespace: ShopWebApplication.namespace, name: ShopWebApplication.name,
                                                 group: "apps", subresource: "status")
        let sent = app.deployment
        app.deployment.progressingSince = progressing
        app.deployment.observedGeneration = app.deployment.generation
        app.deployment.resourceVersion = context.nextResourceVersion()
        var request = context.request(controller, "update", reference.path, objectRef: reference, at: time, latency: 5_400,
                                      requestObject: WorkloadObjects.deployment(sent), responseObject: WorkloadObjects.deployment(app.deployment))
        request.objectRefFromBody = (sent.name, sent.uid, sent.resourceVersion)
        context.emit(request)
    }

    /// A ReplicaSet update: its spec by the deployment controller, or its status by the ReplicaSet controller.
    private static func updateReplicaSet(_ state: WorkloadObjects.ReplicaSetState, _ context: CorpusContext, _ controller: CorpusActor,
                                         status: Bool, at time: CorpusTime, stored: (String) -> Void) {
        let reference = CorpusObjectRef.resource("replicasets", namespace: state.namespace, name: state.name, group: "apps",
                                                 subresource: status ? "status" : "")
        var updated = state
        updated.resourceVersion = context.nextResourceVersion()
        var request = context.request(controller, "update", reference.path, objectRef: reference, at: time, latency: 4_900,
                                      requestObject: WorkloadObjects.replicaSet(state), responseObject: WorkloadObjects.replicaSet(updated))
        request.objectRefFromBody = (state.name, state.uid, state.resourceVersion)
        context.emit(request)
        stored(updated.resourceVersion)
    }

    /// The endpoint-slice and endpoints controllers' updates after a readiness change.
    private static func updateEndpoints(_ app: ShopWebApplication, _ context: CorpusContext, _ sliceController: CorpusActor,
                                        _ endpointsController: CorpusActor, at time: CorpusTime,
                                        endpoints: [(pod: CorpusPod, node: CorpusNode, ready: Bool)]) {
        let namespace = ShopWebApplication.namespace
        let created = app.serviceCreated
        let slice = CorpusObjectRef.resource("endpointslices", namespace: namespace, name: app.sliceName, group: "discovery.k8s.io")
        let sliceBefore = app.sliceResourceVersion
        app.sliceResourceVersion = context.nextResourceVersion()
        var sliceUpdate = context.request(
            sliceController, "update", slice.path, objectRef: slice, at: time, latency: 4_200,
            requestObject: WorkloadObjects.endpointSlice(name: app.sliceName, service: ShopWebApplication.name, namespace: namespace, uid: app.sliceUID,
                                                         resourceVersion: sliceBefore, created: created, updated: time, endpoints: endpoints),
            responseObject: WorkloadObjects.endpointSlice(name: app.sliceName, service: ShopWebApplication.name, namespace: namespace, uid: app.sliceUID,
                                                          resourceVersion: app.sliceResourceVersion, created: created, updated: time, endpoints: endpoints)
        )
        sliceUpdate.objectRefFromBody = (app.sliceName, app.sliceUID, sliceBefore)
        context.emit(sliceUpdate)

        let legacy = CorpusObjectRef.resource("endpoints", namespace: namespace, name: ShopWebApplication.name)
        let endpointsBefore = app.endpointsResourceVersion
        app.endpointsResourceVersion = context.nextResourceVersion()
        var endpointsUpdate = context.request(
            endpointsController, "update", legacy.path, objectRef: legacy, at: time + 3_000, latency: 3_900,
            requestObject: WorkloadObjects.endpoints(service: ShopWebApplication.name, namespace: namespace, uid: app.endpointsUID,
                                                     resourceVersion: endpointsBefore, created: created, updated: time, endpoints: endpoints),
            responseObject: WorkloadObjects.endpoints(service: ShopWebApplication.name, namespace: namespace, uid: app.endpointsUID,
                                                      resourceVersion: app.endpointsResourceVersion, created: created, updated: time, endpoints: endpoints)
        )
        endpointsUpdate.objectRefFromBody = (ShopWebApplication.name, app.endpointsUID, endpointsBefore)
        context.emit(endpointsUpdate)
    }
}
