/// `--html FILE`: the estimate as one self-contained HTML page (inline CSS and SVG, no script,
/// nothing fetched), for a person to read in a browser.
///
/// Key figures carry `data-metric` (a stable name such as `policy-1.billedGB.perDay`) and
/// `data-value` (the exact number), chart bars `data-key` and `data-value`, so the page can be
/// checked against the JSON report.
public enum EstimateHTML {
    /// The page.
    public static func render(_ report: EstimateReport) -> String {
        var page = Page()
        page.line("<!DOCTYPE html>")
        page.line("<html lang=\"en\"><head><meta charset=\"utf-8\">")
        page.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        page.line("<title>Audit log volume and cost: \(HTMLText.escape(report.volume.policies.map(\.policy).joined(separator: " vs ")))</title>")
        page.line("<style>\(stylesheet)</style></head><body>")
        header(report, into: &page)
        summary(report, into: &page)
        if !report.whatIf.isEmpty { whatIf(report, into: &page) }
        for (index, policy) in report.policies.enumerated() {
            section(report, policyIndex: index, estimate: policy, volume: report.volume.policies[index], into: &page)
        }
        footer(report, into: &page)
        page.line("</body></html>")
        return page.text
    }

    private static func header(_ report: EstimateReport, into page: inout Page) {
        let volume = report.volume
        page.line("<header><h1>Audit log volume and cost on CloudWatch</h1>")
        page.line("<p class=\"lead\">What kube-apiserver would write to CloudWatch Logs for the recorded traffic, scaled to a day and a month.</p>")
        page.line("<ul class=\"facts\">")
        page.line("<li>Read <b>\(FigureText.count(volume.rawEvents))</b> events (<b>\(FigureText.count(volume.requests))</b> requests) from \(HTMLText.escape(volume.inputs.joined(separator: ", ")))"
            + (volume.malformedLines > 0 ? "; \(FigureText.count(volume.malformedLines)) malformed lines skipped" : "") + ".</li>")
        page.line("<li>Time span: <span data-metric=\"scale.basis\" data-value=\"\(report.scale.basis.rawValue)\">\(HTMLText.escape(report.scale.explanation))</span>.</li>")
        if let day = report.scale.perDayFactor, let month = report.scale.perMonthFactor {
            page.line("<li>Scaled ×\(HTMLText.escape(FigureText.amount(day))) to a day and ×\(HTMLText.escape(FigureText.amount(month))) to a month of \(DecimalText.format(report.scale.daysPerMonth, fractionDigits: 4, trimZeros: true)) days (365.25 / 12).</li>")
        }
        page.line("</ul></header>")
    }

