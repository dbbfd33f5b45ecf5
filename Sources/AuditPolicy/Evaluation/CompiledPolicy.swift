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
    /// The policy's `omitStages` as written, repeats included. kube-apiserver returns this list
    /// itself when no rule matches (`checker.go`, `EvaluatePolicyRule`: `OmitStages: p.OmitStages`),
    /// while a matching rule's list is a union without repeats (`unionStages`).
    public let omitStagesAsWritten: [Stage]

    public init(
        rules: [CompiledRule], omitStages: StageSet, omitManagedFields: Bool, kubernetesVersion: KubernetesVersion,
        omitStagesAsWritten: [Stage]? = nil
    ) {
        self.rules = rules
        self.omitStages = omitStages
        self.omitManagedFields = omitManagedFields
        self.kubernetesVersion = kubernetesVersion
        self.omitStagesAsWritten = omitStagesAsWritten ?? omitStages.stages
    }

    /// The `omitStages` list kube-apiserver's `RequestAuditConfig` holds for `decision`, sorted by
    /// name: the policy's list as written (repeats included) when no rule matched, else the union.
    public func omitStagesList(for decision: Decision) -> [Stage] {
        guard decision.ruleIndex == nil else { return decision.omitStages.sortedByName }
        return omitStagesAsWritten.sorted { $0.rawValue < $1.rawValue }
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
