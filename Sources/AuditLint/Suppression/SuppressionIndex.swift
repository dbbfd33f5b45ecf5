import AuditPolicy

/// Which suppression comment silences a finding, found without comparing every finding with
/// every comment and every rule.
///
/// A comment silences a finding with one of its IDs on the comment's target line, or anywhere
/// inside a rule that starts on that line. The rules are items of one YAML sequence, so their
/// spans do not overlap: sorted by start, the one rule that can hold a location is found by a
/// binary search.
struct SuppressionIndex {
    private let suppressions: [Suppression]
    /// Suppression indices (in file order) by target line.
    private let byTargetLine: [Int: [Int]]
    /// The spans of the rules some comment targets, sorted by start, with the comments' indices.
    private let ruleSpans: [(start: SourceLocation, end: SourceLocation, suppressions: [Int])]

    init(suppressions: [Suppression], rules: [PolicyRule]) {
        self.suppressions = suppressions
        var byTargetLine: [Int: [Int]] = [:]
        for (index, suppression) in suppressions.enumerated() { byTargetLine[suppression.targetLine, default: []].append(index) }
        self.byTargetLine = byTargetLine
        ruleSpans = rules.compactMap { rule in
            byTargetLine[rule.location.line].map { (rule.location, rule.end, $0) }
        }.sorted { $0.start < $1.start }
    }

    /// The first comment (in file order) that silences `finding`, if any.
    func first(silencing finding: Diagnostic) -> Int? {
        guard let code = finding.code, let location = finding.location else { return nil }
        var candidates = byTargetLine[location.line] ?? []
        if let span = span(containing: location) { candidates += span }
        return candidates.filter { suppressions[$0].ids.contains(code) }.min()
    }

    /// The comments targeting the rule whose span holds `location`.
    private func span(containing location: SourceLocation) -> [Int]? {
        // The last span starting at or before the location.
        var low = 0, high = ruleSpans.count
        while low < high {
            let middle = (low + high) / 2
            if ruleSpans[middle].start <= location { low = middle + 1 } else { high = middle }
        }
        guard low > 0, location < ruleSpans[low - 1].end else { return nil }
        return ruleSpans[low - 1].suppressions
    }
}
