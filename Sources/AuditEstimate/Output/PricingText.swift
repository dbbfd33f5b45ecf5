/// The pricing model and a month's place in the tiers, in sentences, for the text and HTML
/// reports (plain text: callers escape it for HTML).
enum PricingText {
    /// What the prices are and where they come from.
    static func assumptions(_ pricing: PricingAssumptions) -> [String] {
        let fleet = pricing.clusters == 1 ? "1 cluster" : "\(FigureText.count(pricing.clusters)) alike clusters (totals per day and month are for all of them, breakdown rows for one)"
        switch pricing.model {
        case .flat:
            return ["Pricing: flat (every GB alike, as for a self-managed cluster shipping its own logs), \(pricing.region): ingestion \(schedule(pricing.tiers.standard)) Standard, "
                + "\(schedule(pricing.tiers.infrequentAccess)) Infrequent Access; \(fleet). EKS bills control-plane logs in tiers: --pricing vended-tiered."]
        case .vendedTiered:
            var lines = [
                "Pricing: vended-tiered (EKS control-plane logs are CloudWatch vended logs), \(pricing.region), checked \(pricing.asOf): ingestion per GB in tiers of the payer account's "
                    + "vended volume in the month: Standard \(schedule(pricing.tiers.standard)); Infrequent Access \(schedule(pricing.tiers.infrequentAccess)).",
                "Position: the account's other vended logs \(gigabytes(pricing.accountVendedGBMonth)) GB a month (--account-vended-gb-month); \(fleet); "
                    + "the estimate is priced on top of the account (marginal) and alone (standalone).",
            ]
            if !pricing.caveats.isEmpty { lines.append("Unconfirmed: " + pricing.caveats.joined(separator: "; ") + ".") }
            return lines
        }
    }

    /// `$0.50/GB to 10,240 GB, $0.25/GB to 30,720 GB, $0.05/GB beyond`, or `$0.50/GB`.
    static func schedule(_ rate: TieredRate) -> String {
        guard rate.tiers.count > 1 else { return rate.tiers.first.map { price($0.pricePerGB) + "/GB" } ?? "" }
        return rate.tiers.map { tier in
            price(tier.pricePerGB) + "/GB " + (tier.upToGB.map { "to \(FigureText.count($0)) GB" } ?? "beyond")
        }.joined(separator: ", ")
    }

    /// The month's place in the tiers and its marginal and standalone cost per class.
    static func month(_ month: MonthlyCost, pricing: PricingAssumptions) -> [String] {
        var lines: [String] = []
        if pricing.model == .vendedTiered {
            let gb = gigabytes(abs(month.billedGB))
            lines.append("In the tiers: \(gb) GB a month from \(gigabytes(month.startGB)) GB of the account's month; Standard "
                + slices(month.standard.tiers) + "; Infrequent Access " + slices(month.infrequentAccess.tiers) + ".")
        }
        func cost(_ title: String, _ cost: ClassMonthlyCost) -> String {
            let average = month.billedGB != 0 ? " (ingestion \(price(cost.ingestionStandalone / month.billedGB))/GB on average)" : ""
            return "\(title): marginal \(FigureText.dollars(cost.marginal)), standalone \(FigureText.dollars(cost.standalone))\(average)"
        }
        lines.append("Per month with storage: " + cost("Standard", month.standard) + "; " + cost("Infrequent Access", month.infrequentAccess) + ".")
        return lines
    }

    /// A price per GB: `$0.50`, `$0.075`, `$0.152` (up to four decimals, at least two).
    static func price(_ value: Double) -> String {
        let text = DecimalText.format(value, fractionDigits: 4, trimZeros: true)
        let decimals = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        return "$" + text + (decimals == 0 ? ".00" : decimals == 1 ? "0" : "")
    }

    /// GB of a month: `0`, `15.39`, `60,000`.
    static func gigabytes(_ value: Double) -> String {
        DecimalText.format(value, fractionDigits: 2, trimZeros: true, grouping: true)
    }

    /// `tier 1 ($0.50/GB) for 12.3 GB, tier 2 ($0.25/GB) for 4 GB`.
    static func slices(_ slices: [TierSlice]) -> String {
        slices.map { "tier \($0.tier) (\(price($0.pricePerGB))/GB) for \(gigabytes($0.toGB - $0.fromGB)) GB" }.joined(separator: ", ")
    }
}
