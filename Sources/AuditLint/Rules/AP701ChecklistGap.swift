import AuditAnalysis
import AuditPolicy

/// AP701: a class of requests the security checklist needs logged is not logged well enough.
struct ChecklistGap: LintRule {
    static let checkID = "AP701"

    let description = RuleDescription(
        id: ChecklistGap.checkID, name: "checklist-gap", category: .coverage, defaultSeverity: .warning,
        summary: "Requests the security checklist needs (RBAC changes, exec, secret reads, ...) are not logged, or not at the level detections need.",
        rationale: """
        Detection content that reads audit logs (Falco's k8saudit rules, SigmaHQ, Elastic, \
        GuardDuty's EKS findings), the CIS Kubernetes Benchmark and the EKS Best Practices Guide \
        rely on certain requests being logged with certain fields: who created a privileged pod \
        needs the request body, exec needs the ResponseComplete stage, an RBAC change needs the \
        body to show the new rules. auditsim's built-in checklist (`auditsim rules AP701` lists the \
        rows, each with its sources) holds the policy to those needs. There is one finding per \
        rule responsible for gaps; its notes name each checklist row, the requests that fall \
        short with an example, the level they get and the level they need. Requests that no rule matches are reported once by \
        AP403 (which lists the rows concerned) unless AP403 is disabled. Rows about every request \
        (403 answers, impersonation, 5xx errors) are only checked for the requests no rule \
        matches, since any `level: None` rule leaves a gap in them by design. Anonymous requests \
        to /healthz, /livez, /readyz and /version are public by design (the bootstrap ClusterRole \
        `system:public-info-viewer`): a rule whose only gaps are those is info. Choose rows with \
        `checklist:` in .auditsim.yaml.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            resources:
              - group: "rbac.authorization.k8s.io"
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: RequestResponse
            resources:
              - group: "rbac.authorization.k8s.io"
          - level: Metadata
        """,
        fix: "Add a rule above the one responsible that logs these requests at the level needed, or move a broader rule up.",
        exampleConfiguration: """
        checklist: [CL12, CL13, CL14]
        """
    )

    /// Gap classes shown per checklist row.
    static let shownPerRow = 2

    /// Rows the checklist itself records as a trade-off with the sensitive-data checks: CL09 wants
    /// configmap writes at Request for credential detection, against the CIS advice (and AP603)
    /// to keep configmap bodies out of the log. A rule whose only gaps are in such rows is info.
    static let tradeOffRows: Set<String> = ["CL09"]

    /// Paths every client may read by design: the bootstrap ClusterRole
    /// `system:public-info-viewer` grants get on /healthz, /livez, /readyz and /version to
    /// `system:authenticated` and `system:unauthenticated`
    /// (`plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go`, `ClusterRoles`). A None rule
    /// for these (and their per-check subpaths) leaves anonymous probes of them unlogged by
    /// design: info, not a warning.
    static let publicInfoPaths = ["/healthz", "/livez", "/readyz", "/version"]
    /// Paths outside those families, probed to tell whether a class holds only public paths.
    private static let nonPublicProbes = ["/metrics", "/api", "/apis", "/openapi/v2", "/logs", "/debug/pprof/", "/configz", "/"]

    /// Whether an anonymous-requests gap holds only non-resource requests to the public health
    /// and version paths (and the unserved `/swagger*`, AP209).
    static func isPublicInfoGap(_ gap: ChecklistGaps.Gap, row: ChecklistItem) -> Bool {
        guard row.id == "CL28", !gap.witness.isResourceRequest,
              publicInfoPaths.contains(where: { gap.witness.path.hasPrefix($0) }) else { return false }
        return !nonPublicProbes.contains { path in
            var probe = gap.witness
            probe.path = path
            return gap.outcome.requests.contains(probe)
        }
    }

