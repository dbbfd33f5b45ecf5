import AuditPolicy

/// AP206: a known resource the target release does not serve.
struct ResourceNotServed: LintRule {
    let description = RuleDescription(
        id: "AP206", name: "resource-not-served", category: .neverMatches, defaultSeverity: .warning,
        summary: "A resource the target Kubernetes release does not serve (removed, newer, or behind a feature gate).",
        rationale: """
        Resources come and go: PodSecurityPolicy was removed in Kubernetes 1.25, \
        ValidatingAdmissionPolicy is served by default from 1.30, MutatingAdmissionPolicy from \
        1.36. A stale entry is harmless but misleading; an entry for a resource the cluster does \
        not serve yet matches nothing until it upgrades. Resources that only an alpha feature or a \
        disabled-by-default beta API serves are reported as info.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: "policy"
                resources: ["podsecuritypolicies", "poddisruptionbudgets"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: "policy"
                resources: ["poddisruptionbudgets"]
          - level: Metadata
        """,
        fix: "Remove resources the cluster no longer serves; keep newer ones only if the cluster's release serves them."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for rule in context.rules {
            for entry in rule.resources where context.isGroupServed(entry.group.value) {
                let group = entry.group.value
                for value in entry.resources {
                    let pattern = ResourcePattern(value.value)
                    guard !pattern.isAnyResource, let resource = context.catalog.resource(pattern.resource, inGroup: group) else { continue }
                    let end = context.end(of: value)
                    switch resource.availability(in: context.version) {
                    case .served: continue
                    case .removed(let release):
                        let moved = context.otherGroups(serving: resource.name, besides: group).first
                        findings.append(finding(
                            "\(resource.name) in \(groupLabel(group)) is not served since Kubernetes 1.\(release) (the target is \(context.version))",
                            at: value.location, end: end,
                            help: moved.map { "it is served by group \($0.group.isEmpty ? "\"\"" : $0.group) now" } ?? "remove it"
                        ))
                    case .notYet(let since):
                        findings.append(finding(
                            "\(resource.name) in \(groupLabel(group)) is first served in Kubernetes 1.\(since) (the target is \(context.version))",
                            at: value.location, end: end,
                            help: "set the target release with --kubernetes-version or `kubernetesVersion` in .auditsim.yaml"
                        ))
                    case .optIn:
                        findings.append(finding(
                            "\(resource.name) in \(groupLabel(group)) is served only when an alpha feature or a disabled-by-default beta API is turned on in Kubernetes \(context.version)",
                            at: value.location, end: end, help: "keep it if the cluster enables that API", severity: .info
                        ))
                    }
                }
            }
        }
        return findings
    }
}
