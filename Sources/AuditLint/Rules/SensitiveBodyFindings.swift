import AuditAnalysis
import AuditPolicy

/// Turns exposures of sensitive items into findings: one per item and responsible rule, at the
/// rule, with an example request.
enum SensitiveBodyFindings {
    private struct Key: Hashable {
        var item: String
        var rule: Int
    }

    static func findings(for rule: some LintRule, _ context: LintContext) -> [Diagnostic] {
        guard let analysis = context.analysis else { return [] }
        var grouped: [Key: [PolicyAnalysis.Exposure]] = [:]
        var order: [Key] = []
        for exposure in analysis.exposures(for: rule.id) {
            let index = exposure.ruleIndex
            let key = Key(item: exposure.item.item.id, rule: index)
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(exposure)
        }
        return order.compactMap { key in
            // The engine's order of classes is not stable between runs: sort for reproducible output.
            guard let exposures = grouped[key]?.sorted(by: { ($0.outcome.requests.description.text, RequestDescription.text($0.witness)) < ($1.outcome.requests.description.text, RequestDescription.text($1.witness)) }),
                  let first = exposures.first, key.rule < context.rules.count
            else { return nil }
            let item = first.item.item
            let level = first.outcome.decision.level
            let maximum = item.maximumLevel ?? .metadata
            let body = maximum == .metadata ? "request bodies" : "response bodies"
            let notes = exposures.prefix(3).map { exposure in
                "\(exposure.outcome.requests.description.text) gets \(exposure.outcome.decision.level.rawValue), e.g. \(RequestDescription.text(exposure.witness))"
            }
            return rule.finding(
                "\(context.ruleName(key.rule)) logs \(item.requestSummary) at \(level.rawValue): their \(body) hold \(first.item.data), written in clear text to the audit log",
                at: context.rules[key.rule].location, notes: notes,
                help: "log these requests at \(maximum.rawValue) with a rule above \(context.ruleName(key.rule))"
                    + (maximum == .metadata ? "" : " (or \(Level.metadata.rawValue))")
            )
        }
    }
}
