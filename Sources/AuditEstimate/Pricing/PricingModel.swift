/// How ingestion is priced.
public enum PricingModel: String, Codable, Sendable, CaseIterable {
    /// CloudWatch vended logs: tiers of the payer account's monthly vended volume. How EKS bills
    /// control-plane logs (`VendedLogPrices`).
    case vendedTiered = "vended-tiered"
    /// One price per GB whatever the volume: logs a self-managed cluster ships with its own agent.
    case flat
}
