/// What-if: how much more (positive) or less (negative) a policy writes and costs than the
/// first policy, over the same corpus.
public struct PolicyComparison: Codable, Sendable, Hashable {
    /// The first policy, the baseline.
    public var baseline: String
    public var policy: String
    /// `policy`'s tally minus the baseline's.
    public var difference: VolumeTally
    /// The difference scaled and priced: the slice between the two volumes in the tiers.
    public var projection: VolumeProjection

    public init(baseline: PolicyVolume, policy: PolicyVolume, scale: EstimateScale, assumptions: EstimateAssumptions) {
        self.baseline = baseline.policy
        self.policy = policy.policy
        difference = policy.total - baseline.total
        projection = VolumeProjection(from: baseline.total, to: policy.total, scale: scale, assumptions: assumptions)
    }
}
