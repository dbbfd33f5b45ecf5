/// What kube-apiserver decides to record for one request.
///
/// Upstream: `k8s.io/apiserver/pkg/audit/types.go`, `RequestAuditConfig`, as returned by
/// `policyRuleEvaluator.EvaluatePolicyRule` in `pkg/audit/policy/checker.go`.
public struct Decision: Sendable, Hashable {
    /// The level the request is recorded at.
    public var level: Level
    /// Stages never emitted for the request: the policy's joined with the matching rule's.
    public var omitStages: StageSet
    /// Whether managedFields are stripped from the recorded bodies.
    public var omitManagedFields: Bool
    /// The 0-based index of the matching rule, or `nil` when no rule matched.
    public var ruleIndex: Int?

    public init(level: Level, omitStages: StageSet, omitManagedFields: Bool, ruleIndex: Int?) {
        self.level = level
        self.omitStages = omitStages
        self.omitManagedFields = omitManagedFields
        self.ruleIndex = ruleIndex
    }
}
