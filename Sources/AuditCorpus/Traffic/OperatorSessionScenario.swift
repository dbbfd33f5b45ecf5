import AuditPolicy

/// A platform engineer's kubectl session: listing pods, reading logs, exec into a pod
/// (interactive, then a one-off command), reading secrets, editing the aws-auth ConfigMap,
/// RBAC changes (a RoleBinding, a new ClusterRole via client-side apply after a 404),
/// checking a developer's view through impersonation, then installing monitoring: a
/// ConfigMap of Grafana dashboards over 256 KiB in its audit event, and the Prometheus
/// CRD by server-side apply, over 1 MB.
enum OperatorSessionScenario {
    /// Panels per Grafana dashboard: sized so that the ConfigMap create's
    /// ResponseComplete event is about 300 KiB.
    static let dashboardPanels = 11
    /// Sentences per CRD property description: sized so that the CRD apply's
    /// ResponseComplete event is just over 1 MB.
    static let descriptionSentences = 6

    static func script(clients: PeopleAndPipelines, awsAuth: AWSAuthState) -> (CorpusContext) -> [ScriptedTraffic.Step] {
        { context in
            var script = ScriptBuilder()
            let admin = clients.platformAdmin
            let shopPods = { (context: CorpusContext) in
                context.pods.filter { $0.namespace == "shop" && !$0.isDeleted }
            }
            func listPods(_ context: CorpusContext, _ client: CorpusActor, at time: CorpusTime, impersonating: CorpusUser? = nil,
                          reason: String? = nil) {
                let reference = CorpusObjectRef.resource("pods", namespace: "shop")
                var request = context.request(client, "list", reference.path + "?limit=500", objectRef: reference, at: time,
                                              latency: Int64(context.random.int(in: 9_000...16_000)),
                                              responseObject: TableObjects.pods(shopPods(context), nodes: context.nodes, now: time,
                                                                                resourceVersion: context.recentResourceVersion()))
                if let impersonating, let reason {
                    request.impersonatedUser = impersonating
                    request.annotations = EKSClusterProfile.allowed(reason)
                }
                context.emit(request)
            }
            func getPod(_ context: CorpusContext, _ pod: CorpusPod, at time: CorpusTime) {
                let reference = CorpusObjectRef.resource("pods", namespace: pod.namespace, name: pod.name)
                context.emit(context.request(admin, "get", reference.path, objectRef: reference, at: time, latency: 3_400,
                                             responseObject: PodObjects.pod(pod, node: context.nodes[pod.nodeIndex],
                                                                            phase: .running(scheduledAt: pod.created, startedAt: pod.created + 3 * CorpusTime.second, ready: true))))
            }
            /// A streaming subresource (log, exec): long-running, no response body.
            func stream(_ context: CorpusContext, _ pod: CorpusPod, subresource: String, query: [(String, String)], code: Int,
                        at time: CorpusTime, duration: Int64) {
                let reference = CorpusObjectRef.resource("pods", namespace: pod.namespace, name: pod.name, subresource: subresource)
                var request = context.request(admin, "get", reference.path + "?" + QueryEncoding.encode(query), objectRef: reference,
                                              at: time, latency: duration, status: .success(code))
                request.shape = .longRunning
                request.responseStarted = time + Int64(context.random.int(in: 20_000...60_000))
                context.emit(request)
            }

            script.at(0) { context, time in listPods(context, admin, at: time) }
            script.at(6) { context, time in
                guard let pod = shopPods(context).first(where: { $0.app == "web" }) else { return }
                getPod(context, pod, at: time)
                stream(context, pod, subresource: "log", query: [("container", "web"), ("tailLines", "50")], code: 200,
                       at: time + 15_000, duration: 240_000)
            }
            script.at(15) { context, time in
                guard let pod = shopPods(context).first(where: { $0.app == "web" }) else { return }
                getPod(context, pod, at: time)
                // kubectl exec -it (WebSocket: a GET upgraded with 101 Switching Protocols).
                stream(context, pod, subresource: "exec",
                       query: [("command", "/bin/sh"), ("container", "web"), ("stdin", "true"), ("stdout", "true"), ("tty", "true")],
                       code: 101, at: time + 14_000, duration: 61 * CorpusTime.second)
            }
            script.at(80) { context, time in
                guard let pod = shopPods(context).first(where: { $0.app == "api" }) else { return }
                getPod(context, pod, at: time)
                stream(context, pod, subresource: "exec",
                       query: [("command", "sh"), ("command", "-c"), ("command", "cat /etc/resolv.conf && env | grep -i db_"),
                               ("container", "api"), ("stderr", "true"), ("stdout", "true")],
                       code: 101, at: time + 12_000, duration: 380_000)
            }
            script.at(90) { context, time in
                let secrets = CorpusObjectRef.resource("secrets", namespace: "shop")
                let created = time + -Int64(90 * 86_400) * CorpusTime.second
                let names = [("api-tls", "kubernetes.io/tls", 2), ("db-credentials", "Opaque", 3), ("stripe-webhook", "Opaque", 1)]
                context.emit(context.request(admin, "list", secrets.path + "?limit=500", objectRef: secrets, at: time, latency: 6_300,
                                             responseObject: TableObjects.table(columns: TableObjects.secretColumns,
                                                                                resourceVersion: context.recentResourceVersion(),
                                                                                rows: names.map { name, type, count in
                    ([.string(name), .string(type), .int(Int64(count)), .string(TableObjects.age(from: created, to: time))],
                     ObjectMetadata.metadata(name: name, namespace: "shop", uid: context.random.uuid(), resourceVersion: context.recentResourceVersion(),
                                             created: created))
                })))
                let secret = CorpusObjectRef.resource("secrets", namespace: "shop", name: "db-credentials")
                context.emit(context.request(admin, "get", secret.path, objectRef: secret, at: time + 7_400_000, latency: 3_100,
                                             responseObject: AccessObjects.secret(
                                                name: "db-credentials", namespace: "shop", uid: context.random.uuid(),
                                                resourceVersion: context.recentResourceVersion(), created: created,
                                                data: [("DB_HOST", "shop-db.cluster-example.us-east-1.rds.amazonaws.com"),
                                                       ("DB_PASSWORD", "example-not-a-real-password"), ("DB_USER", "shop_rw")])))
            }
            // kubectl edit configmap aws-auth -n kube-system: a GET, the editor, a strategic-merge PATCH.
            script.at(100) { context, time in
                let reference = CorpusObjectRef.resource("configmaps", namespace: "kube-system", name: "aws-auth")
                context.emit(context.request(admin, "get", reference.path, objectRef: reference, at: time, latency: 2_800,
                                             responseObject: awsAuth.object(at: time)))
            }
            script.at(135) { context, time in
                let reference = CorpusObjectRef.resource("configmaps", namespace: "kube-system", name: "aws-auth")
                awsAuth.extraMappings.append((role: "data-analyst-\(awsAuth.extraMappings.count + 1)", username: "{{SessionName}}", group: "data-readers"))
                awsAuth.resourceVersion = context.nextResourceVersion()
                awsAuth.updated = time
                context.emit(context.request(admin, "patch", reference.path + "?fieldManager=kubectl-edit&fieldValidation=Strict",
                                             objectRef: reference, at: time, latency: 7_200,
                                             requestObject: ["data": ["mapRoles": .string(awsAuth.mapRoles)]],
                                             responseObject: awsAuth.object(at: time)))
            }
            // kubectl create rolebinding bob-edit --clusterrole=edit --user=bob@example.com -n shop
            script.at(150) { context, time in
                let bindings = CorpusObjectRef.resource("rolebindings", namespace: "shop", group: "rbac.authorization.k8s.io")
                let name = "bob-edit-\(context.random.hex(4))"
                var request = context.request(
                    admin, "create", bindings.path + "?fieldManager=kubectl-create&fieldValidation=Strict", objectRef: bindings, at: time,
                    latency: 5_600, status: .success(201),
                    requestObject: AccessObjects.roleBinding(name: name, namespace: "shop", uid: nil, resourceVersion: nil, created: nil,
                                                             clusterRole: "edit", user: "bob@example.com", manager: nil),
                    responseObject: AccessObjects.roleBinding(name: name, namespace: "shop", uid: context.random.uuid(),
                                                              resourceVersion: context.nextResourceVersion(), created: time,
                                                              clusterRole: "edit", user: "bob@example.com", manager: "kubectl-create")
                )
                request.objectRefFromBody = (name, "", "")
                context.emit(request)
            }
            // kubectl apply -f pod-debugger.yaml: not found, so created with its last-applied annotation.
            script.at(158) { context, time in
                let name = "pod-debugger-\(context.random.hex(4))"
                let reference = CorpusObjectRef.resource("clusterroles", name: name, group: "rbac.authorization.k8s.io")
                let notFound = CorpusStatus(code: 404, status: "Failure",
                                            message: "clusterroles.rbac.authorization.k8s.io \"\(name)\" not found", reason: "NotFound",
                                            details: ["name": .string(name), "group": "rbac.authorization.k8s.io", "kind": "clusterroles"])
                context.emit(context.request(admin, "get", reference.path, objectRef: reference, at: time, latency: 2_500, status: notFound,
                                             responseObject: notFound.responseObject))
                let manifest: CorpusJSON = [
                    "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                    "metadata": ["annotations": .object([]), "name": .string(name)],
                    "rules": [["apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["get", "list", "watch"]],
                              ["apiGroups": [""], "resources": ["pods/exec", "pods/portforward"], "verbs": ["create"]]],
                ]
                let lastApplied = String(decoding: manifest.encoded, as: UTF8.self) + "\n"
                var collection = reference
                collection.name = ""
                var create = context.request(
                    admin, "create", collection.path + "?fieldManager=kubectl-client-side-apply&fieldValidation=Strict", objectRef: collection,
                    at: time + 31_000, latency: 6_400, status: .success(201),
                    requestObject: AccessObjects.clusterRole(name: name, uid: nil, resourceVersion: nil, created: nil, lastApplied: lastApplied, manager: nil),
                    responseObject: AccessObjects.clusterRole(name: name, uid: context.random.uuid(), resourceVersion: context.nextResourceVersion(),
                                                              created: time + 31_000, lastApplied: lastApplied, manager: "kubectl-client-side-apply")
                )
                create.objectRefFromBody = (name, "", "")
                context.emit(create)
            }
            // kubectl get pods -n shop --as bob@example.com --as-group developers
            script.at(170) { context, time in
                listPods(context, admin, at: time, impersonating: clients.impersonatedDeveloper, reason: clients.developerViewReason)
            }
            // kubectl create configmap grafana-dashboards -n monitoring --from-file=dashboards/
            script.at(180) { context, time in
                let configMaps = CorpusObjectRef.resource("configmaps", namespace: "monitoring")
                let files = GrafanaDashboards.files(panelsPerDashboard: dashboardPanels)
                let name = "grafana-dashboards-\(context.random.hex(4))"
                var request = context.request(
                    admin, "create", configMaps.path + "?fieldManager=kubectl-create&fieldValidation=Strict", objectRef: configMaps, at: time,
                    latency: Int64(context.random.int(in: 38_000...52_000)), status: .success(201),
                    requestObject: WorkloadObjects.configMap(name: name, namespace: "monitoring", uid: nil, resourceVersion: nil, created: nil, data: files),
                    responseObject: WorkloadObjects.configMap(
                        name: name, namespace: "monitoring", uid: context.random.uuid(), resourceVersion: context.nextResourceVersion(),
                        created: time, data: files,
                        managedFields: [ObjectMetadata.managedField(manager: "kubectl-create", apiVersion: "v1", time: time,
                                                                    fields: ["f:data": ObjectMetadata.fieldSet(files.map(\.0))])]
                    )
                )
                request.objectRefFromBody = (name, "", "")
                context.emit(request)
            }
            // kubectl apply --server-side -f prometheus-operator/crds/prometheuses.yaml
            script.at(195) { context, time in
                let reference = CorpusObjectRef.resource("customresourcedefinitions", name: PrometheusCRD.name, group: "apiextensions.k8s.io")
                let latency = Int64(context.random.int(in: 610_000...890_000))
                context.emit(context.request(
                    admin, "patch", reference.path + "?fieldManager=kubectl&fieldValidation=Strict&force=false", objectRef: reference,
                    at: time, latency: latency, status: .success(201),
                    requestObject: PrometheusCRD.applyPatch(sentences: descriptionSentences),
                    responseObject: PrometheusCRD.created(uid: context.random.uuid(), resourceVersion: context.nextResourceVersion(),
                                                          at: time, sentences: descriptionSentences),
                    // Requests over 500 ms carry the time spent in each layer (filters/audit.go `writeLatencyToAnnotation`).
                    annotations: latencyAnnotations(total: latency, random: &context.random)
                ))
            }
            return script.steps
        }
    }

    /// `apiserver.latency.k8s.io/*` annotations for a slow request.
    static func latencyAnnotations(total: Int64, random: inout SplitMix64) -> [(String, String)] {
        let etcd = total * Int64(random.int(in: 18...30)) / 100
        let admission = total * Int64(random.int(in: 5...12)) / 100
        return [
            ("apiserver.latency.k8s.io/apf-queue-wait", GoDuration.microseconds(Int64(random.int(in: 20...90)))),
            ("apiserver.latency.k8s.io/decode-response-object", GoDuration.microseconds(Int64(random.int(in: 9_000...30_000)))),
            ("apiserver.latency.k8s.io/etcd", GoDuration.microseconds(etcd)),
            ("apiserver.latency.k8s.io/mutating-admission", GoDuration.microseconds(admission)),
            ("apiserver.latency.k8s.io/response-write", GoDuration.microseconds(Int64(random.int(in: 2_000...9_000)))),
            ("apiserver.latency.k8s.io/serialize-response-object", GoDuration.microseconds(Int64(random.int(in: 40_000...90_000)))),
            ("apiserver.latency.k8s.io/total", GoDuration.microseconds(total)),
            ("apiserver.latency.k8s.io/transform-response-object", GoDuration.microseconds(Int64(random.int(in: 1...9)))),
            ("apiserver.latency.k8s.io/validating-admission", GoDuration.microseconds(Int64(random.int(in: 300...2_000)))),
        ]
    }
}
