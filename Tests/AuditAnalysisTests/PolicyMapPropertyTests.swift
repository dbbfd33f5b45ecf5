import AuditPolicy
import Testing
@testable import AuditAnalysis

/// Property tests: the map of a random policy never contradicts the evaluator
/// (`CompiledPolicy.decide`, which reproduces `pkg/audit/policy/checker.go`).
struct PolicyMapPropertyTests {
    /// What kube-apiserver can produce (`pkg/endpoints/request/requestinfo.go`): no path segment
    /// holds a `/`; a subresource follows a name; get has a name (without one it is list); list
    /// and watch have no subresource; deletecollection has no name; a create of a resource has no
    /// name. `system:unauthenticated` is the anonymous user's only group and no one else's.
    static func isRealistic(_ request: RequestAttributes) -> Bool {
        if request.isResourceRequest {
            let hasName = !request.name.isEmpty, hasSubresource = !request.subresource.isEmpty
            if hasSubresource, !hasName { return false }
            if request.verb == "get", !hasName { return false }
            if ["list", "watch"].contains(request.verb), hasSubresource { return false }
            if request.verb == "deletecollection", hasName { return false }
            if request.verb == "create", !hasSubresource, hasName { return false }
            let segments = [request.namespace, request.apiGroup, request.resource, request.subresource, request.name]
            if segments.contains(where: { $0.contains("/") }) { return false }
        }
        if let user = request.user {
            if user.name == "system:anonymous" { return user.groups == ["system:unauthenticated"] }
            return !user.groups.contains("system:unauthenticated")
        }
        return true
    }

    static let seeds: [UInt64] = Array(1...250)

    /// Checks that each of `requests` random requests (realistic or not) lies in exactly one piece
    /// of the map's unmerged split, decided by the rule the evaluator picks.
    static func expectSplitAgrees(_ map: PolicyMap, _ policy: CompiledPolicy, requests: Int, _ random: inout SplitMix64, seed: UInt64) {
        for _ in 0..<requests {
            let request = RandomPolicies.request(&random, realistic: false)
            let classified = map.space.classify(request)
            let holding = map.pieces.filter { map.space.contains($0.cube, classified) }
            #expect(holding.count == 1, "seed \(seed): \(holding.count) pieces hold \(request)")
            #expect(holding.first?.rule == policy.matchingRuleIndex(request), "seed \(seed): \(request)")
        }
    }

    @Test("the split covers every request once, with the evaluator's rule; every class's witness is realistic and decided as the class says", arguments: seeds)
    func mapAgreesWithEvaluator(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let policy = RandomPolicies.policy(&random)
        let map = PolicyMap(policy: policy)
        // The unmerged split, over every request (creates with names included).
        Self.expectSplitAgrees(map, policy, requests: 30, &random, seed: seed)
        // The merged classes, over requests that can occur.
        for entry in map.entries {
            let witness = entry.requests.witness
            #expect(entry.requests.contains(witness), "seed \(seed)")
            #expect(policy.decide(witness) == entry.decision, "seed \(seed): \(witness) in \(entry.requests.description.text)")
            #expect(Self.isRealistic(witness), "seed \(seed): \(witness)")
        }
        for _ in 0..<30 {
            let request = RandomPolicies.request(&random)
            let classified = map.space.classify(request)
            let holding = map.entries.filter { map.space.contains($0.requests.cube, classified) }
            #expect(holding.count == 1, "seed \(seed): \(holding.count) classes hold \(request)")
            #expect(holding.first?.decision == policy.decide(request), "seed \(seed): \(request)")
        }
    }
}
