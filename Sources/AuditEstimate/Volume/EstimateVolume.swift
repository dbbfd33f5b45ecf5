import AuditReplay

/// Everything an estimate measures in a corpus, as raw sums: what was read, the time it covers,
/// and each policy's volume. Prices and scaling are applied afterwards (`EstimateReport`), so
/// volumes of shards merge (`add(_:)`) into exactly the volume of one run over all of them.
public struct EstimateVolume: Codable, Sendable, Hashable {
    /// The inputs read, in order (for a merge: the shards' inputs, in shard order).
    public var inputs: [String]
    /// Events read, malformed lines excluded.
    public var rawEvents: Int
    /// Requests replayed (events grouped by auditID).
    public var requests: Int
    /// Requests whose last stage was not recorded.
    public var incompleteRequests: Int
    /// Events repeating a stage already read, not replayed again.
    public var duplicateEvents: Int
    /// Lines that are not audit events.
    public var malformedLines: Int
    /// The time the events' timestamps cover.
    public var span: ObservedSpan
    /// The size limits events were measured against.
    public var limits: SizeLimits
    /// One volume per policy, in the order given.
    public var policies: [PolicyVolume]

    public init(
        inputs: [String], rawEvents: Int, requests: Int, incompleteRequests: Int, duplicateEvents: Int,
        malformedLines: Int, span: ObservedSpan, limits: SizeLimits, policies: [PolicyVolume]
    ) {
        self.inputs = inputs
        self.rawEvents = rawEvents
        self.requests = requests
        self.incompleteRequests = incompleteRequests
        self.duplicateEvents = duplicateEvents
        self.malformedLines = malformedLines
        self.span = span
        self.limits = limits
        self.policies = policies
    }

    /// Adds the volume of another shard of the corpus.
    ///
    /// A request whose stages were split between shards is counted in each (grouping by auditID
    /// works within a run); split corpora along request boundaries, by time or by file.
    ///
    /// - Throws: `EstimateMergeError` when the shards were estimated under other policies or limits.
    public mutating func add(_ other: EstimateVolume) throws(EstimateMergeError) {
        guard other.limits == limits else {
            throw EstimateMergeError("shards were replayed with different size limits (--max-event-size or --apiserver-truncate)")
        }
        guard other.policies.count == policies.count else {
            throw EstimateMergeError("one shard has \(other.policies.count) policies and another \(policies.count): estimate every shard under the same --policy options")
        }
        for index in policies.indices { try policies[index].add(other.policies[index]) }
        inputs += other.inputs
        rawEvents += other.rawEvents
        requests += other.requests
        incompleteRequests += other.incompleteRequests
        duplicateEvents += other.duplicateEvents
        malformedLines += other.malformedLines
        span.add(other.span)
    }
}
