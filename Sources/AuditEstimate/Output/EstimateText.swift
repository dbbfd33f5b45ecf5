import AuditPolicy

/// The text report of `auditsim estimate`, for a terminal: every string that came from an input
/// (file and policy names, resources, users, namespaces, suggestion texts) is escaped with
/// `TerminalEscaping`, so no input can rewrite the terminal.
public enum EstimateText {
    /// The whole report.
    public static func render(_ report: EstimateReport) -> String {
        EstimateTextWriter(report: report).text
    }
}

/// Writes one report's text.
private struct EstimateTextWriter {
    var report: EstimateReport

    var text: String {
        var lines: [String] = []
        let volume = report.volume
        let files = volume.inputs.count == 1 ? shown(volume.inputs[0]) : "\(volume.inputs.count) inputs"
        lines.append("Read \(FigureText.count(volume.rawEvents)) events from \(files): \(FigureText.count(volume.requests)) requests.")
        var notes: [String] = []
        if volume.incompleteRequests > 0 { notes.append("\(FigureText.count(volume.incompleteRequests)) without their last stage (sizes are lower bounds)") }
        if volume.duplicateEvents > 0 { notes.append("\(FigureText.count(volume.duplicateEvents)) duplicate or late events ignored") }
        if volume.malformedLines > 0 { notes.append("\(FigureText.count(volume.malformedLines)) malformed lines skipped (auditsim replay lists them)") }
        for note in notes { lines.append("  \(note)") }
        let scale = report.scale
        lines.append("Time span: \(scale.explanation).")
        if let day = scale.perDayFactor, let month = scale.perMonthFactor {
            lines.append("Scaled ×\(FigureText.amount(day)) to a day and ×\(FigureText.amount(month)) to a month (\(DecimalText.format(scale.daysPerMonth, fractionDigits: 4, trimZeros: true)) days: 365.25 / 12).")
        }
        lines.append(contentsOf: assumptions())
        if report.policies.count > 1 { lines.append(contentsOf: comparison()) }
        for (index, policy) in report.policies.enumerated() {
            lines.append(contentsOf: section(policy, volume: volume.policies[index], number: index + 1))
        }
        lines.append(contentsOf: suggestions())
        return lines.joined(separator: "\n") + "\n"
    }

    private func assumptions() -> [String] {
        let prices = report.assumptions.prices
        let storage = report.assumptions.storage
        let gb = prices.bytesPerGB == 1 << 30 ? "2^30" : FigureText.count(prices.bytesPerGB)
        return [
            "Billing: each event counts as its JSON line as CloudWatch ingests it (cut to \(FigureText.count(report.volume.limits.maxEventSize)) bytes when over the limit) plus \(prices.eventOverheadBytes) bytes; 1 GB = \(gb) bytes.",
        ] + PricingText.assumptions(report.assumptions.pricing) + [
            "Storage: \(FigureText.dollars(prices.standardStoragePerGBMonth)) (Standard) and \(FigureText.dollars(prices.infrequentAccessStoragePerGBMonth)) (Infrequent Access) per GB-month compressed; "
                + "steady state of \(storage.retentionDays.map { "\($0) days" } ?? "a log group that never expires, after \(StorageModel.neverExpireHorizonDays) days") retained, compressed \(DecimalText.format(storage.compressionRatio, fractionDigits: 2, trimZeros: true)):1.",
        ]
    }

