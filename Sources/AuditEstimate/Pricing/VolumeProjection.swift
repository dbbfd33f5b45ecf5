/// A tally turned into daily and monthly figures and dollars, under given prices and storage
/// model.
///
/// How bytes are counted for the bill: each event is billed for the bytes CloudWatch ingests
/// (its JSON line, or the limit when it arrives cut) plus `eventOverheadBytes` (26);
/// `billedBytes = ingestedBytes + 26 × events`. Ingestion costs `billed GB × price per GB`;
/// storage costs the steady-state stored GB (`StorageModel`) × price per GB-month.
public struct VolumeProjection: Codable, Sendable, Hashable {
    /// Events written.
    public var events: ScaledFigure
    /// Bytes kube-apiserver writes (JSON lines without newline).
    public var bytes: ScaledFigure
    /// Bytes CloudWatch ingests (oversize events cut to the limit).
    public var ingestedBytes: ScaledFigure
    /// Bytes billed: ingested bytes plus the per-event overhead.
    public var billedBytes: ScaledFigure
    /// Billed bytes in GB (`CloudWatchPrices.bytesPerGB`).
    public var billedGB: ScaledFigure
    /// Ingestion in dollars, Standard log class.
    public var standardIngestionCost: ScaledFigure
    /// Ingestion in dollars, Infrequent Access log class.
    public var infrequentAccessIngestionCost: ScaledFigure
    /// Compressed GB stored at steady state (`StorageModel`); `nil` when the corpus cannot be scaled.
    public var storedGB: Double?
    /// Storage in dollars per month at steady state, Standard and Infrequent Access.
    public var standardStorageCostPerMonth: Double?
    public var infrequentAccessStorageCostPerMonth: Double?
    /// Ingestion and storage per month, Standard and Infrequent Access.
    public var standardTotalCostPerMonth: Double?
    public var infrequentAccessTotalCostPerMonth: Double?

    public init(_ tally: VolumeTally, scale: EstimateScale, prices: CloudWatchPrices, storage: StorageModel) {
        let billed = prices.billedBytes(events: tally.events, bytes: tally.ingestedBytes)
        func scaled(_ value: Double) -> ScaledFigure { ScaledFigure(value, scale: scale) }
        events = scaled(Double(tally.events))
        bytes = scaled(Double(tally.bytes))
        ingestedBytes = scaled(Double(tally.ingestedBytes))
        billedBytes = scaled(billed)
        billedGB = scaled(prices.gigabytes(billed))
        standardIngestionCost = scaled(prices.gigabytes(billed) * prices.standardIngestionPerGB)
        infrequentAccessIngestionCost = scaled(prices.gigabytes(billed) * prices.infrequentAccessIngestionPerGB)
        if let dailyBilled = billedBytes.perDay {
            let stored = prices.gigabytes(storage.storedBytes(dailyBilledBytes: dailyBilled))
            storedGB = stored
            standardStorageCostPerMonth = stored * prices.standardStoragePerGBMonth
            infrequentAccessStorageCostPerMonth = stored * prices.infrequentAccessStoragePerGBMonth
            standardTotalCostPerMonth = standardIngestionCost.perMonth.map { $0 + stored * prices.standardStoragePerGBMonth }
            infrequentAccessTotalCostPerMonth = infrequentAccessIngestionCost.perMonth.map { $0 + stored * prices.infrequentAccessStoragePerGBMonth }
        }
    }
}
