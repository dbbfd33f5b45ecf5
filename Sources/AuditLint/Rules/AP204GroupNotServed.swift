import AuditPolicy

/// AP204: a known API group that the target release does not serve.
struct GroupNotServed: LintRule {
    let description = RuleDescription(
        id: "AP204", name: "group-not-served", category: .neverMatches, defaultSeverity: .warning,
        summary: "An API group the target Kubernetes release does not serve (removed, newer, or behind a feature gate).",
        rationale: """
        Policies outlive the APIs they were written for. `extensions` stopped serving its last \
        resources in Kubernetes 1.22 and `settings.k8s.io` in 1.20, yet both still appear in \
        widely copied policies (EKS's included). Such an entry is harmless (it matches nothing), \
        but it suggests the policy has not been reviewed against the API it guards, and the \
        resources it meant may now live in another group. A group that only an alpha or \
        disabled-by-default beta API serves is reported as info.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Request
            resources:
              - group: "apps"
              - group: "extensions"
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Request
            resources:
              - group: "apps"
              - group: "networking.k8s.io"
          - level: Metadata
        """,
        fix: "Remove the stale entry, or move its resources to the group that serves them now (ingresses and network policies: `networking.k8s.io`; deployments, daemonsets, replicasets: `apps`).",
        fixedExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Request
            resources:
              - group: "apps"
          - level: Metadata
        """
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for rule in context.rules {
            for entry in rule.resources {
                let group = entry.group.value
                guard case .known = context.knowledge(ofGroup: group),
                      let availability = context.catalog.availability(ofGroup: group, in: context.version)
                else { continue }
                let end = context.end(of: entry.group)
                switch availability {
                case .served: continue
                case .removed(let release):
                    findings.append(finding(
                        "\(groupLabel(group)) is not served since Kubernetes 1.\(release) (the target is \(context.version)): this entry matches nothing",
                        at: entry.group.location, end: end, help: movedHelp(group, context) ?? "remove this entry"
                    ))
                case .notYet(let since):
                    findings.append(finding(
                        "\(groupLabel(group)) is first served in Kubernetes 1.\(since) (the target is \(context.version))",
                        at: entry.group.location, end: end,
                        help: "set the target release with --kubernetes-version or `kubernetesVersion` in .auditsim.yaml"
                    ))
                case .optIn:
                    findings.append(finding(
                        "\(groupLabel(group)) is served only when an alpha feature or a disabled-by-default beta API is turned on in Kubernetes \(context.version)",
                        at: entry.group.location, end: end, help: "keep it if the cluster enables that API", severity: .info
                    ))
                }
            }
        }
        return findings
    }

    private func movedHelp(_ group: String, _ context: LintContext) -> String? {
        let moved = context.catalog.resources(inGroup: group).compactMap { resource -> String? in
            guard let current = context.otherGroups(serving: resource.name, besides: group).first else { return nil }
            return "\(resource.name) → \(current.group.isEmpty ? "\"\"" : current.group)"
        }
        guard !moved.isEmpty else { return nil }
        return "remove this entry; its resources are served elsewhere now: " + Array(Set(moved)).sorted().joined(separator: ", ")
    }
}
