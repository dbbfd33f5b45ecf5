import AuditPolicy
import Foundation

/// Text, Markdown and JSON renderings of a `PolicyDiff` (`auditsim diff`). Text and Markdown
/// escape every line for a terminal.
public struct DiffRendering: Sendable {
    let diff: PolicyDiff
    let regressions: [PolicyDiff.Regression]
    let old: AnalysisPolicy
    let new: AnalysisPolicy
    /// What each change affects in a recorded corpus, when one was given.
    let corpus: DiffCorpusCounts?
    /// Whether advisory regressions (rows that depend on authorization) count as regressions.
    let strict: Bool

    /// The regressions that fail the gate, and the advisory ones.
    private var gating: [PolicyDiff.Regression] { regressions.filter { $0.gates(strict: strict) } }
    private var advisory: [PolicyDiff.Regression] { regressions.filter { !$0.gates(strict: strict) } }
    private static let advisoryNote = "advisory: depends on what RBAC grants, which the policy cannot see (--strict counts it)"

    /// The renderings of `diff` between `old` and `new`, its checklist `regressions` (advisory ones
    /// gate only when `strict`), and what each change affects in a recorded corpus.
    public init(diff: PolicyDiff, regressions: [PolicyDiff.Regression], old: AnalysisPolicy, new: AnalysisPolicy, corpus: DiffCorpusCounts?, strict: Bool = false) {
        self.diff = diff
        self.regressions = regressions
        self.old = old
        self.new = new
        self.corpus = corpus
        self.strict = strict
    }

    private func bytesText(_ bytes: Int) -> String {
        if let perDay = corpus?.perDay(bytes) { return Self.size(perDay) + "/day" }
        return Self.size(Double(bytes))
    }

    /// A byte count with a binary unit.
    static func size(_ bytes: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = bytes
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(Int(value)) B" : String(format: "%.1f %@", value, units[unit])
    }

    private func corpusText(_ index: Int) -> String? {
        guard let corpus else { return nil }
        let counts = corpus.counts[index]
        return "\(counts.requests) of \(corpus.requests) recorded requests; \(bytesText(counts.oldBytes)) → \(bytesText(counts.newBytes))"
    }

    private func levelText(_ change: PolicyDiff.Change) -> String {
        change.oldEmission.level == change.newEmission.level
            ? "\(change.newEmission.level.rawValue) (unchanged)"
            : "\(change.oldEmission.level.rawValue) → \(change.newEmission.level.rawValue)"
    }

    private func stagesText(_ change: PolicyDiff.Change) -> String {
        var parts: [String] = []
        if !change.stagesGained.isEmpty { parts.append("gains " + AnalysisText.stages(change.stagesGained)) }
        if !change.stagesLost.isEmpty { parts.append("loses " + AnalysisText.stages(change.stagesLost)) }
        return parts.isEmpty ? "unchanged (\(AnalysisText.stages(change.newEmission.stages)))" : parts.joined(separator: "; ")
    }

    private func managedFieldsText(_ change: PolicyDiff.Change) -> String? {
        let before = change.oldEmission.omitManagedFields, after = change.newEmission.omitManagedFields
        guard before != after, before != nil || after != nil else { return nil }
        func word(_ value: Bool?) -> String { value.map { $0 ? "omitted" : "kept" } ?? "no bodies" }
        return "\(word(before)) → \(word(after))"
    }

    /// The text report.
    public var text: String {
        var lines = ["\(old.name) → \(new.name) (kube-apiserver \(diff.new.kubernetesVersion))"]
        if diff.changes.isEmpty {
            lines.append("no request is logged differently")
        } else {
            lines.append("\(diff.changes.count) class\(diff.changes.count == 1 ? "" : "es") of requests logged differently:")
        }
        if let corpus {
            lines.append("corpus: \(corpus.requests) recorded requests" + (corpus.days.map { " over " + Self.span(days: $0) } ?? " (no timestamps: totals, not per day)"))
        }
        for (number, change) in diff.changes.enumerated() {
            lines.append("")
            lines.append("\(number + 1). \(change.requests.description.text)")
            lines.append("   level          \(levelText(change))")
            lines.append("   stages         \(stagesText(change))")
            if let managed = managedFieldsText(change) { lines.append("   managedFields  \(managed)") }
            lines.append("   decided by     old \(old.ruleText(change.old.ruleIndex)) → new \(new.ruleText(change.new.ruleIndex))")
            lines.append("   example        \(RequestDescription.text(change.requests.witness))")
            if let affected = corpusText(number) { lines.append("   corpus         \(affected)") }
        }
        lines.append("")
        for (title, listed) in [("security checklist regressions", gating), ("security checklist advisories", advisory)] where !listed.isEmpty {
            lines.append("\(title) (\(listed.count)):")
            for regression in listed {
                lines.append("  \(regression.item.id) \(regression.item.title): \(regression.requests.description.text)")
                lines.append("      \(regression.old.level.rawValue) → \(regression.new.level.rawValue): \(regression.problem) (needs \(regression.item.requirement.neededLevel.rawValue)); new \(new.ruleText(regression.new.ruleIndex))")
                lines.append("      example: \(RequestDescription.text(regression.requests.witness))")
                if !regression.gates(strict: strict) { lines.append("      \(Self.advisoryNote)") }
            }
        }
        if gating.isEmpty { lines.append("security checklist: no regression") }
        return lines.map(TerminalEscaping.escaped).joined(separator: "\n") + "\n"
    }

