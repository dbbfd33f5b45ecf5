import AuditPolicy

/// Text and JSON renderings of an `Explanation`.
enum ExplainRendering {
    /// `emphasis` marks the level (colour on a terminal).
    static func text(_ explanation: Explanation, policy: CompiledPolicy, loaded: LoadedPolicy, emphasis: TextEmphasis = .plain) -> String {
        let request = explanation.request
        let decision = explanation.decision
        var lines: [String] = []
        lines.append("request        \(RequestDescription.what(request))")
        if request.isResourceRequest {
            lines.append("api            \(TerminalEscaping.escaped(request.apiGroup.isEmpty ? "core" : request.apiGroup))/\(TerminalEscaping.escaped(request.apiVersion))")
        }
        lines.append("user           \(RequestDescription.who(request))")
        let policyName = TerminalEscaping.escaped(loaded.source.name)
        lines.append("policy         \(policyName) (kube-apiserver \(policy.kubernetesVersion))")
        lines.append("level          \(emphasis.level(decision.level.rawValue))")
        lines.append("stages         \(explanation.stages.isEmpty ? "none (nothing is logged)" : explanation.stages.map(\.rawValue).joined(separator: ", "))")
        if !decision.omitStages.isEmpty {
            lines.append("omitted        \(decision.omitStages.stages.map(\.rawValue).joined(separator: ", "))")
        }
        if decision.level >= .request {
            lines.append("managedFields  \(decision.omitManagedFields ? "removed from bodies" : "kept in bodies")")
        }
        if let index = decision.ruleIndex, let rule = loaded.policy?.rules[index] {
            lines.append("rule           #\(index) at \(policyName):\(rule.location.line):\(rule.location.column)")
            lines.append(contentsOf: quote(rule, source: loaded.source))
        } else {
            lines.append("rule           none matched: the default is level None (not logged)")
        }
        if !explanation.skipped.isEmpty {
            lines.append("")
            lines.append("earlier rules that do not match:")
            for skipped in explanation.skipped {
                let line = loaded.policy?.rules[skipped.index].location.line ?? 0
                lines.append("  #\(skipped.index) (line \(line)): \(TerminalEscaping.escaped(skipped.mismatch.describe(in: policy.rules[skipped.index], request: request)))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The rule's source lines, without trailing blank or comment-only lines.
    private static func quote(_ rule: PolicyRule, source: PolicySource) -> [String] {
        var numbers = Array(rule.location.line...max(rule.location.line, rule.end.line))
        if rule.end.column == 1, numbers.count > 1 { numbers.removeLast() }
        var quoted = numbers.compactMap { number in source.line(number).map { (number, $0) } }
        while let last = quoted.last, quoted.count > 1,
              last.1.trimmingCharacters(in: .whitespaces).isEmpty || last.1.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            quoted.removeLast()
        }
        let width = String(quoted.last?.0 ?? 0).count
        return quoted.map { number, text in
            "  " + String(repeating: " ", count: width - String(number).count) + "\(number) | \(TerminalEscaping.escaped(text))"
        }
    }

    /// `explain --format json`.
    struct JSONReport: Encodable {
        struct Rule: Encodable {
            var index: Int
            var line: Int
            var column: Int
        }

        struct Skipped: Encodable {
            var index: Int
            var line: Int
            var reason: String
        }

        var request: RequestAttributes
        var level: String
        var stages: [String]
        var omitStages: [String]
        var omitManagedFields: Bool
        var rule: Rule?
        var earlierRules: [Skipped]

        init(_ explanation: Explanation, policy: CompiledPolicy, loaded: LoadedPolicy) {
            request = explanation.request
            level = explanation.decision.level.rawValue
            stages = explanation.stages.map(\.rawValue)
            omitStages = explanation.decision.omitStages.sortedByName.map(\.rawValue)
            omitManagedFields = explanation.decision.omitManagedFields
            rule = explanation.decision.ruleIndex.map { index in
                let location = loaded.policy?.rules[index].location ?? SourceLocation(line: 0, column: 0)
                return Rule(index: index, line: location.line, column: location.column)
            }
            earlierRules = explanation.skipped.map {
                Skipped(index: $0.index, line: loaded.policy?.rules[$0.index].location.line ?? 0,
                        reason: $0.mismatch.describe(in: policy.rules[$0.index], request: explanation.request))
            }
        }
    }
}
