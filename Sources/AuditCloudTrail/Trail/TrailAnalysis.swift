import AuditPolicy
import AuditReplay
import Foundation

/// What the EKS and EC2 calls of a trail tell, built from its events in time order.
public struct TrailAnalysis: Sendable {
    public private(set) var clusters: [ClusterHistory] = []
    public private(set) var loggingGaps: [LoggingGap] = []
    public private(set) var accessChanges: [AccessChange] = []
    public private(set) var nodeIdentities: [NodeIdentity] = []
    /// Findings from the trail alone: exposed instance metadata, admin access granted.
    public private(set) var findings: [Finding] = []
    public private(set) var grants = AccessGrants()
    /// EKS and EC2 calls that failed (`errorCode`) and so changed nothing.
    public private(set) var failedCalls = 0

    private var timelines: [ClusterKey: ClusterTimeline] = [:]
    private var instanceIndex: [String: Int] = [:]

    /// The EKS calls that change what the analysis follows.
    static let eksActions: Set<String> = [
        "CreateCluster", "UpdateClusterConfig", "DeleteCluster", "UpdateClusterVersion",
        "CreateAccessEntry", "UpdateAccessEntry", "DeleteAccessEntry", "AssociateAccessPolicy", "DisassociateAccessPolicy",
        "AssociateIdentityProviderConfig", "DisassociateIdentityProviderConfig",
    ]
    /// The EC2 calls that change what the analysis follows.
    static let ec2Actions: Set<String> = ["RunInstances", "TerminateInstances", "ModifyInstanceMetadataOptions"]

    static let eksSource = "eks.amazonaws.com"
    static let ec2Source = "ec2.amazonaws.com"

    /// Whether the analysis reads `event` (the other events of these services are read and ignored).
    static func follows(_ event: CloudTrailEvent) -> Bool {
        (event.source == eksSource && eksActions.contains(event.name)) || (event.source == ec2Source && ec2Actions.contains(event.name))
    }

    /// The analysis of `events`, which must be in time order (ties in input order).
    init(events: [CloudTrailEvent]) {
        for event in events {
            guard event.errorCode == nil else {
                failedCalls += 1
                continue
            }
            if event.source == Self.eksSource { apply(eks: event) } else { apply(ec2: event) }
        }
        for key in timelines.keys.sorted() {
            var timeline = timelines[key]!
            timeline.finish()
            clusters.append(timeline.history)
            loggingGaps += timeline.gaps
        }
        loggingGaps.sort { ($0.span.from, $0.cluster) < ($1.span.from, $1.cluster) }
        nodeIdentities.sort { ($0.user, $0.launched, $0.instanceId) < ($1.user, $1.launched, $1.instanceId) }
        timelines = [:]
        instanceIndex = [:]
    }

    // MARK: EKS

    private mutating func apply(eks event: CloudTrailEvent) {
        guard let name = event.clusterName else { return }
        let key = ClusterKey(name: name, region: event.region, account: event.account)
        var timeline = timelines[key] ?? ClusterTimeline(key: key)
        defer { timelines[key] = timeline }
        let request = event.request
        switch event.name {
        case "CreateCluster":
            var enabled: Set<LogType> = []
            for setting in Self.loggingSettings(request) {
                for type in setting.types { if setting.enabled { enabled.insert(type) } else { enabled.remove(type) } }
            }
            let version = event.response.members("cluster")?.string("version") ?? request.string("version")
            timeline.create(at: event.time, by: event.actor, enabled: enabled, version: version)
            if let mode = request.members("accessConfig")?.string("authenticationMode") {
                record(key, event, principal: nil, policy: nil, scope: "authenticationMode: " + mode)
            }
        case "UpdateClusterConfig":
            timeline.setLogging(Self.loggingSettings(request), at: event.time, by: event.actor)
            if let mode = request.members("accessConfig")?.string("authenticationMode") {
                record(key, event, principal: nil, policy: nil, scope: "authenticationMode: " + mode)
            }
        case "DeleteCluster":
            timeline.delete(at: event.time, by: event.actor)
        case "UpdateClusterVersion":
            if let version = request.string("version") { timeline.setVersion(version, at: event.time) }
        case "CreateAccessEntry", "UpdateAccessEntry", "DeleteAccessEntry":
            applyAccessEntry(key, event)
        case "AssociateAccessPolicy", "DisassociateAccessPolicy":
            applyAccessPolicy(key, event)
        default:
            // Associate/DisassociateIdentityProviderConfig.
            let oidc = request.members("oidc")
            let configuration = request.members("identityProviderConfig")
            let described = [
                oidc?.string("identityProviderConfigName") ?? configuration?.string("name"),
                oidc?.string("issuerUrl"), configuration?.string("type"),
            ].compactMap { $0 }
            record(key, event, principal: nil, policy: nil, scope: described.isEmpty ? nil : "identity provider: " + described.joined(separator: " "))
        }
    }

    private mutating func applyAccessEntry(_ key: ClusterKey, _ event: CloudTrailEvent) {
        guard let principal = event.request.string("principalArn") else { return }
        let groups = event.request.strings("kubernetesGroups")
        switch event.name {
        case "CreateAccessEntry": grants.createEntry(key, principal: principal, at: event.time, by: event.actor)
        case "DeleteAccessEntry": grants.deleteEntry(key, principal: principal, at: event.time)
        default: grants.mention(key, principal: principal)
        }
        let flag: AccessChange.Flag? = groups.contains("system:masters") ? .systemMasters : nil
        record(key, event, principal: principal, policy: nil, scope: groups.isEmpty ? nil : "groups: " + groups.joined(separator: ", "), flag: flag)
    }

