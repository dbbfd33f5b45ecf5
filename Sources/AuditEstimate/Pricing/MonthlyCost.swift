/// A month's bill for one log class: what the volume adds on top of the payer account's other
/// vended volume (marginal) and what it would cost alone (standalone).
public struct ClassMonthlyCost: Codable, Sendable, Hashable {
    /// Ingestion at the account's position in the tiers, plus storage.
    public var marginal: Double
    /// Ingestion as if the clusters were the account's only vended volume, plus storage.
    public var standalone: Double
    public var ingestionMarginal: Double
    public var ingestionStandalone: Double
    public var storage: Double
    /// The tiers the marginal volume falls in, with each slice's cost.
    public var tiers: [TierSlice]

    public init(marginal: TieredCharge, standalone: TieredCharge, storage: Double) {
        ingestionMarginal = marginal.cost
        ingestionStandalone = standalone.cost
        self.storage = storage
        self.marginal = marginal.cost + storage
        self.standalone = standalone.cost + storage
        tiers = marginal.slices
    }
}

/// The month of a priced volume: where it sits in the tiers and what it costs per log class.
public struct MonthlyCost: Codable, Sendable, Hashable {
    /// Billed GB in the month, for every cluster together; negative for a volume that goes away.
    public var billedGB: Double
    /// Where the volume starts in the account's month: the account's other vended volume plus
    /// what lies beneath it (for a saving, the rest of the policy's volume).
    public var startGB: Double
    public var standard: ClassMonthlyCost
    public var infrequentAccess: ClassMonthlyCost

    public init(billedGB: Double, startGB: Double, standard: ClassMonthlyCost, infrequentAccess: ClassMonthlyCost) {
        self.billedGB = billedGB
        self.startGB = startGB
        self.standard = standard
        self.infrequentAccess = infrequentAccess
    }
}
