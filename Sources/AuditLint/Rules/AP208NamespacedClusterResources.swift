import AuditPolicy

/// AP208: `namespaces` on a rule whose resources are cluster-scoped.
struct NamespacesOnClusterScoped: LintRule {
    let description = RuleDescription(
        id: "AP208", name: "namespaces-on-cluster-scoped", category: .neverMatches, defaultSeverity: .error,
        summary: "A rule lists namespaces but selects cluster-scoped resources, whose requests have no namespace.",
        rationale: """
        Requests for cluster-scoped resources (nodes, clusterroles, clusterrolebindings, \
        customresourcedefinitions, ...) have the namespace `""`. A rule that lists namespaces \
        without `""` never matches them (`pkg/audit/policy/checker.go`, `ruleMatchesResource`). \
        When every resource of the rule is cluster-scoped the rule is dead (an error); when only \
        some are, those never match (a warning). The `namespaces` resource is the exception: a \
        request for namespace `foo` has the namespace `foo`.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            namespaces: ["kube-system"]
            resources:
              - group: "rbac.authorization.k8s.io"
                resources: ["clusterroles", "clusterrolebindings"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: "rbac.authorization.k8s.io"
                resources: ["clusterroles", "clusterrolebindings"]
          - level: Metadata
        """,
        fix: "Remove `namespaces` from rules about cluster-scoped resources, or add `\"\"` to it, or split the rule."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (index, rule) in context.rules.enumerated() {
            guard let first = rule.namespaces.first, !rule.namespaces.contains(where: { $0.value.isEmpty }), !rule.resources.isEmpty else { continue }
            var clusterScoped: [String] = []
            var namespaced = 0
            var decidable = true
            for entry in rule.resources {
                guard case .known = context.knowledge(ofGroup: entry.group.value), !entry.resources.isEmpty else { decidable = false; break }
                for value in entry.resources {
                    let pattern = ResourcePattern(value.value)
                    guard !pattern.isAnyResource, let resource = context.catalog.resource(pattern.resource, inGroup: entry.group.value) else {
                        decidable = false
                        break
                    }
                    // A namespace object's requests carry its own name as the namespace (requestinfo.go).
                    if resource.namespaced || (resource.group.isEmpty && resource.name == "namespaces") { namespaced += 1 } else { clusterScoped.append(value.value) }
                }
                if !decidable { break }
            }
            guard decidable, !clusterScoped.isEmpty else { continue }
            let location = rule.fieldLocations["namespaces"] ?? first.location
            if namespaced == 0 {
                findings.append(finding(
                    "\(context.ruleName(index)) lists namespaces, but all its resources (\(clusterScoped.joined(separator: ", "))) are cluster-scoped, whose requests have the namespace \"\": the rule never matches",
                    at: location, help: "remove `namespaces` from this rule"
                ))
            } else {
                findings.append(finding(
                    "\(context.ruleName(index)) lists namespaces, so its cluster-scoped resources (\(clusterScoped.joined(separator: ", "))) never match",
                    at: location, help: "move the cluster-scoped resources to a rule without `namespaces`, or add \"\" to `namespaces`",
                    severity: .warning
                ))
            }
        }
        return findings
    }
}
