import AuditPolicy

/// AP211: resourceNames on a rule that selects create or deletecollection.
struct NamesOnCreate: LintRule {
    let description = RuleDescription(
        id: "AP211", name: "resource-names-on-create", category: .neverMatches, defaultSeverity: .warning,
        summary: "resourceNames on a rule that selects `create` or `deletecollection`, whose requests carry no object name.",
        rationale: """
        The policy is evaluated on the request's URL: a create is a POST to the collection and a \
        deletecollection a DELETE of it, so neither has an object name at that point \
        (`pkg/endpoints/request/requestinfo.go`), and an entry with `resourceNames` never matches \
        them. A rule meant to catch the creation of a specific object (an `aws-auth` ConfigMap \
        created from scratch, say) silently misses it.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            verbs: ["create", "update", "patch"]
            namespaces: ["kube-system"]
            resources:
              - group: ""
                resources: ["configmaps"]
                resourceNames: ["aws-auth"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            verbs: ["update", "patch"]
            namespaces: ["kube-system"]
            resources:
              - group: ""
                resources: ["configmaps"]
                resourceNames: ["aws-auth"]
          - level: RequestResponse
            verbs: ["create"]
            namespaces: ["kube-system"]
            resources:
              - group: ""
                resources: ["configmaps"]
          - level: Metadata
        """,
        fix: "Select creates without `resourceNames` (for example every configmap create in the namespace), in a separate rule."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        context.rules.enumerated().flatMap { index, rule -> [Diagnostic] in
            guard rule.resources.contains(where: { !$0.resourceNames.isEmpty }),
                  !rule.resources.contains(where: { $0.resourceNames.isEmpty })
            else { return [] }
            return rule.verbs.filter { $0.value == "create" || $0.value == "deletecollection" }.map { verb in
                finding(
                    "\(verb.value) requests have no object name when the policy is evaluated, so the resourceNames of \(context.ruleName(index)) never match them",
                    at: verb.location, end: context.end(of: verb),
                    help: "select \(verb.value) in a rule without resourceNames"
                )
            }
        }
    }
}
