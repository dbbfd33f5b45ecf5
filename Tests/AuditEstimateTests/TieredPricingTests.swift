import Foundation
import Testing
@testable import AuditEstimate

/// Issue 16: EKS control-plane logs are billed as CloudWatch vended logs, in tiers of the payer
/// account's monthly vended volume. The tier arithmetic worked out by hand.
@Suite("Vended-log tiers")
struct TieredPricingTests {
    static let usEast1 = VendedLogPrices.regions[0]

    /// One case of the tier arithmetic: a slice of the month and what it costs.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var infrequentAccess = false
        var fromGB: Double
        var toGB: Double
        var cost: Double
        var tiers: [Int]
        var testDescription: String { name }
    }

    /// us-east-1, boundaries at 10,240, 30,720 and 51,200 GB.
    /// - inside one tier: 200 GB × $0.50 = $100;
    /// - one boundary: 240 GB × $0.50 + 260 GB × $0.25 = $120 + $65;
    /// - several: 240 × 0.50 + 20,480 × 0.25 + 20,480 × 0.10 + 800 × 0.05 = 120 + 5,120 + 2,048 + 40;
    /// - above the last boundary: 1,000 GB × $0.05;
    /// - Infrequent Access: 240 × 0.25 + 20,480 × 0.15 + 280 × 0.075 = 60 + 3,072 + 21;
    /// - a volume that goes away is priced as the same slice, negative;
    /// - no volume costs nothing, in the tier of its position.
    static let cases: [Case] = [
        Case(name: "a volume entirely inside one tier", fromGB: 100, toGB: 300, cost: 100, tiers: [1]),
        Case(name: "a volume that crosses one boundary", fromGB: 10_000, toGB: 10_500, cost: 185, tiers: [1, 2]),
        Case(name: "a volume that crosses several boundaries", fromGB: 10_000, toGB: 52_000, cost: 7_328, tiers: [1, 2, 3, 4]),
        Case(name: "a starting position above the last boundary", fromGB: 60_000, toGB: 61_000, cost: 50, tiers: [4]),
        Case(name: "Infrequent Access", infrequentAccess: true, fromGB: 10_000, toGB: 31_000, cost: 3_153, tiers: [1, 2, 3]),
        Case(name: "a volume that goes away", fromGB: 10_500, toGB: 10_000, cost: -185, tiers: [1, 2]),
        Case(name: "no volume", fromGB: 20_000, toGB: 20_000, cost: 0, tiers: [2]),
    ]

    @Test("the tier arithmetic", arguments: cases)
    func tierArithmetic(_ item: Case) {
        let rate = item.infrequentAccess ? Self.usEast1.infrequentAccess : Self.usEast1.standard
        let charge = rate.charge(fromGB: item.fromGB, toGB: item.toGB)
        #expect(abs(charge.cost - item.cost) <= 1e-9 * max(1, abs(item.cost)), "\(charge.cost)")
        #expect(charge.slices.map(\.tier) == item.tiers)
        #expect(charge.slices.first?.fromGB == min(item.fromGB, item.toGB))
        #expect(charge.slices.last?.toGB == max(item.fromGB, item.toGB))
    }

    /// One hour of 4 events of 486 bytes: 4 × (486 + 26) = 2,048 billed bytes; × 730.5 to a month
    /// = 1,496,064 bytes. With 1 GB = 1,496,064 bytes the month is exactly 1 GB.
    static let hour = ObservedSpan(firstMicroseconds: 1_700_000_000_000_000, lastMicroseconds: 1_700_003_600_000_000)
    static let oneGBMonth = VolumeTally(events: 4, bytes: 1_944, ingestedBytes: 1_944)
    static func assumptions(account: Double = 0, clusters: Int = 1, model: PricingModel = .vendedTiered) -> EstimateAssumptions {
        EstimateAssumptions(prices: CloudWatchPrices(bytesPerGB: 1_496_064),
                            pricing: PricingAssumptions(model: model, accountVendedGBMonth: account, clusters: clusters))
    }
    static func month(_ tally: VolumeTally, _ assumptions: EstimateAssumptions) throws -> MonthlyCost {
        try #require(VolumeProjection(tally, scale: EstimateScale(span: hour, durationSeconds: nil), assumptions: assumptions).monthlyCost)
    }

    @Test("a month of 1 GB at an account position of 60,000 GB costs a tenth of the same month at position 0")
    func tenthAtSixtyThousand() throws {
        let alone = try Self.month(Self.oneGBMonth, Self.assumptions())
        let onTop = try Self.month(Self.oneGBMonth, Self.assumptions(account: 60_000))
        #expect(alone.billedGB == 1 && onTop.billedGB == 1)
        #expect(alone.standard.ingestionMarginal == 0.5)
        #expect(onTop.standard.ingestionMarginal / alone.standard.ingestionMarginal == 0.1)
        #expect(onTop.standard.tiers.map(\.tier) == [4])
        // Standalone ignores the account: the same at both positions.
        #expect(onTop.standard.ingestionStandalone == alone.standard.ingestionStandalone)
    }

    /// 3 clusters of 1 GB a month on top of 10,239 GB: 1 GB × $0.50 + 2 GB × $0.25 = $1 at the
    /// margin; alone the 3 GB are all in tier 1: $1.50. Infrequent Access: 0.25 + 2 × 0.15 = $0.55.
    @Test("--clusters scales the month to alike clusters, tiers included")
    func clusters() throws {
        let month = try Self.month(Self.oneGBMonth, Self.assumptions(account: 10_239, clusters: 3))
        #expect(month.billedGB == 3)
        #expect(month.standard.ingestionMarginal == 1)
        #expect(month.standard.ingestionStandalone == 1.5)
        #expect(abs(month.infrequentAccess.ingestionMarginal - 0.55) < 1e-12)
        #expect(month.standard.tiers.map(\.tier) == [1, 2])
    }

    /// Two shards of one 1 GB month each, merged: 2 GB priced once on top of 10,239 GB is
    /// 1 × 0.50 + 1 × 0.25 = $0.75; each shard alone on top of the account would be $0.50, and
    /// their sum ($1) is not the bill.
    @Test("--merge prices the merged volume once, across tiers")
    func mergePricesOnce() throws {
        var shard = SampleReports.twoPolicies().volume
        shard.policies = [VolumeMergeTests.volume(events: 0)]
        shard.policies[0].total = Self.oneGBMonth
        shard.span = ObservedSpan(firstMicroseconds: Self.hour.firstMicroseconds, lastMicroseconds: Self.hour.lastMicroseconds)
        let half = EstimateReport(volume: shard, assumptions: Self.assumptions(account: 10_239), suggestions: SuggestionReport(policies: []))
        var merge = EstimateMerge()
        for name in ["a.json", "b.json"] { try merge.add(json: try JSONEncoder().encode(half), name: name) }
        let merged = try merge.report(assumptions: Self.assumptions(account: 10_239))
        let month = try #require(merged.policies[0].projection.monthlyCost)
        #expect(month.billedGB == 2)
        #expect(month.standard.ingestionMarginal == 0.75)
        #expect(try #require(half.policies[0].projection.monthlyCost).standard.ingestionMarginal == 0.5)
    }

    /// Baseline 2 GB a month, policy 1 GB, on top of 10,239.5 GB: the baseline's month runs to
    /// 10,241.5 GB; the policy's stops at 10,240.5; the difference is the GB from 10,240.5 to
    /// 10,241.5, all in tier 2: -$0.25. A saving of 1 GB from the baseline is the same slice: +$0.25.
    @Test("what-if and savings are priced at the margin, at the account's position")
    func whatIfAndSavingsAtTheMargin() throws {
        let baseline = VolumeTally(events: 8, bytes: 3_888, ingestedBytes: 3_888)
        let assumptions = Self.assumptions(account: 10_239.5)
        let scale = EstimateScale(span: Self.hour, durationSeconds: nil)
        let difference = VolumeProjection(from: baseline, to: Self.oneGBMonth, scale: scale, assumptions: assumptions)
        #expect(difference.monthlyCost?.billedGB == -1)
        #expect(difference.standardIngestionCost.perMonth == -0.25)
        #expect(difference.monthlyCost?.standard.tiers.map(\.tier) == [2])
        let saving = VolumeProjection(from: baseline - Self.oneGBMonth, to: baseline, scale: scale, assumptions: assumptions)
        #expect(saving.standardIngestionCost.perMonth == 0.25)
        // Alone (from 0 GB) the same saving would be worth $0.50.
        #expect(saving.monthlyCost?.standard.ingestionStandalone == 0.5)
    }

    @Test("flat prices ignore the account's position", arguments: [0.0, 60_000.0])
    func flatIgnoresPosition(account: Double) throws {
        let month = try Self.month(Self.oneGBMonth, Self.assumptions(account: account, model: .flat))
        #expect(month.standard.ingestionMarginal == 0.5)
        #expect(month.standard.ingestionStandalone == 0.5)
        #expect(month.infrequentAccess.ingestionMarginal == 0.25)
    }

    @Test("every region's tiers rise in boundaries, fall in price, and end unbounded", arguments: VendedLogPrices.regions)
    func regionTablesAreWellFormed(region: RegionPrices) {
        for rate in [region.standard, region.infrequentAccess] {
            let bounds = rate.tiers.compactMap(\.upToGB)
            #expect(bounds == bounds.sorted() && Set(bounds).count == bounds.count)
            #expect(rate.tiers.last?.upToGB == nil && bounds.count == rate.tiers.count - 1)
            #expect(rate.tiers.map(\.pricePerGB) == rate.tiers.map(\.pricePerGB).sorted(by: >))
        }
        #expect(!region.sources.isEmpty)
    }

    /// `assumptions.pricing` in the JSON: model, region, tiers per class with `upToGB` null for
    /// the last, the account's volume and the clusters; each policy's month has marginal and
    /// standalone per class.
    @Test("the JSON report carries the pricing model and the month's marginal and standalone cost")
    func jsonShape() throws {
        let report = SampleReports.twoPolicies()
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
        let pricing = try #require((json["assumptions"] as? [String: Any])?["pricing"] as? [String: Any])
        #expect(pricing["model"] as? String == "vended-tiered")
        #expect(pricing["region"] as? String == "us-east-1")
        #expect((pricing["accountVendedGBMonth"] as? NSNumber)?.doubleValue == 0)
        #expect((pricing["clusters"] as? NSNumber)?.intValue == 1)
        let standard = try #require((pricing["tiers"] as? [String: Any])?["standard"] as? [[String: Any]])
        #expect(standard.count == 4)
        #expect((standard[0]["upToGB"] as? NSNumber)?.intValue == 10_240)
        #expect(standard[3]["upToGB"] is NSNull)
        #expect((standard[3]["pricePerGB"] as? NSNumber)?.doubleValue == 0.05)
        let policy = try #require((json["policies"] as? [[String: Any]])?.first)
        let month = try #require((policy["projection"] as? [String: Any])?["monthlyCost"] as? [String: Any])
        for name in ["standard", "infrequentAccess"] {
            let cost = try #require(month[name] as? [String: Any])
            #expect(cost["marginal"] is NSNumber && cost["standalone"] is NSNumber)
        }
    }

    /// Every output says which model priced it: text, CSV (a `pricing` row), JSON
    /// (`assumptions.pricing.model`), HTML (the footer, and the tier chart under vended tiers).
    @Test("every output names the pricing model", arguments: PricingModel.allCases)
    func everyOutputNamesTheModel(model: PricingModel) throws {
        var report = SampleReports.twoPolicies()
        report = EstimateReport(volume: report.volume, assumptions: EstimateAssumptions(pricing: PricingAssumptions(model: model)), suggestions: report.suggestions)
        #expect(EstimateText.render(report).contains("\nPricing: \(model.rawValue) ("))
        #expect(EstimateCSV.render(report).contains("\r\npricing,,\(model.rawValue) us-east-1 account=0GB clusters=1,"))
        let page = EstimateHTML.render(report)
        #expect(page.contains("data-metric=\"pricing.model\" data-value=\"\(model.rawValue)\""))
        #expect(page.contains("data-chart=\"policy-1.tiers\"") == (model == .vendedTiered))
        if model == .vendedTiered {
            let start = try #require(page.range(of: "data-chart=\"policy-1.tiers\""))
            let end = try #require(page.range(of: "</svg>", range: start.upperBound..<page.endIndex))
            let chart = page[start.lowerBound..<end.upperBound]
            #expect(chart.components(separatedBy: "class=\"boundary\"").count - 1 == 3)
            #expect(chart.contains("class=\"account\" data-value=\"0\""))
        }
    }
}
