/// High-volume traffic that no detection on the security checklist reads, which a policy may
/// stop logging (level None) for the identities that produce it.
///
/// Data, not code: each entry names the requests and why they are routine. A suggestion built
/// from an entry is still checked against the checklist before it is offered.
public struct RoutineTraffic: Sendable, Hashable {
    /// A stable identifier.
    public var id: String
    /// What the traffic is, in a few words.
    public var title: String
    /// The API group and resource of the requests.
    public var group: String
    public var resource: String
    /// The verbs of the routine requests.
    public var verbs: [String]
    /// Why no detection needs them.
    public var rationale: String

    public init(id: String, title: String, group: String, resource: String, verbs: [String], rationale: String) {
        self.id = id
        self.title = title
        self.group = group
        self.resource = resource
        self.verbs = verbs
        self.rationale = rationale
    }

    /// The built-in entries.
    public static let builtIn: [RoutineTraffic] = [
        RoutineTraffic(
            id: "lease-renewals",
            title: "lease renewals",
            group: "coordination.k8s.io",
            resource: "leases",
            verbs: ["get", "update"],
            rationale: "every kubelet renews its node lease in kube-node-lease every 10 seconds (NodeLease heartbeat, "
                + "kubelet's nodeLeaseRenewIntervalFraction of the 40 s lease), and each leader-elected controller renews "
                + "its lease every 2 seconds (client-go leaderelection RetryPeriod); no checklist row reads them"
        ),
    ]
}
