/// A volume turned into daily and monthly figures and dollars, under given prices, pricing model
/// and storage model.
///
/// How bytes are counted for the bill: each event is billed for the bytes CloudWatch ingests
/// (its JSON line, or the limit when it arrives cut) plus `eventOverheadBytes` (26);
/// `billedBytes = ingestedBytes + 26 × events`, an exact integer. Only then do bytes become
/// GB and dollars.
///
/// Ingestion is priced per month, across tiers (`PricingAssumptions`): the month's billed GB of
/// all `clusters` is placed on top of the payer account's other vended volume; its marginal cost
/// is what it adds to the bill, its standalone cost what it costs from 0 GB. Corpus and daily
/// ingestion figures are the billed GB at the month's average marginal price per GB. A change of
/// volume (a what-if difference, a saving) is priced as the slice between the two volumes, so
/// a saving is what the bill goes down by at the account's position. Storage costs the
/// steady-state stored GB (`StorageModel`) × the price per GB-month.
///
/// Day and month figures are for every cluster together; corpus figures for the corpus.
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
    /// Ingestion in dollars at the margin, Standard log class.
    public var standardIngestionCost: ScaledFigure
    /// Ingestion in dollars at the margin, Infrequent Access log class.
    public var infrequentAccessIngestionCost: ScaledFigure
    /// Compressed GB stored at steady state (`StorageModel`); `nil` when the corpus cannot be scaled.
    public var storedGB: Double?
    /// Storage in dollars per month at steady state, Standard and Infrequent Access.
    public var standardStorageCostPerMonth: Double?
    public var infrequentAccessStorageCostPerMonth: Double?
    /// Ingestion (marginal) and storage per month, Standard and Infrequent Access.
    public var standardTotalCostPerMonth: Double?
    public var infrequentAccessTotalCostPerMonth: Double?
    /// The month in the tiers, marginal and standalone; `nil` when the corpus cannot be scaled.
    public var monthlyCost: MonthlyCost?

    /// The volume of `tally`, priced from nothing.
    public init(_ tally: VolumeTally, scale: EstimateScale, assumptions: EstimateAssumptions) {
        self.init(from: VolumeTally(), to: tally, scale: scale, assumptions: assumptions)
    }

    /// The change from the volume of `lower` to that of `upper` (the same corpus under two
    /// policies, or a policy before and after a change), priced as the slice between them.
    public init(from lower: VolumeTally, to upper: VolumeTally, scale: EstimateScale, assumptions: EstimateAssumptions) {
        let prices = assumptions.prices, pricing = assumptions.pricing
        let tally = upper - lower
        let lowBilled = prices.billedBytes(lower), highBilled = prices.billedBytes(upper)
        let billed = highBilled - lowBilled
        let clusters = Double(pricing.clusters)
        func scaled(_ value: Double) -> ScaledFigure {
            ScaledFigure(corpus: value, perDay: scale.perDayFactor.map { value * $0 * clusters }, perMonth: scale.perMonthFactor.map { value * $0 * clusters })
        }
        events = scaled(Double(tally.events))
        bytes = scaled(Double(tally.bytes))
        ingestedBytes = scaled(Double(tally.ingestedBytes))
        let billedFigure = scaled(Double(billed))
        let gigabytes = scaled(prices.gigabytes(billed))
        billedBytes = billedFigure
        billedGB = gigabytes

        // Without a span the corpus stands for the month.
        let month = (scale.perMonthFactor ?? 1) * clusters
        let fromGB = prices.gigabytes(lowBilled) * month, toGB = prices.gigabytes(highBilled) * month
        let account = pricing.accountVendedGBMonth
        func charges(_ rate: TieredRate) -> (marginal: TieredCharge, standalone: TieredCharge, perGB: Double) {
            let marginal = rate.charge(fromGB: account + fromGB, toGB: account + toGB)
            let standalone = rate.charge(fromGB: fromGB, toGB: toGB)
            let perGB = toGB != fromGB ? marginal.cost / (toGB - fromGB) : marginal.slices.first?.pricePerGB ?? 0
            return (marginal, standalone, perGB)
        }
        let standard = charges(pricing.tiers.standard), infrequent = charges(pricing.tiers.infrequentAccess)
        // The month's figure is the tiers' own sum; corpus and day at its average price per GB.
        func ingestion(_ priced: (marginal: TieredCharge, standalone: TieredCharge, perGB: Double)) -> ScaledFigure {
            ScaledFigure(corpus: gigabytes.corpus * priced.perGB, perDay: gigabytes.perDay.map { $0 * priced.perGB },
                         perMonth: gigabytes.perMonth.map { _ in priced.marginal.cost })
        }
        standardIngestionCost = ingestion(standard)
        infrequentAccessIngestionCost = ingestion(infrequent)
        if let dailyBilled = billedFigure.perDay {
            let stored = prices.gigabytes(assumptions.storage.storedBytes(dailyBilledBytes: dailyBilled))
            storedGB = stored
            let standardStorage = stored * prices.standardStoragePerGBMonth
            let infrequentStorage = stored * prices.infrequentAccessStoragePerGBMonth
            standardStorageCostPerMonth = standardStorage
            infrequentAccessStorageCostPerMonth = infrequentStorage
            let month = MonthlyCost(
                billedGB: toGB - fromGB, startGB: account + min(fromGB, toGB),
                standard: ClassMonthlyCost(marginal: standard.marginal, standalone: standard.standalone, storage: standardStorage),
                infrequentAccess: ClassMonthlyCost(marginal: infrequent.marginal, standalone: infrequent.standalone, storage: infrequentStorage)
            )
            monthlyCost = month
            standardTotalCostPerMonth = month.standard.marginal
            infrequentAccessTotalCostPerMonth = month.infrequentAccess.marginal
        }
    }
}
