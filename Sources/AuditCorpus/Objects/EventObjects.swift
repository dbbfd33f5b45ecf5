/// Kubernetes Events as components record them: the kubelet and the controllers through
/// the core v1 API (client-go tools/record), the scheduler through events.k8s.io/v1
/// (client-go tools/events).
enum EventObjects {
    /// A core v1 Event about `object`, as `create events` sends it.
    static func coreEvent(name: String, namespace: String, involved: (kind: String, name: String, uid: String, apiVersion: String, resourceVersion: String, fieldPath: String?),
                          reason: String, message: String, component: String, host: String?, time: CorpusTime,
                          uid: String? = nil, resourceVersion: String? = nil) -> CorpusJSON {
        [
            "kind": "Event",
            "apiVersion": "v1",
            "metadata": ObjectMetadata.metadata(name: name, namespace: namespace, uid: uid, resourceVersion: resourceVersion,
                                                created: uid == nil ? nil : time),
            "involvedObject": .object(omittingNil: [
                ("kind", .string(involved.kind)), ("namespace", .string(namespace)), ("name", .string(involved.name)),
                ("uid", .string(involved.uid)), ("apiVersion", .string(involved.apiVersion)),
                ("resourceVersion", .string(involved.resourceVersion)), ("fieldPath", involved.fieldPath.map(CorpusJSON.string)),
            ]),
            "reason": .string(reason),
            "message": .string(message),
            "source": .object(omittingNil: [("component", .string(component)), ("host", host.map(CorpusJSON.string))]),
            "firstTimestamp": .string(time.timeText),
            "lastTimestamp": .string(time.timeText),
            "count": 1,
            "type": "Normal",
            "eventTime": .null,
            "reportingComponent": .string(component),
            "reportingInstance": .string(host ?? ""),
        ]
    }

    /// An events.k8s.io/v1 Event, as the scheduler records `Scheduled`.
    static func schedulerEvent(name: String, pod: CorpusPod, node: CorpusNode, time: CorpusTime, instance: String,
                               uid: String? = nil, resourceVersion: String? = nil) -> CorpusJSON {
        [
            "kind": "Event",
            "apiVersion": "events.k8s.io/v1",
            "metadata": ObjectMetadata.metadata(name: name, namespace: pod.namespace, uid: uid, resourceVersion: resourceVersion,
                                                created: uid == nil ? nil : time),
            "eventTime": .string(time.microTimeText),
            "reportingController": "default-scheduler",
            "reportingInstance": .string(instance),
            "action": "Binding",
            "reason": "Scheduled",
            "regarding": ["kind": "Pod", "namespace": .string(pod.namespace), "name": .string(pod.name), "uid": .string(pod.uid),
                          "apiVersion": "v1", "resourceVersion": .string(pod.resourceVersion)],
            "note": .string("Successfully assigned \(pod.namespace)/\(pod.name) to \(node.name)"),
            "type": "Normal",
            "deprecatedSource": .object([]),
            "deprecatedFirstTimestamp": .null,
            "deprecatedLastTimestamp": .null,
        ]
    }
}
