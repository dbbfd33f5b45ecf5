/// Where an estimate's ingestion sits in the price tiers: the model, the region's tiers per log
/// class, the payer account's other vended volume, and how many alike clusters the estimate
/// stands for.
///
/// The estimate's monthly volume (times `clusters`) is priced on top of
/// `accountVendedGBMonth`: its marginal cost is what it adds to the account's bill, its
/// standalone cost what it would cost alone (from 0 GB).
public struct PricingAssumptions: Codable, Sendable, Hashable {
    public var model: PricingModel
    /// The region whose prices are used (`VendedLogPrices`).
    public var region: String
    /// Ingestion tiers per log class; one unbounded tier each under `flat`.
    public var tiers: ClassTiers
    /// The payer account's other vended-log volume in the month, GB.
    public var accountVendedGBMonth: Double
    /// Alike clusters in the same payer account the estimate is scaled to.
    public var clusters: Int
    /// Where the tiers come from, and when they were checked.
    public var sources: [String]
    public var asOf: String
    /// What could not be confirmed.
    public var caveats: [String]

    /// The ingestion tiers of each log class.
    public struct ClassTiers: Codable, Sendable, Hashable {
        public var standard: TieredRate
        public var infrequentAccess: TieredRate

        public init(standard: TieredRate, infrequentAccess: TieredRate) {
            self.standard = standard
            self.infrequentAccess = infrequentAccess
        }
    }

    /// The largest `accountVendedGBMonth` an option takes: 10^9 GB (an exabyte a month).
    public static let maximumAccountVendedGBMonth = 1_000_000_000.0
    /// The most clusters an option takes.
    public static let maximumClusters = 100_000

    /// Vended-log tiers of `region`, or flat prices (`flatStandard`, `flatInfrequentAccess` per GB).
    public init(model: PricingModel = .vendedTiered, region: RegionPrices = VendedLogPrices.regions[0],
                flatStandard: Double? = nil, flatInfrequentAccess: Double? = nil,
                accountVendedGBMonth: Double = 0, clusters: Int = 1) {
        self.model = model
        self.region = region.region
        switch model {
        case .vendedTiered:
            tiers = ClassTiers(standard: region.standard, infrequentAccess: region.infrequentAccess)
            sources = region.sources
            caveats = region.caveats
        case .flat:
            let standard = flatStandard ?? region.standard.tiers[0].pricePerGB
            let infrequent = flatInfrequentAccess ?? region.infrequentAccess.tiers[0].pricePerGB
            tiers = ClassTiers(standard: .flat(standard), infrequentAccess: .flat(infrequent))
            sources = flatStandard == nil || flatInfrequentAccess == nil ? ["the first tier of " + region.region + "'s published prices"] + region.sources : ["options"]
            caveats = []
        }
        self.accountVendedGBMonth = accountVendedGBMonth
        self.clusters = clusters
        asOf = VendedLogPrices.asOf
    }
}
