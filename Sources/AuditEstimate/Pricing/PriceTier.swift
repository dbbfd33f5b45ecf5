/// One tier of a monthly price schedule: the price per GB of the month's volume from the end of
/// the tier before up to `upToGB`; the last tier has no bound (`upToGB` is `null` in JSON).
public struct PriceTier: Codable, Sendable, Hashable {
    /// Where the tier ends, in GB of the month's volume; `nil` for the last tier.
    public var upToGB: Int?
    /// Dollars per GB inside the tier.
    public var pricePerGB: Double

    public init(upToGB: Int?, pricePerGB: Double) {
        self.upToGB = upToGB
        self.pricePerGB = pricePerGB
    }

    private enum CodingKeys: String, CodingKey { case upToGB, pricePerGB }

    /// Writes `upToGB` as `null` for the last tier rather than leaving the key out.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(upToGB, forKey: .upToGB)
        try container.encode(pricePerGB, forKey: .pricePerGB)
    }
}
