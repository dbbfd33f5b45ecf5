import AuditPolicy

/// AP001: the file is not well-formed YAML.
struct YAMLSyntax: LintRule {
    let description = RuleDescription(
        id: LoaderCode.yamlSyntax, name: "yaml-syntax", category: .loading, defaultSeverity: .error,
        summary: "The file is not well-formed YAML, so kube-apiserver cannot read it.",
        rationale: """
        kube-apiserver reads the policy file with sigs.k8s.io/yaml when it starts; a syntax error \
        stops it from starting. Common causes are an unquoted `*` (YAML reads it as an alias), tabs \
        used for indentation, and unbalanced quotes or brackets. Files that are not UTF-8, or that \
        expand into an enormous document through aliases, are refused too.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            verbs: [get, *]
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            verbs: ["get", "list"]
        """,
        fix: "Fix the YAML at the position shown; quote values that start with `*`, `&`, `!`, `%` or `@`."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        context.loaderDiagnostics.filter { $0.code == LoaderCode.yamlSyntax }
    }
}
