import AuditPolicy

/// The sections of `auditsim coverage`.
public enum CoverageSection: String, CaseIterable, Sendable {
    /// Every class of requests and its decision.
    case map
    /// The security checklist rows.
    case checklist
    /// The CloudWatch Logs Insights queries.
    case queries
}

/// Text, Markdown and JSON renderings of a `CoverageReport` (`auditsim coverage`). Text and
/// Markdown escape every line for a terminal.
public struct CoverageRendering: Sendable {
    let report: CoverageReport
    let policy: AnalysisPolicy
    let sections: [CoverageSection]

    /// The renderings of `report` on `policy`, limited to `sections`.
    public init(report: CoverageReport, policy: AnalysisPolicy, sections: [CoverageSection]) {
        self.report = report
        self.policy = policy
        self.sections = sections
    }

    private func status(_ result: ExpectationResult) -> String {
        if !result.gaps.isEmpty { return "GAP" }
        if !result.exposures.isEmpty { return "EXPOSED" }
        return "ok"
    }

    private func needs(_ requirement: EventRequirement) -> String {
        var text = requirement.neededLevel.rawValue
        if !requirement.requiredStages.isEmpty { text += " with " + AnalysisText.stages(requirement.requiredStages) }
        return text
    }

    private func outcomeLine(_ outcome: ClassOutcome) -> String {
        "\(outcome.requests.description.text): \(outcome.problem); \(policy.ruleText(outcome.decision.ruleIndex)), \(AnalysisText.decision(outcome.decision))"
    }

    // MARK: - Text

