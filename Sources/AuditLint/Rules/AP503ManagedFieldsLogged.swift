import AuditPolicy

/// AP503: bodies are logged with their managedFields.
struct ManagedFieldsLogged: LintRule {
    let description = RuleDescription(
        id: "AP503", name: "managed-fields-logged", category: .volume, defaultSeverity: .info,
        summary: "Rules log request or response bodies without omitManagedFields, so every body carries its managedFields.",
        rationale: """
        Objects carry `metadata.managedFields`, the server-side apply bookkeeping, which is often a \
        third or more of an object's size and useless for auditing. `omitManagedFields: true` \
        (policy-wide, or per rule) strips it from logged request and response bodies \
        (`pkg/audit/request.go`); it has no effect at Metadata level, where no body is logged.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: "apps"
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitManagedFields: true
        rules:
          - level: RequestResponse
            resources:
              - group: "apps"
          - level: Metadata
        """,
        fix: "Add `omitManagedFields: true` at the top of the policy, or to the rules named.",
        fixedExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            omitManagedFields: true
            resources:
              - group: "apps"
          - level: Metadata
        """
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let policy = context.policy else { return [] }
        let reached = context.analysis?.reachedRules
        let affected = policy.rules.indices.filter { index in
            let rule = policy.rules[index]
            guard let level = rule.level.flatMap({ Level(rawValue: $0.value) }), level >= .request else { return false }
            guard reached?.contains(index) ?? true else { return false }
            return !(rule.omitManagedFields?.value ?? policy.omitManagedFields)
        }
        guard !affected.isEmpty else { return [] }
        if !policy.omitManagedFields, affected.count > 1 {
            return [finding(
                "\(affected.count) rules log bodies with their managedFields (\(affected.map(context.ruleName).joined(separator: ", ")))",
                at: policy.rulesLocation ?? policy.location,
                help: "add `omitManagedFields: true` at the top level of the policy"
            )]
        }
        return affected.map { index in
            finding(
                "\(context.ruleName(index)) logs bodies with their managedFields",
                at: policy.rules[index].location,
                help: policy.rules[index].omitManagedFields == nil ? "add `omitManagedFields: true` to this rule or the policy" : "set `omitManagedFields: true`"
            )
        }
    }
}
