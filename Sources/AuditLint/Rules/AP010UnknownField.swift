import AuditPolicy

/// AP010: a field kube-apiserver does not know; it is silently dropped.
struct UnknownField: LintRule {
    let description = RuleDescription(
        id: LoaderCode.unknownField, name: "unknown-field", category: .loading, defaultSeverity: .warning,
        summary: "A field kube-apiserver does not know; it is silently dropped.",
        rationale: """
        kube-apiserver decodes the policy strictly first; when that fails only because of unknown \
        fields, it decodes again leniently, drops them and starts with a warning in its own log \
        that nobody reads. Field names are case-sensitive. When the dropped field narrowed what a \
        rule matches (a misspelled `resources`, `verbs`, `users`, ...), check AP101 reports it as \
        an error instead, because the rule then matches far more than intended.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStage: ["RequestReceived"]
        rules:
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: Metadata
        """,
        fix: "Spell the field as the API defines it (the help line suggests the nearest one), or delete it; use YAML comments for notes. `--fix` renames a field to its single did-you-mean, which changes what is logged on purpose: the dropped field takes effect.",
        fixedExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: Metadata
        """
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        let parsed = PolicyFields.unknownFields(in: context.loaderDiagnostics)
        return context.loaderDiagnostics.filter { $0.code == LoaderCode.unknownField }.map { loaderFinding in
            var result = finding(loaderFinding.message, at: loaderFinding.location, notes: loaderFinding.notes)
            if let location = loaderFinding.location, let field = parsed.first(where: { $0.finding.location == location }) {
                result.end = context.end(ofKey: field.name, at: location)
                if let intended = PolicyFields.intendedField(field.name, among: field.object.knownFields) {
                    result.help = "did you mean `\(intended)`? Field names are case-sensitive."
                } else {
                    result.help = "\(field.object.name) has the fields \(field.object.knownFields.joined(separator: ", ")); use a YAML comment for notes"
                }
            }
            return result
        }
    }
}
