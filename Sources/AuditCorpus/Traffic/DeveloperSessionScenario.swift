/// A developer with read-only access to namespace shop (the `view` ClusterRole) trying
/// more: listing pods works; listing secrets, listing nodes and deleting a pod are denied.
/// A denial is a 403 whose Status names the user, verb, resource and scope
/// (k8s.io/apiserver responsewriters `ForbiddenStatusError`, apimachinery `NewForbidden`).
enum DeveloperSessionScenario {
    static func script(clients: PeopleAndPipelines) -> (CorpusContext) -> [ScriptedTraffic.Step] {
        { context in
            var script = ScriptBuilder()
            let developer = clients.developer
            let user = developer.user.username
            script.at(0) { context, time in
                let reference = CorpusObjectRef.resource("pods", namespace: "shop")
                context.emit(context.request(developer, "list", reference.path + "?limit=500", objectRef: reference, at: time, latency: 11_000,
                                             responseObject: TableObjects.pods(context.pods.filter { $0.namespace == "shop" && !$0.isDeleted },
                                                                               nodes: context.nodes, now: time,
                                                                               resourceVersion: context.recentResourceVersion())))
            }
            script.at(5) { context, time in
                denied(context, developer, "list", .resource("secrets", namespace: "shop"), query: "?limit=500", at: time,
                       message: "secrets is forbidden: User \"\(user)\" cannot list resource \"secrets\" in API group \"\" in the namespace \"shop\"")
            }
            script.at(12) { context, time in
                denied(context, developer, "list", .resource("nodes"), query: "?limit=500", at: time,
                       message: "nodes is forbidden: User \"\(user)\" cannot list resource \"nodes\" in API group \"\" at the cluster scope")
            }
            script.at(20) { context, time in
                guard let pod = context.pods.first(where: { $0.namespace == "shop" && $0.app == "worker" && !$0.isDeleted }) else { return }
                denied(context, developer, "delete", .resource("pods", namespace: "shop", name: pod.name), query: "", at: time,
                       message: "pods \"\(pod.name)\" is forbidden: User \"\(user)\" cannot delete resource \"pods\" in API group \"\" in the namespace \"shop\"",
                       requestObject: WorkloadObjects.deleteOptions(propagationPolicy: "Background"))
            }
            return script.steps
        }
    }

    private static func denied(_ context: CorpusContext, _ client: CorpusActor, _ verb: String, _ reference: CorpusObjectRef, query: String,
                               at time: CorpusTime, message: String, requestObject: CorpusJSON? = nil) {
        let status = CorpusStatus(code: 403, status: "Failure", message: message, reason: "Forbidden",
                                  details: .object(omittingNil: [("name", reference.name.isEmpty ? nil : .string(reference.name)),
                                                                 ("kind", .string(reference.resource))]))
        context.emit(context.request(client, verb, reference.path + query, objectRef: reference, at: time,
                                     latency: Int64(context.random.int(in: 900...2_400)), status: status,
                                     requestObject: requestObject, responseObject: status.responseObject))
    }
}
