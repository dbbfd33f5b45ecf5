/// A price schedule in tiers for one log class: the month's volume is billed tier by tier, each
/// GB at the price of the tier it falls in.
///
/// Encoded as its list of tiers.
public struct TieredRate: Codable, Sendable, Hashable {
    /// The tiers in order; each ends where the next begins, and only the last has no bound.
    public var tiers: [PriceTier]

    public init(_ tiers: [PriceTier]) {
        self.tiers = tiers
    }

    public init(from decoder: Decoder) throws {
        tiers = try decoder.singleValueContainer().decode([PriceTier].self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(tiers)
    }

    /// One price for any volume.
    public static func flat(_ pricePerGB: Double) -> TieredRate {
        TieredRate([PriceTier(upToGB: nil, pricePerGB: pricePerGB)])
    }

    /// What the volume from `fromGB` to `toGB` of the month costs, tier by tier.
    ///
    /// Positions are GB of the payer account's month, so a volume priced on top of other volume
    /// starts where that volume ends. When `toGB` is below `fromGB` the volume between them is
    /// priced the same way and the cost is negative (a volume that goes away). A volume of zero
    /// costs nothing and falls in the tier of its position.
    public func charge(fromGB: Double, toGB: Double) -> TieredCharge {
        let lower = min(fromGB, toGB), upper = max(fromGB, toGB)
        let sign = toGB < fromGB ? -1.0 : 1.0
        var slices: [TierSlice] = []
        var start = 0.0
        for (index, tier) in tiers.enumerated() {
            let end = tier.upToGB.map(Double.init) ?? .infinity
            let from = max(lower, start), to = min(upper, end)
            if to > from || (lower == upper && lower >= start && lower < end) {
                slices.append(TierSlice(tier: index + 1, fromGB: from, toGB: max(from, to), pricePerGB: tier.pricePerGB,
                                        cost: sign * (max(from, to) - from) * tier.pricePerGB))
            }
            start = end
            if start >= upper, !slices.isEmpty { break }
        }
        return TieredCharge(slices: slices)
    }
}

/// The part of a priced volume that falls in one tier.
public struct TierSlice: Codable, Sendable, Hashable {
    /// The tier, from 1.
    public var tier: Int
    /// The slice's start and end, in GB of the month's volume.
    public var fromGB: Double
    public var toGB: Double
    public var pricePerGB: Double
    /// Dollars; negative for a volume that goes away.
    public var cost: Double

    public init(tier: Int, fromGB: Double, toGB: Double, pricePerGB: Double, cost: Double) {
        self.tier = tier
        self.fromGB = fromGB
        self.toGB = toGB
        self.pricePerGB = pricePerGB
        self.cost = cost
    }
}

/// A volume priced across tiers.
public struct TieredCharge: Sendable, Hashable {
    /// The slices in tier order.
    public var slices: [TierSlice]

    /// Dollars: the slices' costs added up.
    public var cost: Double { slices.reduce(0) { $0 + $1.cost } }
}
