/// `auditsim explain --format json`: the request, the decision and the rules that decided it.
public struct ExplanationJSON: Encodable, Sendable {
    /// The deciding rule and where it starts.
    public struct Rule: Encodable, Sendable {
        public var index: Int
        public var line: Int
        public var column: Int
    }

    /// An earlier rule that does not match, and why.
    public struct Skipped: Encodable, Sendable {
        public var index: Int
        public var line: Int
        public var reason: String
    }

    public var request: RequestAttributes
    public var level: Level
    public var stages: [Stage]
    public var omitStages: [Stage]
    public var omitManagedFields: Bool
    public var rule: Rule?
    public var earlierRules: [Skipped]

    /// The report of `explanation`, made under `policy` as loaded from `loaded`.
    public init(_ explanation: Explanation, policy: CompiledPolicy, loaded: LoadedPolicy) {
        request = explanation.request
        level = explanation.decision.level
        stages = explanation.stages
        omitStages = explanation.decision.omitStages.sortedByName
        omitManagedFields = explanation.decision.omitManagedFields
        rule = explanation.decision.ruleIndex.map { index in
            let location = loaded.policy?.rules[index].location ?? SourceLocation(line: 0, column: 0)
            return Rule(index: index, line: location.line, column: location.column)
        }
        earlierRules = explanation.skipped.map {
            Skipped(index: $0.index, line: loaded.policy?.rules[$0.index].location.line ?? 0,
                    reason: $0.mismatch.describe(in: policy.rules[$0.index], request: explanation.request))
        }
    }
}
