/// What a suggestion saves, as the estimate prints it and as `--write-policy` comments it.
enum SuggestionSavingText {
    /// `12 events and 48.2 KiB billed over the corpus (1.8% of the policy's bill), 0.0132 GB a
    /// day, $0.21 a month Standard ($0.11 Infrequent Access)`.
    static func text(_ suggestion: Suggestion, in report: EstimateReport) -> String {
        let projection = suggestion.projection
        let prices = report.assumptions.prices
        let billed = Double(prices.billedBytes(suggestion.saving))
        let total = report.volume.policies.first { $0.policy == suggestion.policy }.map { Double(prices.billedBytes($0.total)) } ?? 0
        var text = suggestion.saving.events != 0 ? "\(FigureText.count(suggestion.saving.events)) events and " : ""
        text += "\(FigureText.bytes(billed)) billed over the corpus"
        if total > 0 { text += " (\(FigureText.percent(billed / total)) of the policy's bill)" }
        if let gb = projection.billedGB.perDay { text += ", \(FigureText.amount(gb)) GB a day" }
        if let standard = projection.standardTotalCostPerMonth, let infrequent = projection.infrequentAccessTotalCostPerMonth {
            text += ", \(FigureText.dollars(standard)) a month Standard (\(FigureText.dollars(infrequent)) Infrequent Access)"
        }
        return text
    }
}