    /// A Markdown report, for pull-request comments.
    public var markdown: String {
        var lines = ["### Audit policy diff: `\(old.name)` → `\(new.name)`", ""]
        if diff.changes.isEmpty {
            lines.append("No request is logged differently.")
        } else {
            lines.append("| Requests | Level | Stages | Decided by (old → new) | Example |" + (corpus == nil ? "" : " Corpus |"))
            lines.append("|---|---|---|---|---|" + (corpus == nil ? "" : "---|"))
            for (number, change) in diff.changes.enumerated() {
                var stages = stagesText(change)
                if let managed = managedFieldsText(change) { stages += "; managedFields " + managed }
                lines.append("| " + [
                    change.requests.description.text, levelText(change), stages,
                    "\(old.ruleText(change.old.ruleIndex)) → \(new.ruleText(change.new.ruleIndex))",
                    "`\(RequestDescription.text(change.requests.witness))`",
                ].map(AnalysisText.cell).joined(separator: " | ") + " |" + (corpusText(number).map { " \(AnalysisText.cell($0)) |" } ?? ""))
            }
        }
        lines.append("")
        if gating.isEmpty, advisory.isEmpty {
            lines.append("**Security checklist:** no regression.")
        } else {
            lines.append("**Security checklist regressions:**")
            lines.append("")
            lines.append("| Item | Requests | Level | Problem | Example |")
            lines.append("|---|---|---|---|---|")
            for regression in regressions {
                lines.append("| " + [
                    "\(regression.item.id) \(regression.item.title)" + (regression.gates(strict: strict) ? "" : " (advisory: depends on RBAC)"), regression.requests.description.text,
                    "\(regression.old.level.rawValue) → \(regression.new.level.rawValue)",
                    "\(regression.problem) (needs \(regression.item.requirement.neededLevel.rawValue))",
                    "`\(RequestDescription.text(regression.requests.witness))`",
                ].map(AnalysisText.cell).joined(separator: " | ") + " |")
            }
        }
        return lines.map(TerminalEscaping.escaped).joined(separator: "\n") + "\n"
    }

    /// `diff --format json`.
    public struct JSONReport: Encodable, Sendable {
        public struct Side: Encodable, Sendable {
            public var level: Level
            public var stages: [Stage]
            public var omitManagedFields: Bool?
            public var rule: Int?
            public var line: Int?
        }

        public struct Corpus: Encodable, Sendable {
            public var requests: Int
            public var oldBytes: Int
            public var newBytes: Int
            public var oldBytesPerDay: Double?
            public var newBytesPerDay: Double?
        }

        public struct CorpusSummary: Encodable, Sendable {
            public var requests: Int
            public var days: Double?
        }

        public struct Change: Encodable, Sendable {
            public var requests: RequestClassDescription
            public var example: RequestAttributes
            public var old: Side
            public var new: Side
            public var stagesGained: [Stage]
            public var stagesLost: [Stage]
            public var corpus: Corpus?
        }

        public struct Regression: Encodable, Sendable {
            public var item: String
            public var title: String
            public var requests: RequestClassDescription
            public var example: RequestAttributes
            public var oldLevel: Level
            public var newLevel: Level
            public var neededLevel: Level
            public var problem: String
            public var newRule: Int?
            public var newLine: Int?
            /// Whether it depends on authorization and does not gate (without --strict).
            public var advisory: Bool
        }

        public var old: String
        public var new: String
        public var kubernetesVersion: String
        public var corpus: CorpusSummary?
        public var changes: [Change]
        public var regressions: [Regression]
    }

    /// The JSON report.
    public var json: JSONReport {
        func side(_ emission: Emission, _ decision: Decision, _ policy: AnalysisPolicy) -> JSONReport.Side {
            JSONReport.Side(level: emission.level, stages: emission.stages.stages, omitManagedFields: emission.omitManagedFields,
                            rule: decision.ruleIndex, line: decision.ruleIndex.flatMap(policy.line(ofRule:)))
        }
        return JSONReport(
            old: old.name, new: new.name, kubernetesVersion: diff.new.kubernetesVersion.description,
            corpus: corpus.map { JSONReport.CorpusSummary(requests: $0.requests, days: $0.days) },
            changes: diff.changes.enumerated().map { number, change in
                JSONReport.Change(
                    requests: change.requests.description, example: change.requests.witness,
                    old: side(change.oldEmission, change.old, old), new: side(change.newEmission, change.new, new),
                    stagesGained: change.stagesGained.stages, stagesLost: change.stagesLost.stages,
                    corpus: corpus.map { tally in
                        let counts = tally.counts[number]
                        return JSONReport.Corpus(requests: counts.requests, oldBytes: counts.oldBytes, newBytes: counts.newBytes,
                                                 oldBytesPerDay: tally.perDay(counts.oldBytes), newBytesPerDay: tally.perDay(counts.newBytes))
                    }
                )
            },
            regressions: regressions.map { regression in
                JSONReport.Regression(
                    item: regression.item.id, title: regression.item.title, requests: regression.requests.description,
                    example: regression.requests.witness, oldLevel: regression.old.level, newLevel: regression.new.level,
                    neededLevel: regression.item.requirement.neededLevel, problem: regression.problem,
                    newRule: regression.new.ruleIndex, newLine: regression.new.ruleIndex.flatMap(new.line(ofRule:)),
                    advisory: !regression.gates(strict: strict)
                )
            }
        )
    }

    /// A corpus's time span in the largest unit that keeps it readable (a 5-minute sample is not "0.00 days").
    static func span(days: Double) -> String {
        let seconds = days * 86_400
        if seconds < 120 { return String(format: "%.0f seconds", seconds) }
        if seconds < 7_200 { return String(format: "%.1f minutes", seconds / 60) }
        if days < 2 { return String(format: "%.1f hours", seconds / 3_600) }
        return String(format: "%.2f days", days)
    }
}
