import Foundation

/// `--format csv`: one table in long form, a row per figure, for spreadsheets.
///
/// Columns: `section,policy,key,events,bytes,billed_bytes,events_share,bytes_share,events_per_day,`
/// `bytes_per_day,billed_gb_per_month,standard_ingestion_per_month,infrequent_access_ingestion_per_month`.
///
/// Sections: `total` (one row per policy), `stage`, `level`, `rule`, `resource`, `verb`, `user`,
/// `identity`, `namespace` (every value, not only the top ones, largest first), `timeline` (key:
/// the bucket's start, RFC 3339), `whatif` (key: the baseline policy; figures are differences),
/// `suggestion` and `suggestion-combined` (key: the suggestion; figures are savings). Shares are
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
        var rows: [[String]] = [columns]
        let assumptions = report.assumptions
        func row(_ section: String, _ policy: String, _ key: String, _ tally: VolumeTally, total: VolumeTally?) -> [String] {
            let projection = VolumeProjection(tally, scale: report.scale, prices: assumptions.prices, storage: assumptions.storage)
            return [
                section, policy, key, String(tally.events), String(tally.bytes),
                DecimalText.format(assumptions.prices.billedBytes(events: tally.events, bytes: tally.ingestedBytes), fractionDigits: 0),
                total.map { share(tally.events, $0.events) } ?? "", total.map { share(tally.bytes, $0.bytes) } ?? "",
                number(projection.events.perDay), number(projection.bytes.perDay), number(projection.billedGB.perMonth),
                number(projection.standardIngestionCost.perMonth), number(projection.infrequentAccessIngestionCost.perMonth),
            ]
        }
        for policy in report.volume.policies {
            let total = policy.total
            rows.append(row("total", policy.policy, "all", total, total: total))
            for stage in policy.stages.rows() { rows.append(row("stage", policy.policy, stage.key, stage.tally, total: total)) }
            for level in policy.levels where !level.tally.isEmpty { rows.append(row("level", policy.policy, level.level.rawValue, level.tally, total: total)) }
            for rule in policy.rules.filter({ !$0.tally.isEmpty }).sorted(by: { ($1.tally.bytes, $0.index) < ($0.tally.bytes, $1.index) }) {
                rows.append(row("rule", policy.policy, "\(rule.label) \(rule.level.rawValue)", rule.tally, total: total))
            }
            for (dimension, table) in policy.breakdowns {
                for entry in table.rows() { rows.append(row(dimension.rawValue, policy.policy, entry.key, entry.tally, total: total)) }
            }
            for bucket in policy.timeline.sortedBuckets {
                rows.append(row("timeline", policy.policy, UTCTime.format(microseconds: bucket.start * 1_000_000), bucket.tally, total: total))
            }
        }
        for comparison in report.whatIf {
            rows.append(row("whatif", comparison.policy, comparison.baseline, comparison.difference, total: nil))
        }
        for policy in report.suggestions.policies {
            for suggestion in policy.offered { rows.append(row("suggestion", policy.policy, suggestion.title, suggestion.saving, total: nil)) }
            if let combined = policy.combined { rows.append(row("suggestion-combined", policy.policy, combined.title, combined.saving, total: nil)) }
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