    private struct RowGaps {
        var item: ChecklistItem
        var gaps: [ChecklistGaps.Gap]
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let analysis = context.analysis else { return [] }
        // Gaps by responsible rule, then by row, in order.
        var byRule: [Int?: [RowGaps]] = [:]
        var ruleOrder: [Int?] = []
        for itemResult in analysis.checklistResults where !ChecklistGaps.isAnyRequestRow(itemResult.item) {
            for gap in ChecklistGaps.fixable(itemResult.answer.gaps, requirement: itemResult.item.requirement, evaluator: analysis.evaluator) {
                let rule = gap.ruleIndex
                // Requests no rule matches are reported once, by AP403, which names the rows.
                if rule == nil, context.configuration.isEnabled(NoCatchAll.checkID) { continue }
                if byRule[rule] == nil { ruleOrder.append(rule) }
                var rows = byRule[rule] ?? []
                if let index = rows.firstIndex(where: { $0.item.id == itemResult.item.id }) {
                    rows[index].gaps.append(gap)
                } else {
                    rows.append(RowGaps(item: itemResult.item, gaps: [gap]))
                }
                byRule[rule] = rows
            }
        }
        return ruleOrder.sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }.compactMap { rule in
            guard let rows = byRule[rule], !rows.isEmpty else { return nil }
            let who = rule.map { context.ruleName($0) } ?? "no rule (level None)"
            let location = rule.flatMap { $0 < context.rules.count ? context.rules[$0].location : nil }
                ?? context.policy?.rulesLocation ?? context.policy?.location
            var notes: [String] = []
            for row in rows {
                let item = row.item
                let classes = ChecklistGaps.sorted(row.gaps).prefix(Self.shownPerRow).map { gap in
                    "\(gap.outcome.requests.description.text): \(gap.outcome.problem), e.g. \(RequestDescription.text(gap.witness))"
                }
                let more = row.gaps.count > Self.shownPerRow ? "; and \(row.gaps.count - Self.shownPerRow) more classes" : ""
                let tradeOff = Self.tradeOffRows.contains(item.id) ? " (a trade-off with AP603)" : ""
                notes.append("\(item.id) \(item.title)\(tradeOff): \(item.requestSummary) need \(item.requirement.neededLevel.rawValue)\(Self.stages(item)) (\(item.rationale)); "
                             + classes.joined(separator: "; ") + more)
            }
            let ids = rows.map(\.item.id)
            let onlyTradeOffs = rows.allSatisfy { row in
                Self.tradeOffRows.contains(row.item.id) || row.gaps.allSatisfy { Self.isPublicInfoGap($0, row: row.item) }
            }
            if rows.contains(where: { row in row.gaps.contains { Self.isPublicInfoGap($0, row: row.item) } }) {
                notes.append("/healthz, /livez, /readyz and /version are public by design (the ClusterRole system:public-info-viewer grants them to everyone): anonymous requests to them are expected")
            }
            return finding(
                "\(who) leaves \(rows.count == 1 ? "security checklist row" : "\(rows.count) security checklist rows") \(ids.joined(separator: ", ")) short"
                    + (rows.count == 1 ? " (\(rows[0].item.title))" : ""),
                at: location, notes: notes,
                help: rule == nil
                    ? "add rules for these requests at the levels needed, or end the policy with `- level: Metadata`"
                    : "add rules above \(who) that log these requests at the levels needed, or narrow \(who)",
                severity: onlyTradeOffs ? .info : nil
            )
        }
    }

    private static func stages(_ item: ChecklistItem) -> String {
        let stages = item.requirement.requiredStages.stages.map(\.rawValue)
        return stages.isEmpty ? "" : " with \(stages.joined(separator: " and ")) written"
    }
}

/// Checklist gaps that a policy can close, with realistic example requests.
enum ChecklistGaps {
    struct Gap {
        var outcome: ClassOutcome
        /// The deciding rule in the whole policy (`nil`: no rule).
        var ruleIndex: Int?
        var witness: RequestAttributes
    }

    /// The gaps a policy change could close: requests whose authentication failed always get a
    /// single ResponseStarted event without bodies (`pkg/endpoints/filters/authn_audit.go`), so
    /// only "not logged at all" is a gap for them; classes with no realistic identity are dropped.
    /// Each gap's example is re-checked with the evaluator (the rules' own matching, through
    /// ``IndexedEvaluator``, and `Decision.emittedStages`), and a gap the evaluator does not
    /// confirm is dropped.
    static func fixable(_ gaps: [PolicyAnalysis.Outcome], requirement: EventRequirement, evaluator: IndexedEvaluator) -> [Gap] {
        gaps.compactMap { gap in
            let outcome = gap.outcome
            if outcome.requests.description.authentication == "unauthenticated", outcome.emission.level != .none { return nil }
            guard let witness = RealisticIdentity.witness(of: outcome.requests) else { return nil }
            let decision = evaluator.decide(witness)
            let emission = Emission(decision: decision, hasUser: witness.user != nil, longRunning: witness.isLongRunning)
            guard requirement.shortfall(emission) != nil, decision.ruleIndex == gap.ruleIndex else { return nil }
            return Gap(outcome: outcome, ruleIndex: gap.ruleIndex, witness: witness)
        }
    }

    /// Gaps in a reproducible order (the engine's order of classes is not stable between runs).
    static func sorted(_ gaps: [Gap]) -> [Gap] {
        gaps.sorted { ($0.outcome.requests.description.text, RequestDescription.text($0.witness)) < ($1.outcome.requests.description.text, RequestDescription.text($1.witness)) }
    }

    /// Rows about every request (a 403 or an impersonation can happen to any request): any
    /// `level: None` rule leaves a gap in them by design, so lint only reports the part no rule
    /// matches (AP403), not each None rule.
    static func isAnyRequestRow(_ item: ChecklistItem) -> Bool {
        item.requests.allSatisfy { selector in
            selector.users.isEmpty && selector.userGroups.isEmpty && selector.verbs.isEmpty && selector.target == .anyRequest
        }
    }
}
