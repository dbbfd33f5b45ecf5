import AuditPolicy

/// AP205: a resource that its entry's group does not have.
struct UnknownResource: LintRule {
    let description = RuleDescription(
        id: "AP205", name: "unknown-resource", category: .neverMatches, defaultSeverity: .error,
        summary: "A resource that does not exist in the entry's API group (such as `deployments` in the core group).",
        rationale: """
        A resources entry matches a request only when both its group and a resource name match. \
        `deployments` under `group: ""` never matches, because deployments are served by `apps`; \
        `replicacontrollers` never matches anything; kubectl short and singular names (`deploy`, \
        `pod`, `svc`) are not resource names. The rule silently logs less than intended, and the \
        requests fall through to a later rule. For well-known add-on groups, whose resources \
        auditsim may not all know, the finding is a warning.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Request
            verbs: ["create", "update", "patch", "delete"]
            resources:
              - group: ""
                resources: ["pods", "deployments", "replicacontrollers"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Request
            verbs: ["create", "update", "patch", "delete"]
            resources:
              - group: ""
                resources: ["pods", "replicationcontrollers"]
              - group: "apps"
                resources: ["deployments"]
          - level: Metadata
        """,
        fix: "Use the plural resource name in the group that serves it (`kubectl api-resources` lists both); for a custom resource, declare it in `.auditsim.yaml`. `--fix` corrects a misspelling, case or kubectl name with a single did-you-mean, which changes what is logged on purpose: the misspelled resource matched nothing; a resource of another group is left to you.",
        fixedExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Request
            verbs: ["create", "update", "patch", "delete"]
            resources:
              - group: ""
                resources: ["pods", "deployments", "replicationcontrollers"]
          - level: Metadata
        """
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for rule in context.rules {
            for entry in rule.resources {
                let group = entry.group.value
                guard case .known(let origin) = context.knowledge(ofGroup: group) else { continue }
                let inGroup = context.catalog.resources(inGroup: group)
                for value in entry.resources {
                    let pattern = ResourcePattern(value.value)
                    guard !pattern.isAnyResource, context.catalog.resource(pattern.resource, inGroup: group) == nil else { continue }
                    let (message, help) = explain(pattern.resource, group: group, inGroup: inGroup, context)
                    let severity: Diagnostic.Severity
                    if case .addOn = origin { severity = .warning } else { severity = .error }
                    findings.append(finding(
                        message, at: value.location, end: context.end(of: value), help: help, severity: severity
                    ))
                }
            }
        }
        return findings
    }

    /// Kinds written where a subresource is meant.
    private static let subresourceKinds: [String: (group: String, pattern: String)] = [
        "tokenrequests": ("", "serviceaccounts/token"), "tokenrequest": ("", "serviceaccounts/token"),
        "evictions": ("", "pods/eviction"), "eviction": ("", "pods/eviction"),
        "scales": ("*", "*/scale"), "podlogs": ("", "pods/log"), "logs": ("", "pods/log"),
    ]

    private func explain(_ name: String, group: String, inGroup: [APIResource], _ context: LintContext) -> (String, String) {
        let lead = "\(groupLabel(group)) has no resource \"\(name)\""
        if let meant = Self.subresourceKinds[name.lowercased()] {
            let location = meant.group == "*" ? "in the resource's own group" : "in \(groupLabel(meant.group))"
            return ("\(lead): it is a subresource, `\(meant.pattern)`, so this never matches", "select `\(meant.pattern)` \(location)")
        }
        if let resource = inGroup.first(where: { $0.aliases.contains(name) || $0.name.lowercased() == name.lowercased() }) {
            let why = resource.name.lowercased() == name.lowercased() ? "resource names are lower case" : "\"\(name)\" is a kubectl short or singular name"
            return ("\(lead): \(why), so this never matches", "write `\(resource.name)`")
        }
        let elsewhere = context.otherGroups(serving: name, besides: group)
            + context.catalog.resources.filter { $0.aliases.contains(name) && $0.group != group && $0.isServed(in: context.version) }
        if let home = elsewhere.first {
            let groups = Array(Set(elsewhere.map { $0.group.isEmpty ? "\"\"" : $0.group })).sorted()
            return ("\(lead): \(home.name) is served by \(groups.count == 1 ? "group " + groups[0] : "groups " + groups.joined(separator: " and ")), so this never matches",
                    "move it to an entry with `group: \(home.group.isEmpty ? "\"\"" : "\"" + home.group + "\"")`")
        }
        if let closest = Suggestions.closest(to: name, in: inGroup.map(\.name)) {
            return ("\(lead) (did you mean \"\(closest)\"?), so this never matches", "write `\(closest)`")
        }
        let served = inGroup.filter { $0.isServed(in: context.version) }.map(\.name).sorted()
        return ("\(lead), so this never matches", served.isEmpty ? "remove it" : "its resources are \(served.joined(separator: ", "))")
    }
}
