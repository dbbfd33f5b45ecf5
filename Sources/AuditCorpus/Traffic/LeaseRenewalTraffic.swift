/// Periodic lease traffic: kubelets' node heartbeats, leader election of
/// kube-controller-manager and kube-scheduler, and the API servers' identity leases.
final class LeaseRenewalTraffic: TrafficSource {
    /// What the client does each period.
    enum Role {
        /// Holds the lease: updates it (PUT) with a new renewTime.
        case holder
        /// A standby leader-election candidate: reads the lease (GET) to see whether it expired.
        case standby
    }

    private let client: (CorpusContext) -> CorpusActor
    private let role: Role
    private let interval: Int64
    /// Jitter as a fraction of the interval added to each period.
    private let jitter: Double
    private let requestTimeout: String?
    /// Shared by the holder and the standbys of one lease, so that they see the same object.
    private let shared: SharedLease

    /// The lease object as stored, shared by every client of the same lease.
    final class SharedLease {
        var state: LeaseObjects.LeaseState
        init(_ state: LeaseObjects.LeaseState) { self.state = state }
    }

    init(client: @escaping (CorpusContext) -> CorpusActor, role: Role, lease: SharedLease, interval: Int64,
         jitter: Double, requestTimeout: String?) {
        self.client = client
        self.role = role
        self.shared = lease
        self.interval = interval
        self.jitter = jitter
        self.requestTimeout = requestTimeout
    }

    func fire(at time: CorpusTime, in context: CorpusContext) -> CorpusTime? {
        let actor = client(context)
        let current = shared.state
        let objectRef = CorpusObjectRef.resource("leases", namespace: current.namespace, name: current.name, group: "coordination.k8s.io")
        let uri = objectRef.path + (requestTimeout.map { "?timeout=\($0)" } ?? "")
        let latency = Int64(context.random.int(in: 1_800...7_500))
        switch role {
        case .holder:
            var sent = current
            sent.renewTime = time + Int64(context.random.int(in: 40...400))
            var stored = sent
            stored.resourceVersion = context.nextResourceVersion()
            stored.managerTime = time
            var request = context.request(actor, "update", uri, objectRef: objectRef, at: time, latency: latency,
                                          requestObject: LeaseObjects.lease(sent), responseObject: LeaseObjects.lease(stored))
            request.objectRefFromBody = (sent.name, sent.uid, sent.resourceVersion)
            context.emit(request)
            shared.state = stored
        case .standby:
            context.emit(context.request(actor, "get", uri, objectRef: objectRef, at: time, latency: latency / 2,
                                         responseObject: LeaseObjects.lease(current)))
        }
        let spread = Int64(Double(interval) * jitter)
        return time + interval + (spread > 0 ? Int64(context.random.int(in: 0...Int(spread))) : 0)
    }
}
