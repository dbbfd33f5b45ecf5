import AuditReplay
import Testing
@testable import AuditEstimate

/// Scaling and pricing, with every figure worked out by hand. Prices and sizes are chosen as
/// powers of two (and 30.4375 = 487/16 days a month) so every result is exact in binary floating
/// point and compared with `==`.
@Suite("Scaling and prices")
struct ProjectionTests {
    /// One hour of timestamps: 86,400 / 3,600 = 24 to a day; 24 × 30.4375 = 730.5 to a month.
    static let hour = ObservedSpan(firstMicroseconds: 1_700_000_000_000_000, lastMicroseconds: 1_700_003_600_000_000)

    /// Test prices: 1 GB = 1,024 bytes so a small tally makes round dollars.
    static let prices = CloudWatchPrices(
        standardIngestionPerGB: 0.5, infrequentAccessIngestionPerGB: 0.25,
        standardStoragePerGBMonth: 0.125, infrequentAccessStoragePerGBMonth: 0.0625,
        eventOverheadBytes: 26, bytesPerGB: 1_024
    )

    /// The test prices, flat: every GB at $0.50 (Standard) and $0.25 (Infrequent Access).
    static func flat(_ storage: StorageModel) -> EstimateAssumptions {
        EstimateAssumptions(prices: prices, storage: storage, pricing: PricingAssumptions(model: .flat, flatStandard: 0.5, flatInfrequentAccess: 0.25))
    }

    @Test("the span of the timestamps scales to a day and a month")
    func scale() {
        let scale = EstimateScale(span: Self.hour, durationSeconds: nil)
        #expect(scale.basis == .timestamps)
        #expect(scale.seconds == 3_600)
        #expect(scale.perDayFactor == 24)
        #expect(scale.perMonthFactor == 730.5)
        #expect(scale.explanation.contains("1h from the events' timestamps"))
        #expect(scale.firstTimestamp == "2023-11-14T22:13:20Z")
    }

    @Test("--duration wins over the timestamps, and is the only way without them")
    func duration() {
        let overridden = EstimateScale(span: Self.hour, durationSeconds: 7_200)
        #expect(overridden.basis == .duration)
        #expect(overridden.perDayFactor == 12)
        let missing = EstimateScale(span: ObservedSpan(requestsWithoutTimestamp: 3), durationSeconds: nil)
        #expect(missing.basis == .unavailable)
        #expect(missing.perDayFactor == nil)
        #expect(missing.explanation.contains("give --duration"))
        let instant = EstimateScale(span: ObservedSpan(firstMicroseconds: 5, lastMicroseconds: 5), durationSeconds: nil)
        #expect(instant.basis == .unavailable)
    }

    /// 4 events of 512 bytes, one of them cut by CloudWatch to 400 → ingested 3 × 512 + 400 = 1,936;
    /// billed = 1,936 + 4 × 26 = 2,040 bytes. Per day × 24 = 48,960; per month × 730.5 = 1,490,220.
    /// GB (1,024 bytes): 2,040 / 1,024 = 1.9921875; per month 1,490,220 / 1,024 = 1,455.29296875.
    /// Standard ingestion: × 0.5 → 0.99609375 over the corpus, 727.646484375 per month.
    /// Infrequent Access: × 0.25 → 363.8232421875 per month.
    /// Storage: daily 48,960 / ratio 4 × 30 days = 367,200 bytes = 358.59375 GB;
    /// × 0.125 = 44.82421875 (Standard), × 0.0625 = 22.412109375 (IA).
    /// Totals per month: 727.646484375 + 44.82421875 = 772.470703125; 363.8232421875 + 22.412109375 = 386.2353515625.
    @Test("billed bytes, ingestion and steady-state storage, by hand")
    func dollars() {
        let tally = VolumeTally(events: 4, bytes: 2_048, ingestedBytes: 1_936)
        let scale = EstimateScale(span: Self.hour, durationSeconds: nil)
        let projection = VolumeProjection(tally, scale: scale, assumptions: Self.flat(StorageModel(retentionDays: 30, compressionRatio: 4)))
        #expect(projection.billedBytes == ScaledFigure(corpus: 2_040, perDay: 48_960, perMonth: 1_490_220))
        #expect(projection.billedGB == ScaledFigure(corpus: 1.9921875, perDay: 47.8125, perMonth: 1_455.29296875))
        #expect(projection.standardIngestionCost.perMonth == 727.646484375)
        #expect(projection.infrequentAccessIngestionCost.perMonth == 363.8232421875)
        #expect(projection.storedGB == 358.59375)
        #expect(projection.standardStorageCostPerMonth == 44.82421875)
        #expect(projection.infrequentAccessStorageCostPerMonth == 22.412109375)
        #expect(projection.standardTotalCostPerMonth == 772.470703125)
        #expect(projection.infrequentAccessTotalCostPerMonth == 386.2353515625)
        #expect(projection.events == ScaledFigure(corpus: 4, perDay: 96, perMonth: 2_922))
    }

    /// "Never expire" keeps a year: 48,960 / 4 × 365 = 4,467,600 bytes = 4,362.890625 GB (1,024 bytes).
    @Test("a log group that never expires is shown after a year")
    func neverExpires() {
        let tally = VolumeTally(events: 4, bytes: 2_048, ingestedBytes: 1_936)
        let scale = EstimateScale(span: Self.hour, durationSeconds: nil)
        let projection = VolumeProjection(tally, scale: scale, assumptions: Self.flat(StorageModel(retentionDays: nil, compressionRatio: 4)))
        #expect(projection.storedGB == 4_362.890625)
    }

    @Test("without a span only corpus figures are given")
    func unscaled() {
        let tally = VolumeTally(events: 4, bytes: 2_048, ingestedBytes: 2_048)
        let scale = EstimateScale(span: ObservedSpan(), durationSeconds: nil)
        let projection = VolumeProjection(tally, scale: scale, assumptions: Self.flat(StorageModel()))
        #expect(projection.billedBytes == ScaledFigure(corpus: 2_152, perDay: nil, perMonth: nil))
        #expect(projection.storedGB == nil)
        #expect(projection.standardTotalCostPerMonth == nil)
    }

    /// The default prices (vended tiers of us-east-1, the first tier for so small a month): $0.50 per GB of 2^30 bytes. 2,048 billed bytes an hour are
    /// 2,048 × 730.5 = 1,496,064 = 1,461 × 2^10 bytes a month, 1,461 × 2^-20 GB, so
    /// 1,461 × 2^-21 = $0.000696659088134765625 a month (Standard) and half that (IA).
    @Test("the default prices, by hand")
    func defaultPrices() {
        let tally = VolumeTally(events: 4, bytes: 1_944, ingestedBytes: 1_944)
        let projection = VolumeProjection(tally, scale: EstimateScale(span: Self.hour, durationSeconds: nil), assumptions: EstimateAssumptions())
        #expect(projection.billedBytes.perMonth == 1_496_064)
        #expect(projection.standardIngestionCost.perMonth == 0.000696659088134765625)
        #expect(projection.infrequentAccessIngestionCost.perMonth == 0.0003483295440673828125)
    }
}
