/// A validated policy ready to decide requests quickly and without allocating.
///
/// Build one with `PolicyCompiler` (or `LoadedPolicy.compile`); then call `decide(_:)` as often as needed.
/// Upstream: `k8s.io/apiserver/pkg/audit/policy/checker.go`, `NewPolicyRuleEvaluator` and
/// `policyRuleEvaluator.EvaluatePolicyRule`.
public struct CompiledPolicy: Sendable {
    /// The rules, in order.
    public let rules: [CompiledRule]
    /// Stages the policy omits for every request.
    public let omitStages: StageSet
    /// The policy-wide omitManagedFields.
    public let omitManagedFields: Bool
    /// The Kubernetes release whose matching rules apply.
    public let kubernetesVersion: KubernetesVersion

    public init(rules: [CompiledRule], omitStages: StageSet, omitManagedFields: Bool, kubernetesVersion: KubernetesVersion) {
        self.rules = rules
        self.omitStages = omitStages
        self.omitManagedFields = omitManagedFields
        self.kubernetesVersion = kubernetesVersion
    }

    /// The decision kube-apiserver makes for a request: the first matching rule wins;
    /// with no match the level is None with the policy's own omitStages and omitManagedFields.
    /// Upstream: `checker.go`, `EvaluatePolicyRule`; the union of stages is `NewPolicyRuleEvaluator`'s
    /// `unionStages`; the managedFields choice is `isOmitManagedFields`.
    public func decide(_ request: RequestAttributes) -> Decision {
        let wildcardGroup = kubernetesVersion.supportsWildcardGroup
        for index in rules.indices where rules[index].matches(request, wildcardGroup: wildcardGroup) {
            let rule = rules[index]
            return Decision(
                level: rule.level,
                omitStages: omitStages.union(rule.omitStages),
                omitManagedFields: rule.omitManagedFields ?? omitManagedFields,
                ruleIndex: index
            )
        }
        return Decision(level: .none, omitStages: omitStages, omitManagedFields: omitManagedFields, ruleIndex: nil)
    }

    /// The index of the first rule that matches, or `nil`.
    public func matchingRuleIndex(_ request: RequestAttributes) -> Int? {
        let wildcardGroup = kubernetesVersion.supportsWildcardGroup
        return rules.firstIndex { $0.matches(request, wildcardGroup: wildcardGroup) }
    }
}
