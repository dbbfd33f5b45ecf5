import AuditPolicy

/// AP103: a stage name misspelled in omitStages.
struct StageSpelling: LintRule {
    let description = RuleDescription(
        id: "AP103", name: "stage-spelling", category: .traps, defaultSeverity: .error,
        summary: "A stage in omitStages is misspelled or in the wrong case, which kube-apiserver refuses.",
        rationale: """
        `omitStages` accepts exactly `RequestReceived`, `ResponseStarted`, `ResponseComplete` and \
        `Panic`. Anything else fails validation and kube-apiserver does not start.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["requestReceived"]
        rules:
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: Metadata
        """,
        fix: "Write the stage exactly: RequestReceived, ResponseStarted, ResponseComplete or Panic.",
        supersedes: [LoaderCode.validation]
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let policy = context.policy else { return [] }
        let stages = Stage.allCases.map(\.rawValue)
        let lists = [policy.omitStages] + policy.rules.map(\.omitStages)
        return lists.joined().compactMap { stage in
            guard Stage(rawValue: stage.value) == nil,
                  let intended = Suggestions.closest(to: stage.value, in: stages, maxDistance: 4)
            else { return nil }
            return finding(
                "stage \"\(stage.value)\" is misspelled: kube-apiserver refuses the policy (stages are case-sensitive)",
                at: stage.location, end: context.end(of: stage),
                help: "write `\(intended)`"
            )
        }
    }
}
