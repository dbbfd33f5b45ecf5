/// The traffic a running cluster makes on its own, every minute of the day: heartbeats,
/// leader election, token refreshes, and the watches of every informer.
enum SteadyTraffic {
    /// A source and when it first fires (before the recording starts for sources already
    /// under way, so that the recording opens in the middle of their cycles).
    typealias Scheduled = (source: any TrafficSource, firstFire: CorpusTime)

    static func sources(_ context: CorpusContext, start: CorpusTime) -> [Scheduled] {
        var sources: [Scheduled] = []
        func before(_ span: Int64) -> CorpusTime {
            start + -Int64(context.random.int(in: 0...Int(span)))
        }

        // Kubelets: node lease every 10 s (renewInterval = 25% of nodeLeaseDurationSeconds 40;
        // component-helpers/apimachinery/lease/controller.go `Run`: jitter 0.04), status report every 5 min.
        for (index, node) in context.nodes.enumerated() {
            let lease = LeaseRenewalTraffic.SharedLease(LeaseObjects.LeaseState(
                name: node.name, namespace: "kube-node-lease", uid: node.leaseUID, resourceVersion: node.leaseResourceVersion,
                created: node.created + 2 * CorpusTime.second, holderIdentity: node.name, leaseDurationSeconds: 40,
                acquireTime: nil, renewTime: start, leaseTransitions: nil, manager: "kubelet", managerTime: start,
                owner: ("Node", node.name, node.uid)
            ))
            sources.append((LeaseRenewalTraffic(client: { $0.nodes[index].kubelet }, role: .holder, lease: lease,
                                                interval: 10 * CorpusTime.second, jitter: 0.04, requestTimeout: "10s"),
                            before(10 * CorpusTime.second)))
            sources.append((NodeStatusTraffic(nodeIndex: index), before(NodeStatusTraffic.reportInterval)))
        }

        // Leader election (client-go tools/leaderelection with the component-base defaults of
        // kube-controller-manager and kube-scheduler: lease 15 s, renew deadline 10 s, retry period
        // 2 s). The leader renews with an update every retry period (`renew`: wait.Until); the
        // standby on the other control-plane instance reads the lease every retry period with
        // jitter factor 1.2 (`acquire`: wait.JitterUntil with JitterFactor), so every 2 to 4.4 s.
        for (name, actor) in [("kube-controller-manager", context.controllerManager), ("kube-scheduler", context.scheduler)] {
            let holder = "ip-172-16-\(context.random.int(in: 32...63))-\(context.random.int(in: 10...250)).ec2.internal_\(context.random.uuid())"
            let lease = LeaseRenewalTraffic.SharedLease(LeaseObjects.LeaseState(
                name: name, namespace: "kube-system", uid: context.random.uuid(), resourceVersion: context.nextResourceVersion(),
                created: start + -Int64(40 * 86_400) * CorpusTime.second, holderIdentity: holder, leaseDurationSeconds: 15,
                acquireTime: start + -Int64(6 * 86_400 + 3_217) * CorpusTime.second, renewTime: start, leaseTransitions: 7,
                manager: name, managerTime: start
            ))
            let electionClient = actor.with(userAgent: actor.userAgent + "/leader-election")
            let standbyIP = "172.16.\(context.random.int(in: 64...95)).\(context.random.int(in: 10...250))"
            let standby = CorpusActor(user: actor.user, sourceIP: standbyIP, userAgent: electionClient.userAgent, allowReason: actor.allowReason)
            sources.append((LeaseRenewalTraffic(client: { _ in electionClient }, role: .holder, lease: lease,
                                                interval: 2 * CorpusTime.second, jitter: 0, requestTimeout: "5s"),
                            before(2 * CorpusTime.second)))
            sources.append((LeaseRenewalTraffic(client: { _ in standby }, role: .standby, lease: lease,
                                                interval: 2 * CorpusTime.second, jitter: 1.2, requestTimeout: "5s"),
                            before(2 * CorpusTime.second)))
        }

        // API server identity leases (kubernetes pkg/controlplane/apiserver/server.go:
        // IdentityLeaseDurationSeconds 3600, IdentityLeaseRenewIntervalPeriod 10 s, through the
        // same lease controller as kubelets, jitter 0.04), one per API server instance; EKS runs two.
        for _ in 0..<2 {
            let host = "ip-172-16-\(context.random.int(in: 32...95))-\(context.random.int(in: 10...250)).ec2.internal"
            let identity = "apiserver-" + ClusterBootstrap.uppercaseAlphanumerics(26, random: &context.random).lowercased()
            let lease = LeaseRenewalTraffic.SharedLease(LeaseObjects.LeaseState(
                name: identity, namespace: "kube-system", uid: context.random.uuid(), resourceVersion: context.nextResourceVersion(),
                created: start + -Int64(6 * 86_400) * CorpusTime.second, holderIdentity: identity + "_" + context.random.uuid(),
                leaseDurationSeconds: 3600, acquireTime: nil, renewTime: start, leaseTransitions: nil,
                manager: "kube-apiserver", managerTime: start,
                labels: [("apiserver.kubernetes.io/identity", "kube-apiserver"), ("kubernetes.io/hostname", host)]
            ))
            let apiserver = context.apiserver
            sources.append((LeaseRenewalTraffic(client: { _ in apiserver }, role: .holder, lease: lease,
                                                interval: 10 * CorpusTime.second, jitter: 0.04, requestTimeout: nil),
                            before(10 * CorpusTime.second)))
        }

        // Projected service-account tokens of every pod.
        for index in context.pods.indices {
            sources.append((TokenRequestTraffic(podIndex: index), before(TokenRequestTraffic.refreshInterval)))
        }

        for watch in InformerWatches.all(context) {
            sources.append((watch, before(600 * CorpusTime.second)))
        }
        sources.append((ScannerTraffic(), start + context.random.around(ScannerTraffic.meanInterval)))
        return sources
    }
}
