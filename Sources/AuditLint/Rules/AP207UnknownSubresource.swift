import AuditPolicy

/// AP207: a subresource its resource does not have.
struct UnknownSubresource: LintRule {
    let description = RuleDescription(
        id: "AP207", name: "unknown-subresource", category: .neverMatches, defaultSeverity: .error,
        summary: "A subresource the resource does not have (such as `pods/logs` for `pods/log`).",
        rationale: """
        `pods/log`, `pods/exec`, `deployments/scale` and `serviceaccounts/token` are matched as \
        resource and subresource together. A misspelled subresource (`pods/logs`, \
        `pods/portforwarding`) or one that belongs to another resource never matches, so the \
        requests it was meant for fall to a later rule.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources:
              - group: ""
                resources: ["pods/logs", "pods/execute"]
          - level: None
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources:
              - group: ""
                resources: ["pods/log", "pods/exec"]
          - level: None
        """,
        fix: "Use a subresource the resource has (`kubectl api-resources` does not list them; the API reference does)."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for rule in context.rules {
            for entry in rule.resources {
                let group = entry.group.value
                guard case .known(let origin) = context.knowledge(ofGroup: group) else { continue }
                let severity: Diagnostic.Severity
                if case .addOn = origin { severity = .warning } else { severity = .error }
                let inGroup = context.catalog.resources(inGroup: group)
                for value in entry.resources {
                    let pattern = ResourcePattern(value.value)
                    guard let sub = pattern.subresource, sub != "*" else { continue }
                    let end = context.end(of: value)
                    if pattern.isAnyResource {
                        guard !inGroup.contains(where: { $0.subresources.contains(sub) }) else { continue }
                        let all = Array(Set(inGroup.flatMap(\.subresources))).sorted()
                        let closest = Suggestions.closest(to: sub, in: all)
                        findings.append(finding(
                            "no resource of \(groupLabel(group)) has a subresource \"\(sub)\"\(closest.map { " (did you mean \"\($0)\"?)" } ?? ""), so this never matches",
                            at: value.location, end: end, help: closest.map { "write `*/\($0)`" } ?? "remove it", severity: severity
                        ))
                        continue
                    }
                    guard let resource = context.catalog.resource(pattern.resource, inGroup: group), !resource.subresources.contains(sub) else { continue }
                    var help = resource.subresources.isEmpty ? "\(resource.name) has no subresources" : "\(resource.name) has the subresources \(resource.subresources.joined(separator: ", "))"
                    let closest = Suggestions.closest(to: sub, in: resource.subresources)
                    if let closest { help = "write `\(resource.name)/\(closest)`" }
                    else if let owner = inGroup.first(where: { $0.subresources.contains(sub) }) { help += "; \(sub) is a subresource of \(owner.name)" }
                    findings.append(finding(
                        "\(resource.name) has no subresource \"\(sub)\"\(closest.map { " (did you mean \"\($0)\"?)" } ?? ""), so this never matches",
                        at: value.location, end: end, help: help, severity: severity
                    ))
                }
            }
        }
        return findings
    }
}
