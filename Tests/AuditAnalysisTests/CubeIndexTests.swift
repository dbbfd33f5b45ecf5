@testable import AuditAnalysis
import AuditPolicy
import Testing

/// Issue 15, bounded memory and time: rule-order analysis looks only at the rules that can
/// overlap, through an index that never misses one.
struct CubeIndexTests {
    static func space(rules: Int, seed: UInt64) throws -> (RequestSpace, [[Cube]]) {
        let policy = try PolicyReader.read(PolicySource(name: "p.yaml", text: SyntheticPolicy.yaml(rules: rules, seed: seed))).compile()
        let space = RequestSpace(policies: [policy])
        return (space, space.ruleCubes(policy))
    }

    @Test("Lint time grows with rule count: the cube index finds every cube a cube meets", arguments: [1, 2, 3] as [UInt64])
    func cubeIndexNeverMissesAnOverlap(seed: UInt64) throws {
        let (space, ruleCubes) = try Self.space(rules: 150, seed: seed)
        let cubes = ruleCubes.flatMap { $0 }
        let index = CubeIndex(cubes, layout: space.layout)
        for query in cubes {
            let candidates = Set(index.candidates(meeting: query))
            let meeting = Set(cubes.indices.filter { space.layout.intersects(cubes[$0], query) })
            #expect(meeting.isSubset(of: candidates))
        }
    }

    @Test("Lint time grows with rule count: a rule for one user is compared only with rules that can take its requests")
    func cubeIndexSkipsDisjointRules() throws {
        // 2,000 rules, each for its own user: none can meet another, so each rule's candidates
        // are itself alone (the work per rule does not grow with the rule count).
        let rules = (0..<2_000).map { "  - level: Metadata\n    users: [\"user-\($0)\"]" }.joined(separator: "\n")
        let policy = try PolicyReader.read(PolicySource(name: "p.yaml", text: "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n" + rules + "\n")).compile()
        let space = RequestSpace(policies: [policy])
        let ruleCubes = space.ruleCubes(policy)
        let index = RuleCubeIndex(ruleCubes, layout: space.layout)
        for rule in stride(from: 0, to: 2_000, by: 97) {
            #expect(index.rules(meeting: ruleCubes[rule], before: rule).isEmpty)
            #expect(index.rules(meeting: ruleCubes[rule], after: rule).isEmpty)
        }
    }
}

/// Issue 15: re-checking witnesses looks only at the rules that can match them, with the same
/// decisions as the evaluator.
struct IndexedEvaluatorTests {
    @Test("Lint time grows with rule count: the indexed evaluator decides as CompiledPolicy.decide", arguments: [1, 2] as [UInt64])
    func indexedEvaluatorDecidesAsTheEvaluator(seed: UInt64) throws {
        let policy = try PolicyReader.read(PolicySource(name: "p.yaml", text: SyntheticPolicy.yaml(rules: 200, seed: seed))).compile()
        let map = PolicyMap(policy: policy)
        let evaluator = IndexedEvaluator(map: map)
        var requests = map.entries.map(\.requests.witness)
        // Variants outside the policy's literals: another user, verb, namespace and name.
        requests += requests.prefix(200).map { request in
            var variant = request
            variant.verb = "patch"
            if variant.user != nil { variant.user?.name = "someone-else" }
            if !variant.namespace.isEmpty { variant.namespace = "elsewhere" }
            return variant
        }
        try #require(requests.count > 200)
        for request in requests {
            #expect(evaluator.decide(request) == policy.decide(request))
        }
    }
}
