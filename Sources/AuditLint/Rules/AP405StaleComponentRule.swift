import AuditPolicy

/// AP405: a rule meant to quiet a component names resources the component no longer requests,
/// while its real requests fall to a later, louder rule.
struct StaleComponentRule: LintRule {
    static let checkID = "AP405"

    let description = RuleDescription(
        id: StaleComponentRule.checkID, name: "stale-component-rule", category: .ruleOrder, defaultSeverity: .warning,
        summary: "A rule quiets a component's requests for resources it no longer uses, so its requests today reach a louder rule.",
        rationale: """
        Policies quiet the chattiest components: kube-proxy watching endpoints, the controller \
        manager and scheduler renewing their leader election lock. The components moved on: \
        kube-proxy reads EndpointSlices (discovery.k8s.io), and leader election locks on \
        coordination.k8s.io leases. A rule written for the old resources quiets nothing, and the \
        requests it was meant for reach a later, louder rule, often the catch-all: the lease \
        renewals alone are one request every 2 s per component. The platform model (`--platform`; \
        `auditsim rules` prints it with sources) lists what each component requests today; the \
        finding names each current request and the rule that decides it. With `--corpus`, it \
        measures the components' requests that reach louder rules.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            users: ["system:kube-controller-manager", "system:kube-scheduler"]
            verbs: ["get", "update"]
            namespaces: ["kube-system"]
            resources:
              - group: ""
                resources: ["endpoints"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            users: ["system:kube-controller-manager", "system:kube-scheduler"]
            verbs: ["get", "update"]
            namespaces: ["kube-system"]
            resources:
              - group: "coordination.k8s.io"
                resources: ["leases"]
          - level: Metadata
        """,
        fix: "Name the resources the component requests today (listed in the notes) in the rule, and drop the stale ones."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let compiled = context.compiled else { return [] }
        return compiled.rules.enumerated().compactMap { index, rule -> Diagnostic? in
            guard index < context.rules.count else { return nil }
            var notes: [String] = []
            var names: [String] = []
            var louderRules: Set<Int> = []
            var identities: Set<String> = []
            for (profile, identity) in PlatformModel.components(namedBy: rule.users, on: context.platform) {
                let stale = profile.stale.filter { Self.names(rule, group: $0.group, resource: $0.resource) }
                guard !stale.isEmpty else { continue }
                // Per current access, the verbs whose requests a louder rule decides, grouped by decision.
                var louder: [(text: String, decision: Decision)] = []
                for access in profile.today {
                    var byDecision: [(decision: Decision, verbs: [String], example: RequestAttributes)] = []
                    for verb in access.verbs {
                        let request = Self.request(access, verb: verb, user: identity)
                        let decision = compiled.decide(request)
                        guard decision.ruleIndex != index, decision.level > rule.level else { continue }
                        if let at = byDecision.firstIndex(where: { $0.decision.ruleIndex == decision.ruleIndex }) {
                            byDecision[at].verbs.append(verb)
                        } else {
                            byDecision.append((decision, [verb], request))
                        }
                    }
                    for entry in byDecision {
                        let example = RequestDescription.text(entry.example)
                        let rest = example.dropFirst(entry.example.verb.count)
                        louder.append(("\(entry.verbs.joined(separator: "/"))\(rest)", entry.decision))
                    }
                }
                guard !louder.isEmpty else { continue }
                names.append(profile.name)
                identities.insert(identity)
                for item in stale {
                    notes.append("\(profile.name) no longer requests \(PlatformModel.label(item.group, item.resource)): \(item.reason)")
                }
                for (request, decision) in louder {
                    let decider = decision.ruleIndex.map { context.ruleName($0) } ?? "no rule"
                    notes.append("today: \(request) → \(decider) at \(decision.level.rawValue)")
                    if let decided = decision.ruleIndex { louderRules.insert(decided) }
                }
                if let volume = profile.volume { notes.append("volume: \(volume) (source: \(profile.source.reference)\(profile.source.verified ? "" : "; unverified"))") }
            }
            guard !names.isEmpty else { return nil }
            if let corpus = context.corpus { notes.append(Self.corpusNote(corpus, users: identities, rules: louderRules)) }
            return finding(
                "\(context.ruleName(index)) quiets \(names.joined(separator: " and ")) on resources no longer requested; the requests it was meant for reach louder rules",
                at: context.rules[index].location, notes: notes,
                help: "select the resources named under `today` in this rule (same users and verbs)"
            )
        }
    }

    /// Whether the rule's resources name `group`/`resource` (a rule without resources names every resource).
    private static func names(_ rule: CompiledRule, group: String, resource: String) -> Bool {
        guard rule.isResourceRule else { return false }
        if rule.resources.isEmpty { return true }
        return rule.resources.contains { entry in
            entry.group == group && (entry.resources.isEmpty || entry.resources.contains(resource) || entry.resources.contains("*"))
        }
    }


    /// The request a component makes, as kube-apiserver's request info sees it.
    private static func request(_ access: ComponentProfile.Access, verb: String, user: String) -> RequestAttributes {
        let parts = access.resource.split(separator: "/", maxSplits: 1).map(String.init)
        return RequestAttributes(
            user: PlatformModel.user(user), verb: verb, namespace: access.namespace ?? "",
            apiGroup: access.group, apiVersion: "v1", resource: parts[0], subresource: parts.count > 1 ? parts[1] : "",
            name: verb == "list" || verb == "watch" ? "" : access.name ?? "", isResourceRequest: true
        )
    }

    private static func corpusNote(_ corpus: CorpusVolume, users: Set<String>, rules: Set<Int>) -> String {
        var requests = 0, bytes = 0
        for user in users.sorted() {
            for rule in rules.sorted() {
                guard let volume = corpus.componentUsers[user]?[rule] else { continue }
                requests += volume.requests
                bytes += volume.bytes
            }
        }
        return "in \(corpus.name): \(requests) requests by \(users.sorted().joined(separator: ", ")) were decided by those rules, \(ByteCount.format(bytes)) of events: what the rule was meant to save, at most"
    }
}
