/// The text report of `auditsim explain`: the request, the decision, the deciding rule quoted
/// from its source, and why each earlier rule does not match. Every string from the policy or the
/// request is escaped for a terminal.
public enum ExplanationText {
    /// The report, without a trailing newline; `emphasis` marks the level (colour on a terminal).
    public static func render(_ explanation: Explanation, policy: CompiledPolicy, loaded: LoadedPolicy, emphasis: TextEmphasis = .plain) -> String {
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
        while let last = quoted.last, quoted.count > 1, isBlankOrComment(last.1) {
            quoted.removeLast()
        }
        let width = String(quoted.last?.0 ?? 0).count
        return quoted.map { number, text in
            "  " + String(repeating: " ", count: width - String(number).count) + "\(number) | \(TerminalEscaping.escaped(text))"
        }
    }

    private static func isBlankOrComment(_ line: String) -> Bool {
        // Blank as Foundation's `.whitespaces` is: tabs and space separators.
        let text = line.unicodeScalars.drop { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
        return text.isEmpty || text.first == "#"
    }
}
