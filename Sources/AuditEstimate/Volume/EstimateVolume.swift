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
    /// In the estimate of one shard of a corpus (`estimate --shard`) or a partial merge: the
    /// requests whose other stages may be in other shards, not yet counted anywhere above.
    /// Absent from the estimate of a whole corpus.
    public var openRequests: OpenRequests?

    public init(
        inputs: [String], rawEvents: Int, requests: Int, incompleteRequests: Int, duplicateEvents: Int,
        malformedLines: Int, span: ObservedSpan, limits: SizeLimits, policies: [PolicyVolume], openRequests: OpenRequests? = nil
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
        self.openRequests = openRequests
    }

    /// Adds the volume of another shard of the corpus.
    ///
    /// The open requests of both are pooled, their copies grouped by auditID (a stage read in
    /// both counts as a duplicate); replaying those whose stages are now all there is
    /// `OpenRequestCompletion`'s job. A request split between shards estimated without `--shard`
    /// is counted in each.
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
        switch (openRequests, other.openRequests) {
        case (nil, nil):
            break
        case (let mine, let theirs):
            var pooled = mine ?? OpenRequests()
            duplicateEvents += pooled.add(theirs ?? OpenRequests())
            openRequests = pooled
        }
    }
}
