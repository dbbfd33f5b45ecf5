/// The prices and models an estimate's figures are computed with; all come from options.
public struct EstimateAssumptions: Codable, Sendable, Hashable {
    public var prices: CloudWatchPrices
    public var storage: StorageModel
    /// How ingestion is priced: the model, the region's tiers, the account's position, clusters.
    public var pricing: PricingAssumptions
    /// `--duration`, in seconds, when given.
    public var durationSeconds: Double?
    /// How many rows each breakdown lists.
    public var top: Int
    /// When the audit log was off (`--cloudtrail`): left out of the time span; `nil` without a trail.
    public var auditLogOff: [AuditLogOffSpan]?

    /// The most rows a breakdown lists (`--top`).
    public static let maximumTop = 1_000

    public init(prices: CloudWatchPrices = CloudWatchPrices(), storage: StorageModel = StorageModel(), pricing: PricingAssumptions = PricingAssumptions(),
                durationSeconds: Double? = nil, top: Int = 10, auditLogOff: [AuditLogOffSpan]? = nil) {
        self.prices = prices
        self.storage = storage
        self.pricing = pricing
        self.durationSeconds = durationSeconds
        self.top = top
        self.auditLogOff = auditLogOff
    }
}
