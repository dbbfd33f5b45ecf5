import Foundation

/// `--format csv`: one table in long form, a row per figure, for spreadsheets.
///
/// Columns: `section,policy,key,events,bytes,billed_bytes,events_share,bytes_share,events_per_day,`
/// `bytes_per_day,billed_gb_per_month,standard_ingestion_per_month,infrequent_access_ingestion_per_month`.
///
/// Sections: `pricing` (one row, first: the key names the pricing model, region, the account's
/// other vended GB a month and the clusters, e.g. `vended-tiered us-east-1 account=0GB clusters=1`),
/// `total` (one row per policy), `stage`, `level`, `rule`, `resource`, `verb`, `user`,
/// `identity`, `namespace` (every value, not only the top ones, largest first), `timeline` (key:
/// the bucket's start, RFC 3339), `whatif` (key: the baseline policy; figures are differences),
/// `suggestion` and `suggestion-combined` (key: the suggestion; figures are savings). Dollars
/// follow `assumptions.pricing` (tiers, account position, clusters): a breakdown row gets its
/// share of the policy's marginal ingestion cost; day and month figures are for every cluster
/// together. Shares are
/// fractions of the policy's total; per-day and per-month cells are empty when the corpus cannot
/// be scaled. Fields are quoted as RFC 4180 asks.
public enum EstimateCSV {
    /// The header row.
    public static let columns = [
        "section", "policy", "key", "events", "bytes", "billed_bytes", "events_share", "bytes_share", "events_per_day",
        "bytes_per_day", "billed_gb_per_month", "standard_ingestion_per_month", "infrequent_access_ingestion_per_month",
    ]

    /// The whole table, CRLF line ends as RFC 4180 asks.
    public static func render(_ report: EstimateReport) -> String {
        let assumptions = report.assumptions
        let pricing = assumptions.pricing
        let model = "\(pricing.model.rawValue) \(pricing.region) account=\(number(pricing.accountVendedGBMonth))GB clusters=\(pricing.clusters)"
        var rows: [[String]] = [columns, ["pricing", "", model] + Array(repeating: "", count: columns.count - 3)]
        // A breakdown row's dollars are its share of the policy's: its billed GB at the policy's
        // average marginal price per GB. What-if and suggestion rows carry their own pricing.
        func row(_ section: String, _ policy: String, _ key: String, _ tally: VolumeTally, total: VolumeTally?, priced: VolumeProjection) -> [String] {
            let projection = VolumeProjection(tally, scale: report.scale, assumptions: assumptions)
            let own = tally == total || total == nil
            func cost(_ figure: (VolumeProjection) -> ScaledFigure) -> Double? {
                if own { return figure(priced).perMonth }
                guard let gb = projection.billedGB.perMonth, let whole = priced.billedGB.perMonth, let dollars = figure(priced).perMonth else { return nil }
                return whole != 0 ? gb * dollars / whole : 0
            }
            return [
                section, policy, key, String(tally.events), String(tally.bytes),
                String(assumptions.prices.billedBytes(tally)),
                total.map { share(tally.events, $0.events) } ?? "", total.map { share(tally.bytes, $0.bytes) } ?? "",
                number(projection.events.perDay), number(projection.bytes.perDay), number(projection.billedGB.perMonth),
                number(cost(\.standardIngestionCost)), number(cost(\.infrequentAccessIngestionCost)),
            ]
        }
        for (index, policy) in report.volume.policies.enumerated() {
            let total = policy.total
            let priced = report.policies[index].projection
            func add(_ section: String, _ key: String, _ tally: VolumeTally) { rows.append(row(section, policy.policy, key, tally, total: total, priced: priced)) }
            add("total", "all", total)
            for stage in policy.stages.rows() { add("stage", stage.key, stage.tally) }
            for level in policy.levels where !level.tally.isEmpty { add("level", level.level.rawValue, level.tally) }
            for rule in policy.rules.filter({ !$0.tally.isEmpty }).sorted(by: { ($1.tally.bytes, $0.index) < ($0.tally.bytes, $1.index) }) {
                add("rule", "\(rule.label) \(rule.level.rawValue)", rule.tally)
            }
            for (dimension, table) in policy.breakdowns {
                for entry in table.rows() { add(dimension.rawValue, entry.key, entry.tally) }
            }
            for bucket in policy.timeline.sortedBuckets {
                add("timeline", UTCTime.format(microseconds: bucket.start * 1_000_000), bucket.tally)
            }
        }
        for comparison in report.whatIf {
            rows.append(row("whatif", comparison.policy, comparison.baseline, comparison.difference, total: nil, priced: comparison.projection))
        }
        for policy in report.suggestions.policies {
            for suggestion in policy.offered { rows.append(row("suggestion", policy.policy, suggestion.title, suggestion.saving, total: nil, priced: suggestion.projection)) }
            if let combined = policy.combined { rows.append(row("suggestion-combined", policy.policy, combined.title, combined.saving, total: nil, priced: combined.projection)) }
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func share(_ part: Int, _ whole: Int) -> String {
        whole > 0 ? number(Double(part) / Double(whole)) : ""
    }

    /// A number as a spreadsheet reads it: up to 6 decimals, no exponent, no grouping.
    private static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return DecimalText.format(value, fractionDigits: 6, trimZeros: true)
    }

    /// A field, quoted when it holds a comma, a quote or a line break.
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
