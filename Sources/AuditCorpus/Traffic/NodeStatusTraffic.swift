/// A kubelet's periodic node status report: a strategic merge patch of `nodes/status`
/// every `nodeStatusReportFrequency` (5 minutes by default) when nothing changed, checked
/// every `nodeStatusUpdateFrequency` (10 s); the first attempt reads the node from the
/// kubelet's informer, so no GET reaches the API server (pkg/kubelet/kubelet_node_status.go
/// `tryUpdateNodeStatus`).
final class NodeStatusTraffic: TrafficSource {
    private let nodeIndex: Int
    static let reportInterval: Int64 = 300 * CorpusTime.second
    static let checkInterval: Int64 = 10 * CorpusTime.second

    init(nodeIndex: Int) {
        self.nodeIndex = nodeIndex
    }

    func fire(at time: CorpusTime, in context: CorpusContext) -> CorpusTime? {
        let node = context.nodes[nodeIndex]
        node.resourceVersion = context.nextResourceVersion()
        let objectRef = CorpusObjectRef.resource("nodes", name: node.name, subresource: "status")
        context.emit(context.request(
            node.kubelet, "patch", objectRef.path + "?timeout=10s", objectRef: objectRef, at: time,
            latency: Int64(context.random.int(in: 4_000...14_000)),
            requestObject: NodeObjects.statusPatch(heartbeat: time),
            responseObject: NodeObjects.node(node, heartbeat: time, managedTime: time)
        ))
        // The next check after the report interval has passed, on the 10 s check grid.
        return time + (Self.reportInterval + Self.checkInterval - Int64(context.random.int(in: 0...2_000)))
    }
}
