import AuditPolicy

/// AP604: resources the configuration marks sensitive logged with bodies.
struct ConfiguredSensitiveBodies: LintRule {
    static let checkID = "AP604"

    let description = RuleDescription(
        id: ConfiguredSensitiveBodies.checkID, name: "configured-sensitive-bodies-logged", category: .sensitiveData, defaultSeverity: .warning,
        summary: "Resources listed under `sensitiveResources` in .auditsim.yaml are logged with bodies.",
        rationale: """
        Clusters store secrets in more than Secrets: CRDs of secret operators (External Secrets, \
        Vault, Sealed Secrets), ConfigMaps a team knows to hold credentials. Listing them under \
        `sensitiveResources` holds them to the same rule as Secrets: writes at most Metadata, \
        reads and deletes at most Request.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: "external-secrets.io"
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources:
              - group: "external-secrets.io"
          - level: Metadata
        """,
        fix: "Log the resource at Metadata with a rule above the one that logs its bodies.",
        exampleConfiguration: """
        customResources:
          - group: external-secrets.io
            resources: [externalsecrets, secretstores]
        sensitiveResources:
          - group: external-secrets.io
        """
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        SensitiveBodyFindings.findings(for: self, context)
    }
}
