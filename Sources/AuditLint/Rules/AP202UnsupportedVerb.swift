import AuditPolicy

/// AP202: a verb that none of a rule's resources supports.
struct UnsupportedVerb: LintRule {
    let description = RuleDescription(
        id: "AP202", name: "unsupported-verb", category: .neverMatches, defaultSeverity: .warning,
        summary: "A verb none of the rule's resources supports, so it only matches requests the API server refuses.",
        rationale: """
        Each resource supports a fixed set of verbs (discovery lists them): reviews such as \
        tokenreviews and subjectaccessreviews only `create`, `pods/log` only `get`, `pods/exec` \
        `create` and `get`, status subresources `get`, `update` and `patch`. A request with another \
        verb is still audited, but kube-apiserver answers it 404 or 405; a rule that names such a \
        verb usually shows a misunderstanding, such as expecting `get` on `pods/exec` to cover \
        `kubectl exec`'s POST.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            verbs: ["get", "list"]
            resources:
              - group: "authentication.k8s.io"
                resources: ["tokenreviews"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            verbs: ["create"]
            resources:
              - group: "authentication.k8s.io"
                resources: ["tokenreviews"]
          - level: Metadata
        """,
        fix: "Use verbs the resources support (`auditsim rules AP202` lists common ones), or drop `verbs` to match whatever the resources receive."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (index, rule) in context.rules.enumerated() where !rule.verbs.isEmpty && !rule.resources.isEmpty {
            var supported = Set<String>()
            var decidable = true
            outer: for entry in rule.resources {
                if entry.resources.isEmpty { decidable = false; break }
                for pattern in entry.resources {
                    guard let verbs = context.supportedVerbs(pattern.value, inGroup: entry.group.value) else { decidable = false; break outer }
                    supported.formUnion(verbs)
                }
            }
            guard decidable else { continue }
            for verb in rule.verbs where RequestVerbs.resourceVerbs.contains(verb.value) && !supported.contains(verb.value) {
                let names = rule.resources.flatMap { $0.resources.map(\.value) }
                findings.append(finding(
                    "none of the resources of \(context.ruleName(index)) (\(names.joined(separator: ", "))) supports verb \"\(verb.value)\"; only requests kube-apiserver refuses would match",
                    at: verb.location, end: context.end(of: verb),
                    help: "these resources support \(supported.sorted().joined(separator: ", "))"
                ))
            }
        }
        return findings
    }
}
