import AuditPolicy

/// AP601: Secret data written to the audit log.
struct SecretBodies: LintRule {
    static let checkID = "AP601"

    let description = RuleDescription(
        id: SecretBodies.checkID, name: "secret-bodies-logged", category: .sensitiveData, defaultSeverity: .warning,
        summary: "Secrets are logged at Request or RequestResponse, so secret data lands in the audit log in clear text.",
        rationale: """
        A Secret's create, update and patch requests carry its data in the request body (logged \
        from level Request); get, list and delete return it in the response body (logged at \
        RequestResponse). On EKS the audit log goes to CloudWatch Logs, readable by everyone with \
        log access, and kept for months. A rule that logs a whole API group (`group: ""` without \
        `resources`) or `*` at those levels logs secrets too, unless an earlier rule takes them. \
        The CIS Kubernetes Benchmark (3.2.2) and EKS's own policy log secrets at Metadata only. \
        auditsim checks every request the policy can see, so a finding names the rule that really \
        decides secret requests.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: ""
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources:
              - group: ""
                resources: ["secrets"]
          - level: RequestResponse
            resources:
              - group: ""
          - level: Metadata
        """,
        fix: "Add a rule above the broad one: `- level: Metadata` with `resources: [{group: \"\", resources: [\"secrets\"]}]`."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        SensitiveBodyFindings.findings(for: self, context)
    }
}
