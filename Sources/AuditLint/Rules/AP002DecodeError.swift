import AuditPolicy

/// AP002: a value has the wrong type for its field.
struct DecodeError: LintRule {
    let description = RuleDescription(
        id: LoaderCode.decodeError, name: "wrong-type", category: .loading, defaultSeverity: .error,
        summary: "A value has the wrong type for its field, so kube-apiserver cannot decode the policy.",
        rationale: """
        The policy is decoded into typed Go structs. A number, boolean or mapping where a string or \
        list is expected fails decoding and kube-apiserver does not start. YAML 1.1 makes this easy \
        to hit: unquoted `on`, `off`, `yes`, `no`, `y` and `n` are booleans, and `1.30` is a number.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            namespaces: [on, off]
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            namespaces: ["on", "off"]
        """,
        fix: "Give the field a value of the right type; quote strings that YAML would read as booleans or numbers.",
        fixedExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            namespaces: ["on", "off"]
        """
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        context.loaderDiagnostics.filter { $0.code == LoaderCode.decodeError }
    }
}