    private mutating func applyAccessPolicy(_ key: ClusterKey, _ event: CloudTrailEvent) {
        guard let principal = event.request.string("principalArn"), let policy = event.request.string("policyArn") else { return }
        guard event.name == "AssociateAccessPolicy" else {
            grants.disassociate(key, principal: principal, policy: policy, at: event.time)
            record(key, event, principal: principal, policy: policy, scope: nil)
            return
        }
        let accessScope = event.request.members("accessScope")
        let namespaces = accessScope?.strings("namespaces") ?? []
        let clusterWide = accessScope?.string("type")?.lowercased() != "namespace"
        let scope = clusterWide ? "cluster" : "namespaces: " + namespaces.joined(separator: ", ")
        grants.associate(key, principal: principal, policy: policy, scope: scope, at: event.time, by: event.actor)
        record(key, event, principal: principal, policy: policy, scope: scope, flag: Self.isAdminGrant(policy: policy, clusterWide: clusterWide) ? .adminAccess : nil)
    }

    /// Whether associating `policy` grants administrator rights over the whole cluster:
    /// `AmazonEKSClusterAdminPolicy` whatever its scope (it is cluster-admin), or any other
    /// admin policy (`AmazonEKSAdminPolicy`, a policy whose name says Admin) with cluster scope.
    static func isAdminGrant(policy: String, clusterWide: Bool) -> Bool {
        let name = policy.split(separator: "/").last.map(String.init) ?? policy
        if name == "AmazonEKSClusterAdminPolicy" { return true }
        return clusterWide && name.range(of: "admin", options: .caseInsensitive) != nil
    }

    private mutating func record(_ key: ClusterKey, _ event: CloudTrailEvent, principal: String?, policy: String?, scope: String?, flag: AccessChange.Flag? = nil) {
        let change = AccessChange(cluster: key, time: event.time, action: event.name, principalArn: principal, policyArn: policy, scope: scope, by: event.actor, flag: flag)
        accessChanges.append(change)
        guard let flag else { return }
        let what = flag == .adminAccess ? "the cluster-wide admin policy \(policy ?? "")" : "an access entry in system:masters"
        findings.append(Finding(
            kind: .adminAccessGranted, time: event.time, cluster: key,
            message: "\(event.actor) granted \(principal ?? "a principal") \(what) on cluster \(key.name)",
            evidence: ["\(event.name) \(principal ?? "") \(policy ?? "") scope \(scope ?? "-") by \(event.actor)"]
        ))
    }

    /// The `{types, enabled}` settings of a request's `logging.clusterLogging`, in order (unknown types left out).
    private static func loggingSettings(_ request: JSONMembers) -> [(types: [LogType], enabled: Bool)] {
        (request.members("logging")?.objects("clusterLogging") ?? []).compactMap { setting in
            guard let enabled = setting.bool("enabled") else { return nil }
            return (setting.strings("types").compactMap(LogType.init(rawValue:)), enabled)
        }
    }

    // MARK: EC2

    private mutating func apply(ec2 event: CloudTrailEvent) {
        switch event.name {
        case "RunInstances":
            for item in event.response.members("instancesSet")?.objects("items") ?? [] {
                guard let id = item.string("instanceId"), let dns = item.string("privateDnsName"), !dns.isEmpty else { continue }
                let launched = Self.launchTime(item) ?? event.time
                instanceIndex[id] = nodeIdentities.count
                nodeIdentities.append(NodeIdentity(user: NodeIdentity.userName(privateDNSName: dns), instanceId: id, region: event.region, launched: launched))
            }
        case "TerminateInstances":
            let items = (event.request.members("instancesSet")?.objects("items") ?? []) + (event.response.members("instancesSet")?.objects("items") ?? [])
            for id in Set(items.compactMap { $0.string("instanceId") }) {
                if let index = instanceIndex[id], nodeIdentities[index].terminated == nil { nodeIdentities[index].terminated = event.time }
            }
        default:
            applyMetadataOptions(event)
        }
    }

    /// `launchTime` of a RunInstances item: milliseconds since the epoch, or an RFC 3339 time.
    private static func launchTime(_ item: JSONMembers) -> Int64? {
        if let milliseconds = item.integer("launchTime") {
            let (value, overflow) = Int64(milliseconds).multipliedReportingOverflow(by: 1_000)
            return overflow ? nil : value
        }
        return item.string("launchTime").flatMap { UTCTime.microseconds(parsing: $0) }
    }

    /// `ModifyInstanceMetadataOptions`: a response hop limit above 1 lets a pod's packets reach
    /// the metadata service through the node, and `HttpTokens: optional` allows IMDSv1
    /// (requests without a session token): either hands pods the node role's credentials.
    private mutating func applyMetadataOptions(_ event: CloudTrailEvent) {
        let options = event.request.members("ModifyInstanceMetadataOptionsRequest") ?? event.request
        let instance = options.string("InstanceId") ?? "an instance"
        var reasons: [String] = []
        if let hops = options.integer("HttpPutResponseHopLimit"), hops > 1 { reasons.append("hop limit \(hops)") }
        if options.string("HttpTokens")?.lowercased() == "optional" { reasons.append("HttpTokens optional (IMDSv1 allowed)") }
        guard !reasons.isEmpty else { return }
        let node = instanceIndex[instance].map { " (\(nodeIdentities[$0].user))" } ?? ""
        findings.append(Finding(
            kind: .imdsExposed, time: event.time, cluster: nil,
            message: "\(event.actor) opened the metadata service of \(instance)\(node) to pods: \(reasons.joined(separator: ", "))",
            evidence: ["ModifyInstanceMetadataOptions \(instance) in \(event.region) by \(event.actor)"]
        ))
    }
}
