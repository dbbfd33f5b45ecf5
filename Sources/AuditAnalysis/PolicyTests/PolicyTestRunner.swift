import AuditPolicy

/// Runs policy tests against a compiled policy with the evaluator (`CompiledPolicy.decide`).
public struct PolicyTestRunner: Sendable {
    /// The result of one case.
    public struct Result: Sendable {
        public let testCase: PolicyTestSuite.TestCase
        public let decision: Decision
        /// The stages written for the request.
        public let stages: [Stage]
        /// One message per expectation that does not hold.
        public let failures: [String]

        public var passed: Bool { failures.isEmpty }
    }

    public let policy: CompiledPolicy
    public let ruleNames: RuleNames

    public init(policy: CompiledPolicy, ruleNames: RuleNames) {
        self.policy = policy
        self.ruleNames = ruleNames
    }

    public func run(_ suite: PolicyTestSuite) -> [Result] {
        suite.cases.map(run)
    }

    public func run(_ testCase: PolicyTestSuite.TestCase) -> Result {
        let decision = policy.decide(testCase.request)
        let stages = Self.stages(of: testCase.request, under: decision)
        var failures: [String] = []
        for expectation in testCase.expectations {
            switch expectation {
            case .level(let level) where decision.level != level:
                failures.append("expected level \(level.rawValue), got \(decision.level.rawValue)")
            case .minLevel(let level) where decision.level < level:
                failures.append("expected at least \(level.rawValue), got \(decision.level.rawValue)")
            case .maxLevel(let level) where decision.level > level:
                failures.append("expected at most \(level.rawValue), got \(decision.level.rawValue)")
            case .stages(let expected) where Set(expected) != Set(stages) || expected.count != stages.count:
                failures.append("expected stages [\(expected.map(\.rawValue).joined(separator: ", "))], got [\(stages.map(\.rawValue).joined(separator: ", "))]")
            case .omitManagedFields(let expected) where decision.omitManagedFields != expected:
                failures.append("expected omitManagedFields \(expected), got \(decision.omitManagedFields)")
            case .rule(let expected) where decision.ruleIndex != expected:
                failures.append("expected \(Self.ruleText(expected)), got \(Self.ruleText(decision.ruleIndex))")
            case .ruleName(let name):
                let indices = ruleNames.indices[name] ?? []
                if indices.isEmpty {
                    failures.append("no rule is named \"\(name)\" (mark one with a comment `# name: \(name)`)")
                } else if indices.count > 1 {
                    failures.append("several rules are named \"\(name)\": \(indices.map { "#\($0)" }.joined(separator: ", "))")
                } else if decision.ruleIndex != indices[0] {
                    failures.append("expected rule \"\(name)\" (#\(indices[0])), got \(Self.ruleText(decision.ruleIndex))")
                }
            default:
                break
            }
        }
        return Result(testCase: testCase, decision: decision, stages: stages, failures: failures)
    }

    /// The stages written: a request with no user failed authentication and gets one
    /// ResponseStarted event (`pkg/endpoints/filters/authn_audit.go`,
    /// `WithFailedAuthenticationAudit`); others follow `Decision.emittedStages`.
    static func stages(of request: RequestAttributes, under decision: Decision) -> [Stage] {
        guard request.user == nil else { return decision.emittedStages(for: request) }
        return decision.level == .none || decision.omitStages.contains(.responseStarted) ? [] : [.responseStarted]
    }

    static func ruleText(_ index: Int?) -> String {
        index.map { "rule #\($0)" } ?? "no rule"
    }
}
