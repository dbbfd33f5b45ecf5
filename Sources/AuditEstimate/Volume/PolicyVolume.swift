import AuditReplay

/// What one policy makes kube-apiserver write for a corpus, as raw sums: totals, breakdowns by
/// rule, stage, level, resource, verb, user, identity and namespace, and a timeline.
///
/// Every field is a sum (or a list of sums), so volumes of shards of a corpus merge into the
/// volume of the whole corpus (`add(_:)`).
public struct PolicyVolume: Codable, Sendable, Hashable {
    /// The policy's name: its file, or `<built-in eks>`.
    public var policy: String
    /// Every event written.
    public var total: VolumeTally
    /// By stage (`RequestReceived`, ...).
    public var stages: BreakdownTable
    /// By decided level, with the requests decided at each level (None included).
    public var levels: [LevelVolume]
    /// By the rule that decided the request, in rule order.
    public var rules: [RuleVolume]
    /// Requests no rule matched (level None: nothing written).
    public var defaultRequests: Int
    /// By resource: `pods`, `pods/exec`, `deployments.apps`, `leases.coordination.k8s.io`; a
    /// non-resource request by its path (`/readyz`).
    public var resources: BreakdownTable
    /// By verb.
    public var verbs: BreakdownTable
    /// By authenticated user name; `(unauthenticated)` for failed authentication.
    public var users: BreakdownTable
    /// By identity: users, with service accounts grouped by namespace
    /// (`system:serviceaccount:kube-system:*`) and nodes grouped (`system:node:*`).
    public var identities: BreakdownTable
    /// By namespace; `(cluster-scoped)` and `(non-resource)` for requests without one.
    public var namespaces: BreakdownTable
    /// Over time, by each event's `stageTimestamp` (when kube-apiserver writes it).
    public var timeline: Timeline
    /// Events over the size limits.
    public var oversize: OversizeCounts
    /// Requests (and their events) whose sizes are lower bounds: the recording lacks a body or a
    /// stage the decided level includes.
    public var lowerBound: LowerBoundTally
    /// What kube-apiserver's own truncation did, when `--apiserver-truncate` is on.
    public var apiServerTruncation: TruncationSummary?

    public init(
        policy: String, total: VolumeTally = VolumeTally(), stages: BreakdownTable = BreakdownTable(), levels: [LevelVolume] = [],
        rules: [RuleVolume] = [], defaultRequests: Int = 0, resources: BreakdownTable = BreakdownTable(),
        verbs: BreakdownTable = BreakdownTable(), users: BreakdownTable = BreakdownTable(), identities: BreakdownTable = BreakdownTable(),
        namespaces: BreakdownTable = BreakdownTable(), timeline: Timeline = Timeline(), oversize: OversizeCounts = OversizeCounts(),
        lowerBound: LowerBoundTally = LowerBoundTally(), apiServerTruncation: TruncationSummary? = nil
    ) {
        self.policy = policy
        self.total = total
        self.stages = stages
        self.levels = levels
        self.rules = rules
        self.defaultRequests = defaultRequests
        self.resources = resources
        self.verbs = verbs
        self.users = users
        self.identities = identities
        self.namespaces = namespaces
        self.timeline = timeline
        self.oversize = oversize
        self.lowerBound = lowerBound
        self.apiServerTruncation = apiServerTruncation
    }

    /// The breakdowns by request attribute, with their names in reports.
    public var breakdowns: [(dimension: BreakdownDimension, table: BreakdownTable)] {
        [(.resource, resources), (.verb, verbs), (.user, users), (.identity, identities), (.namespace, namespaces)]
    }

    /// Adds the volume of another shard of the corpus, replayed under the same policy.
    ///
    /// - Throws: `EstimateMergeError` when the other volume is for a policy with other rules.
    public mutating func add(_ other: PolicyVolume) throws(EstimateMergeError) {
        guard other.policy == policy else {
            throw EstimateMergeError("policy '\(other.policy)' where '\(policy)' was expected: shards must be estimated under the same policies, in the same order")
        }
        guard other.rules.map(\.signature) == rules.map(\.signature) else {
            throw EstimateMergeError("policy '\(policy)' has other rules in one shard than in another (the file changed between runs?)")
        }
        guard other.levels.map(\.level) == levels.map(\.level) else {
            throw EstimateMergeError("policy '\(policy)': the levels listed differ between shards")
        }
        total.add(other.total)
        stages.add(other.stages)
        for index in levels.indices { levels[index].add(other.levels[index]) }
        for index in rules.indices { rules[index].add(other.rules[index]) }
        defaultRequests += other.defaultRequests
        resources.add(other.resources)
        verbs.add(other.verbs)
        users.add(other.users)
        identities.add(other.identities)
        namespaces.add(other.namespaces)
        timeline.add(other.timeline)
        oversize.add(other.oversize)
        lowerBound.add(other.lowerBound)
        switch (apiServerTruncation, other.apiServerTruncation) {
        case (nil, nil):
            break
        case (var mine?, let theirs?) where mine.maxEventSize == theirs.maxEventSize:
            mine.truncatedEvents += theirs.truncatedEvents
            mine.droppedEvents += theirs.droppedEvents
            mine.bytesRemoved += theirs.bytesRemoved
            apiServerTruncation = mine
        default:
            throw EstimateMergeError("policy '\(policy)': shards were replayed with different --apiserver-truncate settings")
        }
    }
}
