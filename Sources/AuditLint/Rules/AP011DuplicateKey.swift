import AuditPolicy

/// AP011: a key written twice in one mapping.
struct DuplicateKey: LintRule {
    let description = RuleDescription(
        id: LoaderCode.duplicateKey, name: "duplicate-key", category: .loading, defaultSeverity: .warning,
        summary: "A key is written twice in one mapping; kube-apiserver keeps only the last one.",
        rationale: """
        The strict decode fails on a duplicate field, so kube-apiserver decodes the file again \
        leniently, keeps the last value and only logs a warning. The first value is silently lost: \
        two `resources:` keys in one rule keep only the second list, two `level:` keys only the second level.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources:
              - group: ""
                resources: ["secrets"]
            resources:
              - group: ""
                resources: ["configmaps"]
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources:
              - group: ""
                resources: ["secrets", "configmaps"]
        """,
        fix: "Merge the two values into one key, or delete the one that is not meant."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        context.loaderDiagnostics.filter { $0.code == LoaderCode.duplicateKey }.map { finding in
            var finding = finding
            finding.help = finding.help ?? "merge both values under one key, or delete the one that is not meant"
            return finding
        }
    }
}
