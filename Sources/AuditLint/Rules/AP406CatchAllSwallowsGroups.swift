import AuditPolicy

/// AP406: API groups, and classes of CRDs, that only the final catch-all rule decides, while the
/// policy logs the groups it names at a higher level.
struct CatchAllSwallowsGroups: LintRule {
    static let checkID = "AP406"

    let description = RuleDescription(
        id: CatchAllSwallowsGroups.checkID, name: "catch-all-swallows-groups", category: .ruleOrder, defaultSeverity: .info,
        summary: "Whole API groups (and classes of CRDs) reach only the final catch-all rule, below the level the policy gives the groups it names.",
        rationale: """
        Policies that list API groups (`- group: "apps"`, `- group: "batch"`, ...) at Request or \
        RequestResponse and end with a `- level: Metadata` catch-all log every group they forgot, \
        and every CRD, at the catch-all's level. Lists written years ago miss the groups added \
        since (coordination.k8s.io, discovery.k8s.io, events.k8s.io, flowcontrol, resource.k8s.io) \
        and every platform API and add-on the cluster runs: EKS's VPC CNI \
        (crd.k8s.amazonaws.com), OpenShift's `*.openshift.io`, CNI, CSI, service-mesh and \
        Cluster API groups. That can be the intent (less volume), but it should be a decision: the \
        finding names the groups by name, from the API catalog of the target release and the \
        platform model (`--platform`).
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: Request
            resources:
              - group: ""
              - group: "apps"
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: Request
          - level: Metadata
        """,
        fix: "Add the groups that should be logged like the others to the rules that name groups, or accept the catch-all's level for them and suppress this finding with the reason."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let compiled = context.compiled, let last = compiled.rules.indices.last, last < context.rules.count else { return [] }
        let catchAll = compiled.rules[last]
        guard Self.matchesEverything(catchAll) else { return [] }
        let earlier = compiled.rules[..<last]
        // The level the policy gives the groups it names, for everyone.
        let named = earlier.filter { $0.users.isEmpty && $0.userGroups.isEmpty && !$0.resources.isEmpty }
        guard let highest = named.map(\.level).max(), highest > catchAll.level else { return [] }
        func reached(_ group: String) -> Bool {
            earlier.contains { rule in
                guard rule.users.isEmpty, rule.userGroups.isEmpty, !rule.isNonResourceRule else { return false }
                if rule.resources.isEmpty { return true }
                return rule.resources.contains { $0.group == group || ($0.group == "*" && context.version.supportsWildcardGroup) }
            }
        }
        let upstream = context.catalog.knownGroups.filter { group in
            guard case .known(.kubernetes) = context.knowledge(ofGroup: group) else { return false }
            return context.isGroupServed(group) && !reached(group)
        }.sorted()
        var notes: [String] = []
        if !upstream.isEmpty {
            notes.append("Kubernetes \(context.version): \(upstream.map { $0.isEmpty ? "core" : $0 }.joined(separator: ", "))")
        }
        var projects = 0
        for entry in PlatformModel.groups where context.platform == .generic ? entry.platforms.isEmpty : entry.platforms.contains(context.platform) || entry.platforms.isEmpty {
            let groups = entry.groups.filter { !reached($0) }
            guard !groups.isEmpty else { continue }
            projects += 1
            notes.append("\(entry.kind.rawValue) (\(entry.project)): \(groups.joined(separator: ", "))")
        }
        guard !notes.isEmpty else { return [] }
        notes.append("and the groups of every other CRD the cluster adds")
        let what = [upstream.isEmpty ? nil : "\(upstream.count) Kubernetes API group\(upstream.count == 1 ? "" : "s")",
                    projects == 0 ? nil : "the groups of \(projects) platform and add-on project\(projects == 1 ? "" : "s")"].compactMap { $0 }
        return [finding(
            "\(context.ruleName(last)), the catch-all at \(catchAll.level.rawValue), is the only rule for \(what.joined(separator: " and ")) on \(context.platform.title), while the groups the policy names get up to \(highest.rawValue)",
            at: context.rules[last].location, notes: notes,
            help: "add the groups that need \(highest.rawValue) to the rules that name groups, or suppress this finding with the reason"
        )]
    }

    /// Whether a rule matches every request (no selector at all).
    private static func matchesEverything(_ rule: CompiledRule) -> Bool {
        rule.users.isEmpty && rule.userGroups.isEmpty && rule.verbs.isEmpty && rule.resources.isEmpty
            && rule.namespaces.isEmpty && rule.nonResourceURLs.isEmpty
    }
}