    /// The text report.
    public var text: String {
        var lines: [String] = []
        let map = report.map
        if sections.contains(.map) {
            lines.append("MAP of \(policy.name) (kube-apiserver \(policy.compiled.kubernetesVersion)): \(map.entries.count) exact classes of requests (--format json lists them); by rule:")
            for summary in map.ruleSummaries {
                lines.append("  \(policy.ruleText(summary.ruleIndex).padding(toLength: 22, withPad: " ", startingAt: 0)) \(AnalysisText.decision(summary.decision))")
                for selected in summary.selects { lines.append("      selects  \(selected.text)") }
                if !summary.exceptRules.isEmpty {
                    lines.append("      except   what \(summary.exceptRules.count == 1 ? "rule" : "rules") \(summary.exceptRules.map { "#\($0)" }.joined(separator: ", ")) \(summary.exceptRules.count == 1 ? "takes" : "take") first")
                }
                if let example = summary.example {
                    lines.append("      e.g.     \(RequestDescription.text(example))")
                } else {
                    lines.append("      decides no request (every request it selects is taken by an earlier rule, or cannot occur)")
                }
            }
            let unmatched = map.entries.filter { $0.decision.ruleIndex == nil }
            lines.append("  no rule matches (level None): \(unmatched.isEmpty ? "no request" : "")")
            for entry in unmatched {
                lines.append("      \(entry.requests.description.text)")
                lines.append("      e.g. \(RequestDescription.text(entry.requests.witness))")
            }
            lines.append("")
        }
        if sections.contains(.checklist) {
            let failing = report.checklist.filter { !$0.result.isOK && !$0.isAdvisory }.count
            let advisories = report.checklist.filter(\.isAdvisory).count
            lines.append("SECURITY CHECKLIST: \(report.checklist.count - failing - advisories) ok, \(failing) falling short" + (advisories == 0 ? "" : ", \(advisories) advisory (depend on RBAC)"))
            for result in report.checklist {
                lines.append("  \((result.isAdvisory ? "ADVISORY" : status(result.result)).padding(toLength: 8, withPad: " ", startingAt: 0)) \(result.item.id) \(result.item.title): \(result.item.requestSummary) (needs \(needs(result.item.requirement)))")
                for gap in result.result.gaps {
                    lines.append("          gap: \(outcomeLine(gap))")
                    lines.append("               e.g. \(RequestDescription.text(gap.requests.witness))")
                }
                for exposure in result.result.exposures {
                    lines.append("          exposed: \(outcomeLine(exposure))")
                    lines.append("               e.g. \(RequestDescription.text(exposure.requests.witness))")
                }
                for below in result.result.belowRecommended {
                    lines.append("          note: \(outcomeLine(below))")
                }
                if let limitation = result.item.limitation { lines.append("          limitation: \(limitation)") }
            }
            lines.append("")
        }
        if sections.contains(.queries) {
            let failing = report.queries.filter { !$0.result.isOK }.count
            lines.append("LOGS INSIGHTS QUERIES: \(report.queries.count - failing) can find their events, \(failing) cannot (fully)")
            for result in report.queries {
                let fields = result.query.fieldsRead.map(\.rawValue).joined(separator: ", ")
                lines.append("  \(status(result.result).padding(toLength: 7, withPad: " ", startingAt: 0)) \(result.query.id) \(result.query.title): \(result.query.requestSummary); reads \(fields)")
                for gap in result.result.gaps {
                    lines.append("          gap: \(outcomeLine(gap))")
                    lines.append("               e.g. \(RequestDescription.text(gap.requests.witness))")
                }
                for note in result.query.notes { lines.append("          note: \(note)") }
            }
            lines.append("")
        }
        return lines.map(TerminalEscaping.escaped).joined(separator: "\n")
    }

    // MARK: - Markdown

    /// A Markdown report.
    public var markdown: String {
        var lines: [String] = []
        if sections.contains(.map) {
            lines += ["### Request map of `\(policy.name)` (kube-apiserver \(policy.compiled.kubernetesVersion))", ""]
            lines += ["| Rule | Decision | Selects | Except (earlier rules) | Example |", "|---|---|---|---|---|"]
            for summary in report.map.ruleSummaries {
                lines.append("| " + [policy.ruleText(summary.ruleIndex), AnalysisText.decision(summary.decision), summary.selects.map(\.text).joined(separator: "; "),
                                     summary.exceptRules.map { "#\($0)" }.joined(separator: ", "),
                                     summary.example.map { "`\(RequestDescription.text($0))`" } ?? "decides no request"].map(AnalysisText.cell).joined(separator: " | ") + " |")
            }
            for entry in report.map.entries where entry.decision.ruleIndex == nil {
                lines.append("| " + ["no rule", "None", entry.requests.description.text, "", "`\(RequestDescription.text(entry.requests.witness))`"].map(AnalysisText.cell).joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        if sections.contains(.checklist) {
            lines += ["### Security checklist", "", "| Status | Item | Requests | Needs | Gaps and exposures |", "|---|---|---|---|---|"]
            for result in report.checklist {
                let problems = (result.result.gaps + result.result.exposures).map(outcomeLine).joined(separator: "<br>")
                lines.append("| " + [result.isAdvisory ? "ADVISORY" : status(result.result), "\(result.item.id) \(result.item.title)", result.item.requestSummary,
                                     needs(result.item.requirement), problems].map(AnalysisText.cell).joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        if sections.contains(.queries) {
            lines += ["### CloudWatch Logs Insights queries", "", "| Status | Query | Events | Fields read | Gaps and notes |", "|---|---|---|---|---|"]
            for result in report.queries {
                let problems = (result.result.gaps.map(outcomeLine) + result.query.notes).joined(separator: "<br>")
                lines.append("| " + [status(result.result), "\(result.query.id) \(result.query.title)", result.query.requestSummary,
                                     result.query.fieldsRead.map(\.rawValue).joined(separator: ", "), problems].map(AnalysisText.cell).joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        return lines.map(TerminalEscaping.escaped).joined(separator: "\n")
    }

    // MARK: - JSON

    /// `coverage --format json`.
    public struct JSONReport: Encodable, Sendable {
        public struct DecisionJSON: Encodable, Sendable {
            public var level: Level
            public var omitStages: [Stage]
            public var omitManagedFields: Bool
            public var rule: Int?
            public var line: Int?
        }

        public struct MapEntry: Encodable, Sendable {
            public var requests: RequestClassDescription
            public var example: RequestAttributes
            public var decision: DecisionJSON
        }

        public struct Outcome: Encodable, Sendable {
            public var requests: RequestClassDescription
            public var example: RequestAttributes
            public var decision: DecisionJSON
            public var level: Level
            public var stages: [Stage]
            public var problem: String
        }

        public struct Item: Encodable, Sendable {
            public var id: String
            public var title: String
            public var requests: String
            public var status: String
            public var neededLevel: Level
            public var requiredStages: [Stage]
            public var fields: [String]
            public var recommendedLevel: Level?
            public var maximumLevel: Level?
            public var rationale: String
            public var limitation: String?
            public var sources: [ChecklistSource]
            public var gaps: [Outcome]
            public var exposures: [Outcome]
            public var belowRecommended: [Outcome]
        }

        public struct Query: Encodable, Sendable {
            public var id: String
            public var title: String
            public var source: String
            public var sourceAddress: String
            public var query: String
            public var events: String
            public var fieldsRead: [String]
            public var status: String
            public var gaps: [Outcome]
            public var notes: [String]
        }

        public var policy: String
        public var kubernetesVersion: String
        public var map: [MapEntry]?
        public var checklist: [Item]?
        public var queries: [Query]?
    }

    /// The JSON report.
    public var json: JSONReport {
        func decision(_ decision: Decision) -> JSONReport.DecisionJSON {
            JSONReport.DecisionJSON(level: decision.level, omitStages: decision.omitStages.sortedByName,
                                    omitManagedFields: decision.omitManagedFields, rule: decision.ruleIndex,
                                    line: decision.ruleIndex.flatMap(policy.line(ofRule:)))
        }
        func outcome(_ outcome: ClassOutcome) -> JSONReport.Outcome {
            JSONReport.Outcome(requests: outcome.requests.description, example: outcome.requests.witness, decision: decision(outcome.decision),
                               level: outcome.emission.level, stages: outcome.emission.stages.stages, problem: outcome.problem)
        }
        func statusWord(_ result: ExpectationResult) -> String {
            !result.gaps.isEmpty ? "gap" : !result.exposures.isEmpty ? "exposed" : "ok"
        }
        return JSONReport(
            policy: policy.name, kubernetesVersion: policy.compiled.kubernetesVersion.description,
            map: sections.contains(.map) ? report.map.entries.map {
                JSONReport.MapEntry(requests: $0.requests.description, example: $0.requests.witness, decision: decision($0.decision))
            } : nil,
            checklist: sections.contains(.checklist) ? report.checklist.map { result in
                let item = result.item
                return JSONReport.Item(
                    id: item.id, title: item.title, requests: item.requestSummary, status: result.isAdvisory ? "advisory" : statusWord(result.result),
                    neededLevel: item.requirement.neededLevel, requiredStages: item.requirement.requiredStages.stages,
                    fields: item.requirement.fields.map(\.rawValue), recommendedLevel: item.recommendedLevel,
                    maximumLevel: item.maximumLevel, rationale: item.rationale, limitation: item.limitation, sources: item.sources,
                    gaps: result.result.gaps.map(outcome), exposures: result.result.exposures.map(outcome),
                    belowRecommended: result.result.belowRecommended.map(outcome)
                )
            } : nil,
            queries: sections.contains(.queries) ? report.queries.map { result in
                JSONReport.Query(
                    id: result.query.id, title: result.query.title, source: result.query.source.title, sourceAddress: result.query.source.address, query: result.query.query,
                    events: result.query.requestSummary, fieldsRead: result.query.fieldsRead.map(\.rawValue),
                    status: statusWord(result.result), gaps: result.result.gaps.map(outcome), notes: result.query.notes
                )
            } : nil
        )
    }
}
