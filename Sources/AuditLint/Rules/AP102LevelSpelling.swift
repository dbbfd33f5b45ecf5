import AuditPolicy

/// AP102: a level written in the wrong case or misspelled.
struct LevelSpelling: LintRule {
    let description = RuleDescription(
        id: "AP102", name: "level-spelling", category: .traps, defaultSeverity: .error,
        summary: "A level is written in the wrong case or misspelled, which kube-apiserver refuses.",
        rationale: """
        Levels are compared exactly: `None`, `Metadata`, `Request` and `RequestResponse`. \
        `metadata` or `RequestReponse` fails validation (`Unsupported value`) and kube-apiserver \
        does not start. This check names the level that was meant.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
        """,
        fix: "Write the level exactly: None, Metadata, Request or RequestResponse.",
        supersedes: [LoaderCode.validation]
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        let levels = Level.allCases.map(\.rawValue)
        return context.rules.enumerated().compactMap { index, rule in
            guard let level = rule.level, !level.value.isEmpty, Level(rawValue: level.value) == nil,
                  let intended = Suggestions.closest(to: level.value, in: levels, maxDistance: 3)
            else { return nil }
            let how = intended.lowercased() == level.value.lowercased() ? "in the wrong case" : "misspelled"
            return finding(
                "level \"\(level.value)\" is \(how): kube-apiserver refuses the policy (levels are case-sensitive)",
                at: level.location, end: context.end(of: level),
                notes: ["kube-apiserver says: rules[\(index)].level: Unsupported value: \"\(level.value)\": supported values: \"None\", \"Metadata\", \"Request\", \"RequestResponse\""],
                help: "write `level: \(intended)`"
            )
        }
    }
}