    /// Policies side by side, and the differences against the first.
    private func comparison() -> [String] {
        var rows: [[String]] = [[""] + report.policies.indices.map { "policy \($0 + 1)" }]
        func row(_ title: String, _ value: (PolicyEstimate) -> String) { rows.append([title] + report.policies.map(value)) }
        row("events per day") { optional($0.projection.events.perDay, FigureText.count) }
        row("GB billed per day") { optional($0.projection.billedGB.perDay, FigureText.amount) }
        row("Standard per month") { optional($0.projection.standardTotalCostPerMonth, FigureText.dollars) }
        row("Infrequent Access per month") { optional($0.projection.infrequentAccessTotalCostPerMonth, FigureText.dollars) }
        var lines = ["", "Side by side:"]
        for (index, policy) in report.policies.enumerated() { lines.append("  policy \(index + 1): \(shown(policy.policy))") }
        lines.append(contentsOf: TextTable.render(rows, rightAligned: 1...).map { "  " + $0 })
        lines.append("")
        lines.append("What-if, against policy 1:")
        for (index, comparison) in report.whatIf.enumerated() {
            let projection = comparison.projection
            var parts = ["\(FigureText.signedCount(Double(comparison.difference.events))) events and \(FigureText.signedBytes(Double(comparison.difference.bytes))) over the corpus"]
            if let events = projection.events.perDay, let gb = projection.billedGB.perDay, let monthlyEvents = projection.events.perMonth, let monthlyGB = projection.billedGB.perMonth {
                parts.append("\(FigureText.signedCount(events)) events and \((gb > 0 ? "+" : "") + FigureText.amount(gb)) GB billed a day, "
                    + "\(FigureText.signedCount(monthlyEvents)) events and \((monthlyGB > 0 ? "+" : "") + FigureText.amount(monthlyGB)) GB a month")
            }
            if let standard = projection.standardTotalCostPerMonth, let infrequent = projection.infrequentAccessTotalCostPerMonth {
                parts.append("\(FigureText.signedDollars(standard)) a month Standard, \(FigureText.signedDollars(infrequent)) Infrequent Access")
            }
            lines.append("  policy \(index + 2): " + parts.joined(separator: "; "))
        }
        return lines
    }

    private func section(_ policy: PolicyEstimate, volume: PolicyVolume, number: Int) -> [String] {
        var lines = ["", "Policy \(number): \(shown(policy.policy))"]
        let projection = policy.projection
        var rows: [[String]] = [["", "corpus", "per day", "per month"]]
        func row(_ title: String, _ figure: ScaledFigure, _ format: (Double) -> String) {
            rows.append([title, format(figure.corpus), optional(figure.perDay, format), optional(figure.perMonth, format)])
        }
        let prices = report.assumptions.prices
        row("events", projection.events, FigureText.count)
        row("bytes written", projection.bytes, FigureText.count)
        if volume.total.ingestedBytes != volume.total.bytes {
            row("bytes ingested (cut to the limit)", projection.ingestedBytes, FigureText.count)
        }
        row("bytes billed (+\(prices.eventOverheadBytes)/event)", projection.billedBytes, FigureText.count)
        row("GB billed", projection.billedGB, FigureText.amount)
        row("ingestion, Standard", projection.standardIngestionCost, FigureText.dollars)
        row("ingestion, Infrequent Access", projection.infrequentAccessIngestionCost, FigureText.dollars)
        rows.append(["storage, Standard", "", "", optional(projection.standardStorageCostPerMonth, FigureText.dollars)])
        rows.append(["storage, Infrequent Access", "", "", optional(projection.infrequentAccessStorageCostPerMonth, FigureText.dollars)])
        rows.append(["total, Standard", "", "", optional(projection.standardTotalCostPerMonth, FigureText.dollars)])
        rows.append(["total, Infrequent Access", "", "", optional(projection.infrequentAccessTotalCostPerMonth, FigureText.dollars)])
        lines.append(contentsOf: TextTable.render(rows, rightAligned: 1...).map { "  " + $0 })
        if let stored = projection.storedGB { lines.append("  Stored at steady state: \(FigureText.amount(stored)) GB compressed.") }
        if let month = projection.monthlyCost { lines.append(contentsOf: PricingText.month(month, pricing: report.assumptions.pricing).map { "  " + $0 }) }
        let limits = report.volume.limits
        let oversize = volume.oversize
        var over = "  Events over \(FigureText.count(limits.maxEventSize)) bytes: \(FigureText.count(oversize.events))"
        if let perDay = policy.oversizeEvents.perDay { over += " (\(FigureText.count(perDay)) a day)" }
        over += ", \(FigureText.count(oversize.arriveCut)) arriving cut; over CloudWatch's \(FigureText.count(limits.cloudWatchMaxEventSize)): \(FigureText.count(oversize.overCloudWatchMaxEventSize))."
        lines.append(over)
        if volume.lowerBound.requests > 0 {
            lines.append("  Lower bounds: \(FigureText.count(volume.lowerBound.requests)) requests lack a body or stage their level includes; their \(FigureText.count(volume.lowerBound.tally.bytes)) bytes are at least that.")
        }
        for breakdown in policy.breakdowns {
            lines.append(contentsOf: ranking(breakdown))
        }
        return lines
    }

