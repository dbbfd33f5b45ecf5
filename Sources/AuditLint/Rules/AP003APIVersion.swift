import AuditPolicy

/// AP003: `apiVersion` or `kind` is missing or not accepted by the target release.
struct APIVersionCheck: LintRule {
    let description = RuleDescription(
        id: LoaderCode.apiVersion, name: "api-version", category: .loading, defaultSeverity: .error,
        summary: "apiVersion or kind is missing, or the target Kubernetes release does not accept it.",
        rationale: """
        kube-apiserver decodes the policy by its `apiVersion` and `kind`. Only `audit.k8s.io/v1` is \
        accepted from Kubernetes 1.24 on; `audit.k8s.io/v1beta1` and `v1alpha1` were removed from the \
        policy reader then, so a policy copied from an old guide stops kube-apiserver from starting. \
        A missing `apiVersion` is refused too, and `kind` must be `Policy` when given. On 1.23 the \
        old versions still load, and the finding is a warning that they are deprecated.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1beta1
        kind: Policy
        rules:
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
        """,
        fix: "Write `apiVersion: audit.k8s.io/v1` and `kind: Policy`; the rule fields are the same in every version."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        context.loaderDiagnostics.filter { $0.code == LoaderCode.apiVersion }
    }
}
