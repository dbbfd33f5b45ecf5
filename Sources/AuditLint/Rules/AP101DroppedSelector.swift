import AuditPolicy

/// AP101: a misspelled or misplaced field that narrowed a rule is dropped, so the rule matches
/// far more requests than written.
struct DroppedSelector: LintRule {
    let description = RuleDescription(
        id: "AP101", name: "dropped-selector", category: .traps, defaultSeverity: .error,
        summary: "A misspelled or misplaced selector field is dropped, so the rule matches far more than written.",
        rationale: """
        kube-apiserver silently drops fields it does not know (see AP010). When the dropped field \
        is one that narrows a rule (`resources`, `verbs`, `users`, `userGroups`, `namespaces`, \
        `nonResourceURLs`, or `resources`, `resourceNames` and `group` inside a resources entry), \
        the rule widens: `resource:` instead of `resources:` makes a rule match every request, \
        `verbs` indented into a resources entry makes it match every verb. Because the first \
        matching rule wins, a widened rule also takes requests away from every later rule.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resource:
              - group: ""
                resources: ["configmaps"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: ""
                resources: ["configmaps"]
          - level: Metadata
        """,
        fix: "Spell the field exactly as the API defines it and put it at the right level: `verbs`, `users`, `userGroups`, `namespaces` and `nonResourceURLs` belong to the rule; `group`, `resources` and `resourceNames` to a resources entry. `--fix` renames a misspelled selector to its single did-you-mean, which changes what is logged on purpose: the rule narrows again; a misplaced one is left to you.",
        fixedExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: ""
                resources: ["configmaps"]
          - level: Metadata
        """,
        supersedes: [LoaderCode.unknownField]
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        PolicyFields.unknownFields(in: context.loaderDiagnostics).compactMap { field in
            guard let location = field.finding.location else { return nil }
            switch field.object {
            case .rule(let index):
                guard index < context.rules.count,
                      let intended = PolicyFields.intendedField(field.name, among: PolicyFields.ruleFields),
                      PolicyFields.ruleSelectors.contains(intended),
                      context.rules[index].fieldLocations[intended] == nil
                else { return nil }
                return report(field, intended: intended, effect: "\(context.ruleName(index)) \(widening(ofRule: context.rules[index], dropping: intended))",
                              at: location, context)
            case .resourceEntry(let ruleIndex, let entryIndex):
                guard ruleIndex < context.rules.count else { return nil }
                let rule = context.rules[ruleIndex]
                if let intended = PolicyFields.intendedField(field.name, among: PolicyFields.entryFields) {
                    guard entryIndex < rule.resources.count else { return nil }
                    let entry = rule.resources[entryIndex]
                    let effect: String
                    switch intended {
                    case "resources":
                        guard entry.resources.isEmpty else { return nil }
                        effect = "the entry matches every resource of group \"\(entry.group.value)\"" + (entry.group.value.isEmpty ? ", secrets included" : "")
                    case "resourceNames":
                        guard entry.resourceNames.isEmpty else { return nil }
                        effect = "the entry matches every object, not only the named ones"
                    default:
                        effect = "the entry's group is the core group \"\""
                    }
                    return report(field, intended: intended, effect: effect, at: location, context)
                }
                // A rule field indented into a resources entry.
                guard let intended = PolicyFields.intendedField(field.name, among: PolicyFields.ruleFields),
                      PolicyFields.ruleSelectors.contains(intended), rule.fieldLocations[intended] == nil
                else { return nil }
                return finding(
                    "`\(field.name)` inside a resources entry is dropped: it belongs to the rule, so \(context.ruleName(ruleIndex)) \(widening(ofRule: rule, dropping: intended))",
                    at: location, end: context.end(ofKey: field.name, at: location),
                    notes: ["kube-apiserver ignores unknown fields: " + field.finding.message],
                    help: "outdent `\(intended)` to the level of `level:` and `resources:`"
                )
            case .policy, .metadata:
                return nil
            }
        }
    }

    private func report(_ field: PolicyFields.UnknownField, intended: String, effect: String, at location: SourceLocation, _ context: LintContext) -> Diagnostic {
        let spelling = field.name == intended ? "`\(field.name)`" : "unknown field `\(field.name)` (did you mean `\(intended)`?)"
        return finding(
            "\(spelling) is dropped by kube-apiserver, so \(effect)",
            at: location, end: context.end(ofKey: field.name, at: location),
            notes: ["kube-apiserver ignores unknown fields: " + field.finding.message],
            help: "rename it to `\(intended)`"
        )
    }

    /// What a rule matches once `field` is gone.
    private func widening(ofRule rule: PolicyRule, dropping field: String) -> String {
        switch field {
        case "verbs": return "matches every verb"
        case "users", "userGroups": return "matches requests from every user"
        case "namespaces" where rule.resources.isEmpty:
            return rule.nonResourceURLs.isEmpty ? "matches every request, resource and non-resource alike" : "becomes a non-resource rule"
        case "namespaces": return "matches its resources in every namespace"
        case "resources" where rule.namespaces.isEmpty:
            return rule.nonResourceURLs.isEmpty ? "matches every request, resource and non-resource alike" : "becomes a non-resource rule"
        case "resources": return "matches every resource in its namespaces"
        case "nonResourceURLs" where rule.resources.isEmpty && rule.namespaces.isEmpty:
            return "matches every request, resource and non-resource alike"
        default: return "matches more requests than written"
        }
    }
}
