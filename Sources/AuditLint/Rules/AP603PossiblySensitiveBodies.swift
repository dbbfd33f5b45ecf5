import AuditPolicy

/// AP603: bodies that often hold credentials (ConfigMaps) or identity material (certificate
/// signing requests) logged.
struct PossiblySensitiveBodies: LintRule {
    static let checkID = "AP603"

    let description = RuleDescription(
        id: PossiblySensitiveBodies.checkID, name: "possibly-sensitive-bodies-logged", category: .sensitiveData, defaultSeverity: .info,
        summary: "ConfigMaps or CertificateSigningRequests are logged with bodies; ConfigMaps often hold credentials.",
        rationale: """
        ConfigMaps are not meant for secrets, but application settings, connection strings and \
        cloud credentials end up in them often enough that credential-detection rules (Falco's \
        "Create/Modify Configmap With Private Credentials") read their bodies, which is why the \
        security checklist wants configmap writes at Request. That is a trade-off, not a mistake, \
        hence info. CertificateSigningRequest bodies hold no private key, but the request and the \
        issued certificate name the identities a cluster trusts. Mark resources that really hold \
        secrets in `.auditsim.yaml` (`sensitiveResources`) to get AP604 warnings instead.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: ""
                resources: ["configmaps"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources:
              - group: ""
                resources: ["configmaps"]
          - level: Metadata
        """,
        fix: "Log these at Metadata if their bodies may hold credentials; keep Request for configmap writes if credential detection needs them."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        SensitiveBodyFindings.findings(for: self, context)
    }
}
