/// The access entries and access policy associations of each cluster over time, as the
/// trail's EKS calls made and removed them, for matching requests to what authorized them.
public struct AccessGrants: Sendable {
    /// An access policy associated with a principal's access entry, and when.
    public struct Association: Sendable, Hashable {
        public var principalArn: String
        public var policyArn: String
        public var scope: String
        public var span: TimeSpan
        public var by: String
    }

    /// Each cluster's access entries: principal ARN to the spans they existed and who created them.
    private(set) var entries: [ClusterKey: [String: [(span: TimeSpan, by: String)]]] = [:]
    private(set) var associations: [ClusterKey: [Association]] = [:]
    /// Every principal an access entry call named, per cluster.
    private(set) var principals: [ClusterKey: Set<String>] = [:]

    mutating func createEntry(_ cluster: ClusterKey, principal: String, at time: Int64, by actor: String) {
        principals[cluster, default: []].insert(principal)
        var spans = entries[cluster, default: [:]][principal, default: []]
        if let last = spans.last, last.span.to == nil { return }
        spans.append((TimeSpan(from: time, to: nil), actor))
        entries[cluster, default: [:]][principal] = spans
    }

    mutating func mention(_ cluster: ClusterKey, principal: String) {
        principals[cluster, default: []].insert(principal)
    }

    /// Deleting an entry also ends its policy associations.
    mutating func deleteEntry(_ cluster: ClusterKey, principal: String, at time: Int64) {
        principals[cluster, default: []].insert(principal)
        if var spans = entries[cluster]?[principal], let last = spans.indices.last, spans[last].span.to == nil {
            spans[last].span.to = time
            entries[cluster, default: [:]][principal] = spans
        }
        for index in associations[cluster, default: []].indices
        where associations[cluster]![index].principalArn == principal && associations[cluster]![index].span.to == nil {
            associations[cluster]![index].span.to = time
        }
    }

    mutating func associate(_ cluster: ClusterKey, principal: String, policy: String, scope: String, at time: Int64, by actor: String) {
        principals[cluster, default: []].insert(principal)
        disassociate(cluster, principal: principal, policy: policy, at: time)
        associations[cluster, default: []].append(Association(principalArn: principal, policyArn: policy, scope: scope, span: TimeSpan(from: time, to: nil), by: actor))
    }

    mutating func disassociate(_ cluster: ClusterKey, principal: String, policy: String, at time: Int64) {
        principals[cluster, default: []].insert(principal)
        for index in associations[cluster, default: []].indices {
            let association = associations[cluster]![index]
            if association.principalArn == principal, association.policyArn == policy, association.span.to == nil {
                associations[cluster]![index].span.to = time
            }
        }
    }

    /// The association of `policy` with one of `principals` in force at `time`.
    public func association(_ cluster: ClusterKey, principals candidates: [String], policy: String, at time: Int64) -> Association? {
        associations[cluster]?.last { candidates.contains($0.principalArn) && $0.policyArn == policy && $0.span.contains(time) }
    }

    /// The access entry of one of `principals` in force at `time`: its principal, and when and by whom it was created.
    public func entry(_ cluster: ClusterKey, principals candidates: [String], at time: Int64) -> (principal: String, span: TimeSpan, by: String)? {
        for principal in candidates {
            if let found = entries[cluster]?[principal]?.last(where: { $0.span.contains(time) }) {
                return (principal, found.span, found.by)
            }
        }
        return nil
    }

    /// Whether any access entry call of the trail names one of `principals`.
    public func mentions(_ cluster: ClusterKey, anyOf candidates: [String]) -> Bool {
        guard let known = principals[cluster] else { return false }
        return candidates.contains { known.contains($0) }
    }
}
