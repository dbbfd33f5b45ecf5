import AuditPolicy

/// Decides requests exactly as `CompiledPolicy.decide` does (the first rule that matches,
/// `pkg/audit/policy/checker.go`, `EvaluatePolicyRule`), but runs the evaluator's own matching
/// only on the rules whose match sets can hold the request, found through a ``RuleCubeIndex``.
/// Checking many witnesses against a policy of many rules then costs about the rules that can
/// match each one, not every rule before it.
public struct IndexedEvaluator: Sendable {
    private let policy: CompiledPolicy
    private let space: RequestSpace
    private let index: RuleCubeIndex

    /// An evaluator for the policy of `map`, in its request space.
    public init(map: PolicyMap) {
        policy = map.policy
        space = map.space
        index = map.ruleIndex
    }

    /// The decision for `request`: the same as `CompiledPolicy.decide(request)`.
    public func decide(_ request: RequestAttributes) -> Decision {
        let wildcardGroup = policy.kubernetesVersion.supportsWildcardGroup
        let rule = index.rules(meeting: [point(request)], after: -1).first { policy.rules[$0].matches(request, wildcardGroup: wildcardGroup) }
        return policy.decision(forRule: rule)
    }

    /// The cube holding the request's atom in every dimension (and any groups): every rule
    /// cube that holds the request meets it.
    private func point(_ request: RequestAttributes) -> Cube {
        let classified = space.classify(request)
        let layout = space.layout
        var cube = layout.everything
        let atoms: [(Dimension, Int)] = [
            (.kind, classified.kind), (.presence, classified.presence), (.user, classified.user), (.verb, classified.verb),
            (.namespace, classified.namespace), (.apiGroup, classified.apiGroup), (.resource, classified.resource),
            (.subresource, classified.subresource), (.name, classified.name), (.path, classified.path),
        ]
        for (dimension, atom) in atoms { layout.set(&cube, dimension, to: [atom]) }
        return cube
    }
}
