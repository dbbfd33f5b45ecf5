/// One policy's figures: its totals scaled and priced, and its top rules, resources, verbs,
/// users, identities and namespaces with their shares.
public struct PolicyEstimate: Codable, Sendable, Hashable {
    public var policy: String
    public var projection: VolumeProjection
    /// Events over the size limit, per day when the corpus can be scaled.
    public var oversizeEvents: ScaledFigure
    /// Rules first, then resources, verbs, users, identities, namespaces.
    public var breakdowns: [RankedBreakdown]

    public init(volume: PolicyVolume, scale: EstimateScale, assumptions: EstimateAssumptions) {
        policy = volume.policy
        projection = VolumeProjection(volume.total, scale: scale, assumptions: assumptions)
        oversizeEvents = ScaledFigure(Double(volume.oversize.events), scale: scale)
        let ruleRows = volume.rules.filter { !$0.tally.isEmpty }.map { (key: "\($0.label) \($0.level.rawValue)", tally: $0.tally) }
        breakdowns = [RankedBreakdown(dimension: .rule, rows: ruleRows, total: volume.total, scale: scale, top: assumptions.top)]
            + volume.breakdowns.map { dimension, table in
                RankedBreakdown(dimension: dimension, rows: table.tallies.map { (key: $0.key, tally: $0.value) },
                                total: volume.total, scale: scale, top: assumptions.top)
            }
    }

    /// The breakdown of one dimension.
    public func breakdown(_ dimension: BreakdownDimension) -> RankedBreakdown? {
        breakdowns.first { $0.dimension == dimension }
    }
}
