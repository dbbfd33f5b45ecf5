import AuditPolicy
import AuditReplay

/// Compares recorded audit events with a trail, one event at a time, keeping only tallies:
/// events inside audit logging gaps, node identities used while no instance held them,
/// requests an access policy authorized, and principals without an access entry.
struct AuditComparison {
    private let trail: TrailAnalysis
    private let cluster: ClusterKey?
    private let gaps: [LoggingGap]
    private let instances: [String: [NodeIdentity]]
    private var gapGroups: [Int: RequestGroup] = [:]
    private var nodeGroups: [NodeSituation: RequestGroup] = [:]
    private var grantGroups: [GrantKey: RequestGroup] = [:]
    private var principalGroups: [String: RequestGroup] = [:]
    private var nodeUsersOutsideTrail: Set<String> = []

    /// When a node identity was used without an instance.
    private struct NodeSituation: Hashable, Comparable {
        var user: String
        var beforeAnyLaunch: Bool
        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.user, lhs.beforeAnyLaunch ? 0 : 1) < (rhs.user, rhs.beforeAnyLaunch ? 0 : 1) }
    }

    /// Requests an access policy authorized, by the principals they came from and the policy.
    private struct GrantKey: Hashable, Comparable {
        var principals: [String]
        var policy: String
        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.principals.first ?? "", lhs.policy) < (rhs.principals.first ?? "", rhs.policy)
        }
    }

    /// Compares with `trail`, on the gaps and access entries of `cluster`.
    init(trail: TrailAnalysis, cluster: ClusterKey?) {
        self.trail = trail
        self.cluster = cluster
        gaps = trail.loggingGaps.filter { $0.cluster == cluster && $0.logType == .audit }
        instances = Dictionary(grouping: trail.nodeIdentities, by: \.user)
    }

    mutating func add(_ request: AuditRequest, at location: String) {
        if let index = gaps.firstIndex(where: { $0.span.contains(request.time) }) {
            gapGroups[index, default: RequestGroup()].add(request, at: location)
        }
        if request.user.hasPrefix("system:node:") { checkNode(request, at: location) }
        guard let cluster, !request.principalArns.isEmpty else { return }
        if let policy = request.accessPolicy {
            grantGroups[GrantKey(principals: request.principalArns, policy: policy), default: RequestGroup()].add(request, at: location)
        }
        if !trail.grants.mentions(cluster, anyOf: request.principalArns) {
            principalGroups[request.principalArns.last!, default: RequestGroup()].add(request, at: location)
        }
    }

    private mutating func checkNode(_ request: AuditRequest, at location: String) {
        guard let lives = instances[request.user] else {
            nodeUsersOutsideTrail.insert(request.user)
            return
        }
        guard !lives.contains(where: { $0.lifetime.contains(request.time) }) else { return }
        let earliest = lives.map(\.launched).min()!
        nodeGroups[NodeSituation(user: request.user, beforeAnyLaunch: request.time < earliest), default: RequestGroup()].add(request, at: location)
    }

    /// The findings and annotations, in a stable order.
    func results() -> (findings: [Finding], accessPolicyRequests: [AccessPolicyRequests], nodeUsersOutsideTrail: Int) {
        var findings: [Finding] = []
        for (index, group) in gapGroups.sorted(by: { $0.key < $1.key }) {
            let gap = gaps[index]
            let end = gap.span.to.map { UTCTime.format(microseconds: $0) } ?? "the end of the trail"
            findings.append(Finding(
                kind: .loggingGapWithEvents, time: group.first, cluster: gap.cluster,
                message: "the recording holds \(group.description) while the trail says audit logging of \(gap.cluster.name) was off",
                evidence: ["audit logging off from \(UTCTime.format(microseconds: gap.span.from)) (by \(gap.disabledBy)) to \(end)" + (gap.enabledBy.map { " (by \($0))" } ?? "")] + group.examples
            ))
        }
        for (situation, group) in nodeGroups.sorted(by: { $0.key < $1.key }) {
            let timeline = (instances[situation.user] ?? []).map { life in
                "instance \(life.instanceId) launched \(UTCTime.format(microseconds: life.launched)), "
                    + (life.terminated.map { "terminated \(UTCTime.format(microseconds: $0))" } ?? "still running at the end of the trail")
            }
            let when = situation.beforeAnyLaunch ? "before any instance with its DNS name was launched" : "while no instance with its DNS name was running"
            findings.append(Finding(
                kind: .nodeIdentityWithoutInstance, time: group.first, cluster: cluster,
                message: "\(situation.user) made \(group.description) \(when): candidates for stolen node credentials",
                evidence: timeline + group.examples
            ))
        }
        var annotated: [AccessPolicyRequests] = []
        if let cluster {
            for (key, group) in grantGroups.sorted(by: { $0.key < $1.key }) {
                let association = trail.grants.association(cluster, principals: key.principals, policy: key.policy, at: group.first)
                let entry = trail.grants.entry(cluster, principals: key.principals, at: group.first)
                annotated.append(AccessPolicyRequests(
                    cluster: cluster, principalArn: association?.principalArn ?? entry?.principal ?? key.principals.last!,
                    policyArn: key.policy, requests: group.count, first: group.first, last: group.last,
                    entry: entry.map { "created \(UTCTime.format(microseconds: $0.span.from)) by \($0.by)" },
                    association: association.map { "made \(UTCTime.format(microseconds: $0.span.from)) by \($0.by), scope \($0.scope)" }
                ))
            }
            for (principal, group) in principalGroups.sorted(by: { $0.key < $1.key }) {
                findings.append(Finding(
                    kind: .principalWithoutAccessEntry, time: group.first, cluster: cluster,
                    message: "\(principal) made \(group.description) but no access entry for it appears in the trail",
                    evidence: group.examples
                ))
            }
        }
        return (findings, annotated, nodeUsersOutsideTrail.count)
    }
}
