/// Why a policy decides what it does for one request: the decision, the stages, and for each
/// earlier rule the first reason it did not match.
public struct Explanation: Sendable {
    /// One rule that was tried before the matching one.
    public struct SkippedRule: Sendable {
        /// The rule's 0-based index.
        public var index: Int
        /// The first reason it does not match, in kube-apiserver's checking order.
        public var mismatch: RuleMismatch
    }

    /// The request explained.
    public var request: RequestAttributes
    /// The decision.
    public var decision: Decision
    /// The stages emitted, in order.
    public var stages: [Stage]
    /// Every rule before the matching one (all rules when none matched).
    public var skipped: [SkippedRule]

    /// Explains how `policy` decides `request`.
    public init(policy: CompiledPolicy, request: RequestAttributes, outcome: RequestOutcome = .completed) {
        self.request = request
        decision = policy.decide(request)
        stages = decision.emittedStages(for: request, outcome: outcome)
        let wildcardGroup = policy.kubernetesVersion.supportsWildcardGroup
        let end = decision.ruleIndex ?? policy.rules.count
        skipped = (0..<end).compactMap { index in
            policy.rules[index].firstMismatch(request, wildcardGroup: wildcardGroup).map { SkippedRule(index: index, mismatch: $0) }
        }
    }
}

extension RuleMismatch {
    /// A sentence saying why `rule` does not match.
    public func describe(in rule: CompiledRule, request: RequestAttributes) -> String {
        switch self {
        case .noUser(let field):
            "the rule lists \(field.rawValue) and the request has no authenticated user"
        case .user(let name):
            "user \(quote(name)) is not one of \(list(rule.users))"
        case .userGroups(let groups):
            groups.isEmpty
                ? "the user has no groups; the rule needs one of \(list(rule.userGroups))"
                : "none of the user's groups \(list(groups)) is one of \(list(rule.userGroups))"
        case .verb(let verb):
            "verb \(quote(verb)) is not one of \(list(rule.verbs))"
        case .notAResourceRequest:
            "a resource rule never matches a non-resource request"
        case .namespace(let namespace):
            namespace.isEmpty
                ? "the request is cluster-scoped (namespace \"\") and the rule lists namespaces \(list(rule.namespaces))"
                : "namespace \(quote(namespace)) is not one of \(list(rule.namespaces))"
        case .resource:
            "group \(quote(request.apiGroup)) resource \(quote(request.subresource.isEmpty ? request.resource : request.resource + "/" + request.subresource))"
                + (request.name.isEmpty ? "" : " name \(quote(request.name))") + " matches no entry of resources"
        case .notANonResourceRequest:
            "a non-resource rule never matches a resource request"
        case .path(let path):
            "path \(quote(path)) matches none of \(list(rule.nonResourceURLs))"
        }
    }

    /// A value in quotes; a very long one clipped (`DisplayClipping`).
    private func quote(_ text: String) -> String { "\"\(DisplayClipping.clipped(text))\"" }
    private func list(_ items: [String]) -> String { "[" + items.map(quote).joined(separator: ", ") + "]" }
}
