import AuditPolicy

/// AP602: bearer tokens written to the audit log.
struct TokenBodies: LintRule {
    static let checkID = "AP602"

    let description = RuleDescription(
        id: TokenBodies.checkID, name: "token-bodies-logged", category: .sensitiveData, defaultSeverity: .warning,
        summary: "TokenReviews at Request or above, or TokenRequests at RequestResponse, write bearer tokens to the audit log.",
        rationale: """
        A TokenReview (`create tokenreviews`) carries the bearer token being checked in its request \
        body (`spec.token`), logged from level Request. A TokenRequest (`create \
        serviceaccounts/token`, what kubelets and `kubectl create token` use) returns a fresh \
        service account token in its response body, logged at RequestResponse. Anyone who can \
        read the log can replay those tokens until they expire. A rule for a whole group \
        (`authentication.k8s.io`, or the core group for serviceaccounts/token) includes them.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: ""
                resources: ["serviceaccounts", "serviceaccounts/token"]
              - group: "authentication.k8s.io"
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources:
              - group: "authentication.k8s.io"
                resources: ["tokenreviews"]
          - level: Request
            resources:
              - group: ""
                resources: ["serviceaccounts/token"]
          - level: RequestResponse
            resources:
              - group: ""
                resources: ["serviceaccounts"]
          - level: Metadata
        """,
        fix: "Log tokenreviews at Metadata and serviceaccounts/token at Metadata or Request, in rules above the broad one."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        SensitiveBodyFindings.findings(for: self, context)
    }
}
