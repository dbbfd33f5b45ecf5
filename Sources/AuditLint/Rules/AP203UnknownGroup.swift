import AuditPolicy

/// AP203: an API group no Kubernetes release, well-known add-on or configured CRD serves.
struct UnknownGroup: LintRule {
    let description = RuleDescription(
        id: "AP203", name: "unknown-group", category: .neverMatches, defaultSeverity: .error,
        summary: "An API group that neither Kubernetes, a well-known add-on nor the configuration's custom resources define.",
        rationale: """
        A resources entry only matches requests whose API group equals its `group` exactly. A \
        misspelled group (`rbac.authorization.k8s.io` written `rbac`, `networking.k8s.io` written \
        `networking.k8s.io/v1`) never matches, and nothing warns at run time. Groups of custom \
        resources are unknown to auditsim until the configuration lists them; groups of the \
        platform model (platform APIs, CNI, CSI, service-mesh and Cluster API projects; \
        `auditsim rules` lists them) are known on the platforms that serve them. The finding is \
        an error when the group is a near miss of a known group, and a warning otherwise (it may \
        be a CRD's group, or a group served only on another platform than `--platform`).
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: "rbac"
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: "rbac.authorization.k8s.io"
          - level: Metadata
        """,
        fix: "Spell the group as the API serves it (`kubectl api-resources` shows it after the version). For a CRD's group, list it under `customResources` in `.auditsim.yaml`. `--fix` corrects a near miss with a single did-you-mean, which changes what is logged on purpose: the misspelled group matched nothing.",
        fixedExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: "rbac.authorization.k8s.io"
          - level: Metadata
        """
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let known = context.catalog.knownGroups.sorted()
        for rule in context.rules {
            for entry in rule.resources {
                let group = entry.group.value
                guard !group.isEmpty, case .unknown = context.knowledge(ofGroup: group),
                      DNSSubdomain.isValid(group), !MalformedGroup.looksLikeVersion(group), group.lowercased() != "core"
                else { continue }
                let end = context.end(of: entry.group)
                if let elsewhere = PlatformModel.group(group) {
                    let platforms = Platform.specific.filter(elsewhere.platforms.contains).map(\.title).joined(separator: ", ")
                    findings.append(finding(
                        "API group \"\(group)\" is served by \(elsewhere.project) on \(platforms), not on \(context.platform.title): this entry never matches there",
                        at: entry.group.location, end: end, help: "remove this entry, or lint with the platform the policy is for (--platform)", severity: .warning
                    ))
                } else if let intended = nearMiss(group, known: known) {
                    findings.append(finding(
                        "unknown API group \"\(group)\" (did you mean \"\(intended)\"?): this entry never matches",
                        at: entry.group.location, end: end, help: "write `group: \"\(intended)\"`"
                    ))
                } else {
                    let resources = entry.resources.map(\.value)
                    let owner = resources.lazy.compactMap { context.catalog.lookup(ResourcePattern($0).resource, version: context.version) }.first
                    var help = "if it is a custom resource's group, declare it under `customResources` in .auditsim.yaml"
                    if let owner { help = "`\(owner.name)` is in \(groupLabel(owner.group)); " + help }
                    findings.append(finding(
                        "unknown API group \"\(group)\": no Kubernetes release, well-known add-on or configured custom resource serves it",
                        at: entry.group.location, end: end, help: help, severity: .warning
                    ))
                }
            }
        }
        return findings
    }

    /// A known group the author most likely meant: a case variant, the short form of a
    /// `*.k8s.io` group, or a close misspelling.
    private func nearMiss(_ group: String, known: [String]) -> String? {
        if let byCase = known.first(where: { $0.lowercased() == group.lowercased() }) { return byCase }
        if let expanded = known.first(where: { $0.hasPrefix(group + ".") }) { return expanded }
        guard group.count >= 5 else { return nil }
        return Suggestions.closest(to: group, in: known, maxDistance: 2)
    }
}
