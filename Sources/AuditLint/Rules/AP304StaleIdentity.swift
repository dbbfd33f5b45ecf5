import AuditPolicy

/// AP304: a rule's users that cannot occur on the platform.
struct StaleIdentity: LintRule {
    static let checkID = "AP304"

    let description = RuleDescription(
        id: StaleIdentity.checkID, name: "stale-identity", category: .identities, defaultSeverity: .warning,
        summary: "A rule names users the platform's control plane and node agents no longer authenticate as (legacy kubelet, insecure-port and certificate users).",
        rationale: """
        Audit policies are copied from one generation of clusters to the next, and keep the users \
        of the previous one: `system:unsecured` (kube-apiserver's insecure port, gone since 1.20), \
        `kubelet` (the shared kubelet credential from before the Node authorizer; kubelets are \
        `system:node:NAME` in `system:nodes`), certificate users such as `system:kube-proxy` that \
        platforms replaced with service accounts. A rule that selects only such users never \
        fires, and the requests it was written for fall to a later rule. The platform model \
        (`--platform`, or `platform:` in .auditsim.yaml; `auditsim rules` prints it with a source \
        per entry) says where each user cannot occur: a warning there, info where it is only \
        legacy (`generic`).
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            users: ["system:unsecured"]
            verbs: ["get"]
            resources:
              - group: ""
                resources: ["configmaps"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            userGroups: ["system:nodes"]
            verbs: ["get"]
            resources:
              - group: ""
                resources: ["nodes"]
          - level: Metadata
        """,
        fix: "Name the identity the component uses today (the service account, or `system:node:` users through the group `system:nodes`), or delete the rule."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        context.rules.enumerated().compactMap { index, rule in
            let stale = rule.users.compactMap { user -> (Located<String>, LegacyIdentity, Bool)? in
                guard let legacy = PlatformModel.legacyIdentity(user.value), let impossible = legacy.isImpossible(on: context.platform) else { return nil }
                return (user, legacy, impossible)
            }
            guard let first = stale.first else { return nil }
            let impossible = stale.contains { $0.2 }
            let never = stale.count == rule.users.count && stale.allSatisfy(\.2)
            let names = stale.map { "\"\($0.0.value)\"" }.joined(separator: ", ")
            let message: String
            if never {
                message = "\(context.ruleName(index)) never fires on \(context.platform.title): no request there comes from \(names)"
            } else if impossible {
                message = "\(context.ruleName(index)) names \(names), which cannot occur on \(context.platform.title)"
            } else {
                message = "\(context.ruleName(index)) names \(names): legacy \(stale.count == 1 ? "identity" : "identities") that current clusters do not use"
            }
            let notes = stale.map { user, legacy, _ in
                "\(user.value) was \(legacy.was); today: \(legacy.replacedBy) (source: \(legacy.source.reference)\(legacy.source.verified ? "" : "; unverified"))"
            }
            return finding(
                message, at: first.0.location, end: context.end(of: first.0), notes: notes,
                help: stale.count == rule.users.count ? "select the identity the component uses today, or delete the rule" : "remove \(names) from users",
                severity: impossible ? nil : .info
            )
        }
    }
}
