import AuditPolicy

/// The whole map of a policy, and how it serves the security checklist and the Logs Insights
/// queries: for each, the classes of requests that are not logged well enough, with the rule
/// responsible and what they get against what they need.
public struct CoverageReport: Sendable {
    /// One checklist row and its result.
    public struct ItemResult: Sendable {
        public let item: ChecklistItem
        public let result: ExpectationResult
        /// Whether every shortfall depends on authorization the policy cannot see (see
        /// ``AuthorizationDependence``): reported as advisory, not as a gap.
        public let isAdvisory: Bool
    }

    /// One query and its result.
    public struct QueryResult: Sendable {
        public let query: LogsInsightsQuery
        public let result: ExpectationResult
    }

    public let map: PolicyMap
    public let checklist: [ItemResult]
    public let queries: [QueryResult]

    public init(policy: CompiledPolicy, checklist: SecurityChecklist = .builtIn, queries: [LogsInsightsQuery] = LogsInsightsQuery.builtIn) {
        let space = RequestSpace(policies: [policy], selectors: checklist.selectors + queries.flatMap(\.requests) + NeverSafeToQuiet.selectors + RequestTraits.all)
        map = PolicyMap(policy: policy, space: space)
        let classes = map.pieces
        let classIndex = map.pieceIndex
        let witnesses = WitnessBuilder(space: space, version: policy.kubernetesVersion)
        // One independent check per row and per query, run concurrently, collected in order.
        let items = checklist.items
        let checked = ConcurrentMap.map(items.count + queries.count) { index -> ExpectationResult in
            if index < items.count {
                let item = items[index]
                return ExpectationCheck.check(
                    requests: item.requests, requirement: item.requirement, recommended: item.recommendedLevel,
                    maximum: item.maximumLevel, policy: policy, space: space, classes: classes, classIndex: classIndex, witnesses: witnesses
                )
            }
            let query = queries[index - items.count]
            return ExpectationCheck.check(
                requests: query.requests, requirement: query.requirement, recommended: nil, maximum: nil,
                policy: policy, space: space, classes: classes, classIndex: classIndex, witnesses: witnesses
            )
        }
        let neverSafe = space.disjointCubes(for: NeverSafeToQuiet.selectors)
        self.checklist = zip(items, checked).map { item, result in
            let advisory = !result.isOK && result.exposures.isEmpty
                && result.gaps.allSatisfy { NeverSafeToQuiet.isAdvisory($0.requests, item: item, neverSafe: neverSafe) }
            return ItemResult(item: item, result: result, isAdvisory: advisory)
        }
        self.queries = zip(queries, checked.dropFirst(items.count)).map { QueryResult(query: $0, result: $1) }
    }
}
