import AuditPolicy

/// AP012: documents after the first are never read.
struct ExtraDocument: LintRule {
    let description = RuleDescription(
        id: LoaderCode.extraDocument, name: "extra-document", category: .loading, defaultSeverity: .warning,
        summary: "The file holds more than one YAML document; kube-apiserver reads only the first.",
        rationale: """
        sigs.k8s.io/yaml parses only the first document of a stream. Rules placed after a `---` line \
        are silently ignored, which usually happens when a policy is assembled by concatenating files.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            users: ["system:kube-proxy"]
        ---
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            users: ["system:kube-proxy"]
          - level: Metadata
        """,
        fix: "Merge the documents' rules into the first document, in the order they should be tried."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        context.loaderDiagnostics.filter { $0.code == LoaderCode.extraDocument }.map { finding in
            var finding = finding
            finding.help = finding.help ?? "move these rules into the first document, or delete this document"
            return finding
        }
    }
}