    private static func summary(_ report: EstimateReport, into page: inout Page) {
        page.line("<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">")
        for (index, policy) in report.policies.enumerated() {
            let projection = policy.projection
            let prefix = "policy-\(index + 1)"
            page.line("<div class=\"card\"><h3>\(HTMLText.escape(policy.policy))</h3><dl>")
            page.line("<dt>Events per day</dt><dd>\(metric("\(prefix).events.perDay", projection.events.perDay, FigureText.count))</dd>")
            page.line("<dt>Billed per day</dt><dd>\(metric("\(prefix).billedGB.perDay", projection.billedGB.perDay) { FigureText.amount($0) + " GB" })</dd>")
            page.line("<dt>Per month, Standard</dt><dd class=\"money\">\(metric("\(prefix).standardTotalCostPerMonth", projection.standardTotalCostPerMonth, FigureText.dollars))</dd>")
            page.line("<dt>Per month, Infrequent Access</dt><dd class=\"money\">\(metric("\(prefix).infrequentAccessTotalCostPerMonth", projection.infrequentAccessTotalCostPerMonth, FigureText.dollars))</dd>")
            page.line("<dt>Events over \(FigureText.count(report.volume.limits.maxEventSize)) bytes</dt><dd>\(metric("\(prefix).oversizeEvents", Double(report.volume.policies[index].oversize.events), FigureText.count))</dd>")
            page.line("</dl></div>")
        }
        page.line("</div></section>")
    }

    private static func whatIf(_ report: EstimateReport, into page: inout Page) {
        page.line("<section id=\"whatif\"><h2>What-if: against \(HTMLText.escape(report.whatIf.first?.baseline ?? ""))</h2>")
        page.line("<table><thead><tr><th>policy</th><th>events per day</th><th>billed per day</th><th>Standard per month</th><th>Infrequent Access per month</th></tr></thead><tbody>")
        for (index, comparison) in report.whatIf.enumerated() {
            let projection = comparison.projection
            let prefix = "whatif-\(index + 2)"
            page.line("<tr><td>\(HTMLText.escape(comparison.policy))</td>"
                + "<td class=\"num\">\(metric("\(prefix).events.perDay", projection.events.perDay, FigureText.signedCount))</td>"
                + "<td class=\"num\">\(metric("\(prefix).billedGB.perDay", projection.billedGB.perDay) { ($0 > 0 ? "+" : "") + FigureText.amount($0) + " GB" })</td>"
                + "<td class=\"num\">\(metric("\(prefix).standardTotalCostPerMonth", projection.standardTotalCostPerMonth, FigureText.signedDollars))</td>"
                + "<td class=\"num\">\(metric("\(prefix).infrequentAccessTotalCostPerMonth", projection.infrequentAccessTotalCostPerMonth, FigureText.signedDollars))</td></tr>")
        }
        page.line("</tbody></table>")
        let bars = report.policies.map { policy in
            HTMLCharts.Bar(label: policy.policy, value: policy.projection.standardTotalCostPerMonth ?? policy.projection.billedGB.corpus,
                           valueText: policy.projection.standardTotalCostPerMonth.map(FigureText.dollars) ?? FigureText.amount(policy.projection.billedGB.corpus) + " GB",
                           detail: "Standard, per month")
        }
        page.line("<figure><figcaption>Cost per month, Standard log class</figcaption>\(HTMLCharts.horizontalBars(bars, chart: "whatif", color: "#6a4c93"))</figure>")
        page.line("</section>")
    }

    private static func section(_ report: EstimateReport, policyIndex: Int, estimate: PolicyEstimate, volume: PolicyVolume, into page: inout Page) {
        let prefix = "policy-\(policyIndex + 1)"
        page.line("<section class=\"policy\" id=\"\(prefix)\"><h2>Policy \(policyIndex + 1): \(HTMLText.escape(estimate.policy))</h2>")
        figures(estimate.projection, prefix: prefix, report: report, into: &page)
        let rules = estimate.breakdown(.rule)?.byBytes ?? []
        page.line("<figure><figcaption>Bytes written by rule (top \(rules.count); the rule's line in the policy file)</figcaption>"
            + HTMLCharts.horizontalBars(rules.map(bar), chart: "\(prefix).rules", color: "#1f77b4") + "</figure>")
        let resources = estimate.breakdown(.resource)?.byBytes ?? []
        page.line("<figure><figcaption>Bytes written by resource (top \(resources.count))</figcaption>"
            + HTMLCharts.horizontalBars(resources.map(bar), chart: "\(prefix).resources", color: "#ff7f0e") + "</figure>")
        page.line("<figure><figcaption>Bytes written over time (\(HTMLText.escape(EstimateScale.describe(seconds: Double(volume.timeline.bucketSeconds)))) buckets, by the time kube-apiserver writes each event)</figcaption>"
            + HTMLCharts.timeline(volume.timeline, chart: "\(prefix).timeline", color: "#2ca02c") + "</figure>")
        for breakdown in estimate.breakdowns {
            table(breakdown, prefix: prefix, into: &page)
        }
        if let suggestions = report.suggestions.policies.first(where: { $0.policy == estimate.policy }) {
            self.suggestions(suggestions, prefix: prefix, into: &page)
        } else if let reason = report.suggestions.unavailableReason {
            page.line("<p class=\"note\">Suggestions: \(HTMLText.escape(reason)).</p>")
        }
        page.line("</section>")
    }

    private static func figures(_ projection: VolumeProjection, prefix: String, report: EstimateReport, into page: inout Page) {
        page.line("<table class=\"figures\"><thead><tr><th></th><th>corpus</th><th>per day</th><th>per month</th></tr></thead><tbody>")
        func row(_ title: String, _ name: String, _ figure: ScaledFigure, _ format: @escaping (Double) -> String) {
            page.line("<tr><th>\(HTMLText.escape(title))</th><td class=\"num\">\(metric("\(prefix).\(name).corpus", figure.corpus, format))</td>"
                + "<td class=\"num\">\(metric("\(prefix).\(name).perDay", figure.perDay, format))</td>"
                + "<td class=\"num\">\(metric("\(prefix).\(name).perMonth", figure.perMonth, format))</td></tr>")
        }
        let prices = report.assumptions.prices
        row("events", "events", projection.events, FigureText.count)
        row("bytes written (JSON lines)", "bytes", projection.bytes, FigureText.count)
        if projection.ingestedBytes.corpus != projection.bytes.corpus {
            row("bytes ingested (cut to the limit)", "ingestedBytes", projection.ingestedBytes, FigureText.count)
        }
        row("bytes billed (+\(prices.eventOverheadBytes) per event)", "billedBytes", projection.billedBytes, FigureText.count)
        row("GB billed", "billedGB", projection.billedGB, FigureText.amount)
        let pricing = report.assumptions.pricing
        let margin = pricing.model == .vendedTiered ? "at the margin" : "flat"
        row("ingestion, Standard (\(margin))", "standardIngestionCost", projection.standardIngestionCost, FigureText.dollars)
        row("ingestion, Infrequent Access (\(margin))", "infrequentAccessIngestionCost", projection.infrequentAccessIngestionCost, FigureText.dollars)
        let storage = report.assumptions.storage
        let stored = projection.storedGB.map { FigureText.amount($0) + " GB stored" } ?? "not scaled"
        page.line("<tr><th>storage at steady state (\(storage.retentionDays.map { "\($0) days" } ?? "never expires: after \(StorageModel.neverExpireHorizonDays) days"), \(HTMLText.escape(stored)))</th><td></td><td></td>"
            + "<td class=\"num\">\(metric("\(prefix).standardStorageCostPerMonth", projection.standardStorageCostPerMonth, FigureText.dollars))</td></tr>")
        page.line("<tr class=\"total\"><th>total, Standard</th><td></td><td></td><td class=\"num\">\(metric("\(prefix).standardTotalCostPerMonth", projection.standardTotalCostPerMonth, FigureText.dollars))</td></tr>")
        page.line("<tr class=\"total\"><th>total, Infrequent Access</th><td></td><td></td><td class=\"num\">\(metric("\(prefix).infrequentAccessTotalCostPerMonth", projection.infrequentAccessTotalCostPerMonth, FigureText.dollars))</td></tr>")
        page.line("</tbody></table>")
        if let month = projection.monthlyCost { self.month(month, prefix: prefix, pricing: pricing, into: &page) }
    }

    /// Marginal and standalone cost per class, and the month's place in the tiers as a chart.
    private static func month(_ month: MonthlyCost, prefix: String, pricing: PricingAssumptions, into page: inout Page) {
        page.line("<table class=\"figures month\"><thead><tr><th>per month, with storage</th><th>marginal (on top of the account)</th><th>standalone (alone)</th></tr></thead><tbody>")
        for (title, name, cost) in [("Standard", "standard", month.standard), ("Infrequent Access", "infrequentAccess", month.infrequentAccess)] {
            page.line("<tr><th>\(title)</th><td class=\"num\">\(metric("\(prefix).monthlyCost.\(name).marginal", cost.marginal, FigureText.dollars))</td>"
                + "<td class=\"num\">\(metric("\(prefix).monthlyCost.\(name).standalone", cost.standalone, FigureText.dollars))</td></tr>")
        }
        page.line("</tbody></table>")
        for line in PricingText.month(month, pricing: pricing) { page.line("<p class=\"note\">\(HTMLText.escape(line))</p>") }
        if pricing.model == .vendedTiered {
            page.line("<figure><figcaption>Where the month falls in the Standard tiers: the account's other vended logs, then this estimate's slice</figcaption>"
                + HTMLCharts.tierPosition(tiers: pricing.tiers.standard, accountGB: pricing.accountVendedGBMonth, sliceFromGB: month.startGB,
                                          sliceToGB: month.startGB + abs(month.billedGB), chart: "\(prefix).tiers", color: "#d62728") + "</figure>")
        }
    }

    private static func table(_ breakdown: RankedBreakdown, prefix: String, into page: inout Page) {
        let name = breakdown.dimension.rawValue
        page.line("<details class=\"breakdown\" data-breakdown=\"\(prefix).\(name)\"\(breakdown.dimension == .rule ? " open" : "")><summary>Top \(HTMLText.escape(breakdown.dimension.plural)) (\(FigureText.count(breakdown.distinctValues)) in all)</summary><div class=\"pair\">")
        for (measure, rows) in [("bytes", breakdown.byBytes), ("events", breakdown.byEvents)] {
            page.line("<table data-ranking=\"\(measure)\"><caption>by \(measure)</caption><thead><tr><th>\(HTMLText.escape(name))</th><th>events</th><th>share</th><th>bytes</th><th>share</th></tr></thead><tbody>")
            for row in rows {
                page.line("<tr><td class=\"key\">\(HTMLText.escape(row.key))</td><td class=\"num\">\(FigureText.count(row.events))</td><td class=\"num\">\(FigureText.percent(row.eventsShare))</td>"
                    + "<td class=\"num\" data-value=\"\(row.bytes)\">\(FigureText.bytes(Double(row.bytes)))</td><td class=\"num\">\(FigureText.percent(row.bytesShare))</td></tr>")
            }
            page.line("</tbody></table>")
        }
        page.line("</div></details>")
    }

    private static func suggestions(_ suggestions: PolicySuggestions, prefix: String, into page: inout Page) {
        page.line("<div class=\"suggestions\"><h3>Suggestions</h3>")
        if suggestions.offered.isEmpty {
            page.line("<p>No change found that saves bytes without opening a gap on the security checklist.</p>")
        } else {
            page.line("<p>Each change below was replayed over the same corpus, and checked over every possible request against the security checklist: it stops logging nothing the checklist needs, and lowers nothing below the level a checklist row requires.</p><ol>")
            for (index, suggestion) in suggestions.offered.enumerated() {
                item(suggestion, metricName: "\(prefix).suggestion-\(index + 1)", into: &page)
            }
            page.line("</ol>")
            if let combined = suggestions.combined { item(combined, metricName: "\(prefix).suggestions-combined", into: &page, tag: "div") }
        }
        if !suggestions.refused.isEmpty {
            page.line("<h4>Refused: they would open a gap on the checklist</h4><ul>")
            for suggestion in suggestions.refused {
                page.line("<li><b>\(HTMLText.escape(suggestion.title))</b>: would save \(FigureText.bytes(suggestion.projection.billedBytes.corpus)) billed over the corpus"
                    + (suggestion.projection.standardTotalCostPerMonth.map { " (\(FigureText.dollars($0)) a month)" } ?? "")
                    + "<ul>" + suggestion.checklist.gaps.prefix(3).map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul></li>")
            }
            page.line("</ul>")
        }
        page.line("</div>")
    }

    private static func item(_ suggestion: Suggestion, metricName: String, into page: inout Page, tag: String = "li") {
        let projection = suggestion.projection
        page.line("<\(tag) class=\"suggestion\" data-suggestion=\"\(HTMLText.escape(suggestion.id))\"><b>\(HTMLText.escape(suggestion.title))</b>: saves "
            + metric("\(metricName).billedBytes.corpus", projection.billedBytes.corpus) { FigureText.bytes($0) } + " billed over the corpus"
            + (projection.billedGB.perDay.map { ", " + FigureText.amount($0) + " GB a day" } ?? "")
            + (projection.standardTotalCostPerMonth != nil ? ", " + metric("\(metricName).standardTotalCostPerMonth", projection.standardTotalCostPerMonth, FigureText.dollars) + " a month (Standard)" : "")
            + ".<p>Why: \(HTMLText.escape(suggestion.rationale)).</p>"
            + "<pre>\(HTMLText.escape(suggestion.change.joined(separator: "\n")))</pre>"
            + "<p class=\"proof\">Checklist: \(suggestion.checklist.rowsChecked) rows checked, \(suggestion.checklist.changedRequestClasses) classes of requests change, no gap opened.</p></\(tag)>")
    }

    private static func footer(_ report: EstimateReport, into page: inout Page) {
        let prices = report.assumptions.prices
        let storage = report.assumptions.storage
        page.line("<footer><h2>How these figures are made</h2><ul>")
        page.line("<li>Each event is billed for its JSON line as CloudWatch ingests it (an event over \(FigureText.count(report.volume.limits.maxEventSize)) bytes arrives cut to that size) plus \(prices.eventOverheadBytes) bytes; 1 GB = \(FigureText.count(prices.bytesPerGB)) bytes.</li>")
        let pricing = report.assumptions.pricing
        page.line("<li data-metric=\"pricing.model\" data-value=\"\(pricing.model.rawValue)\">" + PricingText.assumptions(pricing).map(HTMLText.escape).joined(separator: "<br>") + "</li>")
        page.line("<li>Pricing sources (\(HTMLText.escape(pricing.asOf))): \(HTMLText.escape(pricing.sources.joined(separator: " ")))</li>")
        page.line("<li>Storage: \(FigureText.dollars(prices.standardStoragePerGBMonth)) (Standard) and \(FigureText.dollars(prices.infrequentAccessStoragePerGBMonth)) (Infrequent Access) per GB-month compressed. Source: \(HTMLText.escape(prices.source)); as of \(HTMLText.escape(prices.asOf)).</li>")
        page.line("<li>Storage at steady state: daily billed bytes ÷ \(DecimalText.format(storage.compressionRatio, fractionDigits: 2, trimZeros: true)) (compression) × \(storage.storedDays) days retained\(storage.retentionDays == nil ? " (never expires: shown after one year)" : "").</li>")
        page.line("<li>Generated by auditsim estimate; a corpus of a few minutes stands for a day only if its traffic is typical of the day.</li>")
        page.line("</ul></footer>")
    }

    /// A figure with its metric name and exact value; `n/a` when not known.
    private static func metric(_ name: String, _ value: Double?, _ format: (Double) -> String) -> String {
        guard let value else { return "<span data-metric=\"\(HTMLText.escape(name))\" class=\"na\">n/a</span>" }
        return "<span data-metric=\"\(HTMLText.escape(name))\" data-value=\"\(DecimalText.format(value, fractionDigits: 6, trimZeros: true))\">\(HTMLText.escape(format(value)))</span>"
    }

    private static func bar(_ row: ShareRow) -> HTMLCharts.Bar {
        HTMLCharts.Bar(label: row.key, value: Double(row.bytes),
                       valueText: FigureText.bytes(Double(row.bytes)) + " · " + FigureText.percent(row.bytesShare),
                       detail: "\(FigureText.count(row.bytes)) bytes, \(FigureText.count(row.events)) events (\(FigureText.percent(row.eventsShare)) of events)")
    }

    private struct Page {
        var text = ""
        mutating func line(_ line: String) { text += line + "\n" }
    }

    private static let stylesheet = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:24px;color:#222;background:#fff;line-height:1.45}
    h1{font-size:1.7em;margin:0 0 .2em}h2{border-bottom:2px solid #eee;padding-bottom:.2em;margin-top:1.6em}
    .lead{color:#555}.facts li{margin:.2em 0}
    .cards{display:flex;flex-wrap:wrap;gap:16px}.card{border:1px solid #ddd;border-radius:8px;padding:12px 16px;min-width:280px;flex:1}
    .card h3{margin:0 0 .4em;font-size:1.05em;word-break:break-all}.card dl{display:grid;grid-template-columns:auto auto;gap:4px 12px;margin:0}
    .card dt{color:#555}.card dd{margin:0;text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
    table{border-collapse:collapse;margin:.6em 0}th,td{padding:3px 10px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
    td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.key{word-break:break-all;max-width:420px}
    table.figures th{font-weight:normal;color:#333}tr.total th,tr.total td{font-weight:600}caption{text-align:left;color:#555;font-style:italic}
    figure{margin:1em 0}figcaption{font-weight:600;margin-bottom:.3em}
    .chart{max-width:100%;height:auto;font-size:12px}.bar-label,.bar-value,.axis-label{fill:#333}.empty{fill:#888}
    details.breakdown{margin:.5em 0}details summary{cursor:pointer;font-weight:600}.pair{display:flex;flex-wrap:wrap;gap:24px}
    .suggestions pre{background:#f6f8fa;padding:8px 12px;border-radius:6px;overflow-x:auto}.proof{color:#2a7a2a}
    .note,.na{color:#888}footer{margin-top:2em;color:#444;font-size:.92em}
    """
}