    private func ranking(_ breakdown: RankedBreakdown) -> [String] {
        guard !breakdown.byBytes.isEmpty else { return [] }
        var lines: [String] = []
        let more = breakdown.distinctValues > breakdown.byBytes.count ? " of \(FigureText.count(breakdown.distinctValues))" : ""
        for (title, rows) in [("bytes", breakdown.byBytes), ("events", breakdown.byEvents)] {
            lines.append("")
            lines.append("  Top \(rows.count)\(more) \(breakdown.dimension.plural) by \(title):")
            var table: [[String]] = [[breakdown.dimension.rawValue, "events", "share", "bytes", "share", "per day"]]
            for row in rows {
                table.append([shown(row.key), FigureText.count(row.events), FigureText.percent(row.eventsShare), FigureText.bytes(Double(row.bytes)),
                              FigureText.percent(row.bytesShare), optional(row.bytesPerDay, FigureText.bytes)])
            }
            lines.append(contentsOf: TextTable.render(table, rightAligned: 1...).map { "    " + $0 })
        }
        return lines
    }

    private func suggestions() -> [String] {
        let section = report.suggestions
        if let reason = section.unavailableReason { return ["", "Suggestions: \(reason)."] }
        var lines: [String] = []
        for policy in section.policies {
            lines.append("")
            guard !policy.offered.isEmpty else {
                lines.append("Suggestions for \(shown(policy.policy)): none; no change found that saves bytes without opening a gap on the security checklist.")
                lines.append(contentsOf: refused(policy))
                continue
            }
            lines.append("Suggestions for \(shown(policy.policy)), largest saving first. Each was replayed over the same corpus and checked over every possible request")
            lines.append("against the security checklist: it stops logging nothing a row needs and lowers nothing below a row's level.")
            for (index, suggestion) in policy.offered.enumerated() {
                lines.append(contentsOf: item(suggestion, number: "\(index + 1)."))
            }
            if let combined = policy.combined { lines.append(contentsOf: item(combined, number: "Together:")) }
            lines.append(contentsOf: refused(policy))
        }
        return lines
    }

    private func item(_ suggestion: Suggestion, number: String) -> [String] {
        var lines = ["", "  \(number) \(shown(suggestion.title))", "     saves \(saving(suggestion))."]
        lines.append("     Why: \(shown(suggestion.rationale)).")
        lines.append(contentsOf: suggestion.change.map { "       " + shown($0) })
        lines.append("     Checklist: \(suggestion.checklist.rowsChecked) rows checked; \(suggestion.checklist.changedRequestClasses) classes of requests change; no gap.")
        return lines
    }

    private func refused(_ policy: PolicySuggestions) -> [String] {
        guard !policy.refused.isEmpty else { return [] }
        var lines = ["", "  Refused, because they would open a gap on the security checklist:"]
        for suggestion in policy.refused {
            lines.append("  - \(shown(suggestion.title)): would save \(saving(suggestion)), but")
            for gap in suggestion.checklist.gaps.prefix(3) { lines.append("      \(shown(gap))") }
            if suggestion.checklist.gaps.count > 3 { lines.append("      ... and \(suggestion.checklist.gaps.count - 3) more") }
        }
        return lines
    }

    private func saving(_ suggestion: Suggestion) -> String {
        SuggestionSavingText.text(suggestion, in: report)
    }

    private func optional(_ value: Double?, _ format: (Double) -> String) -> String {
        value.map(format) ?? "n/a"
    }

    /// Text from an input, safe for a terminal.
    private func shown(_ text: String) -> String {
        TerminalEscaping.escaped(text)
    }
}
