import AuditPolicy
import Synchronization

/// The whole behaviour of one policy: the request space split into classes, each decided by one
/// rule (or by none), with a witness and a description. Exact: every request of a class gets the
/// class's decision from `CompiledPolicy.decide`.
public struct PolicyMap: Sendable {
    /// One class and its decision.
    public struct Entry: Sendable {
        public let requests: RequestClass
        public let decision: Decision
    }

    /// One rule as a reader sees it: what it selects, which earlier rules take part of that, and
    /// a request it decides. The compact form of the map, one entry per rule.
    public struct RuleSummary: Sendable {
        public let ruleIndex: Int
        public let decision: Decision
        /// What the rule's selectors match, one description per cube.
        public let selects: [RequestClassDescription]
        /// Earlier rules that take some of those requests first.
        public let exceptRules: [Int]
        /// A request the rule decides, or `nil` when it decides none (shadowed).
        public let example: RequestAttributes?
    }

    public let policy: CompiledPolicy
    public let space: RequestSpace
    /// Each rule's match set in ``space``, in rule order (computed once for every analysis of the map).
    let ruleCubes: [[Cube]]
    /// The disjoint pieces of the first-match split, before merging (all of the space).
    let pieces: [FirstMatchPartition.Piece<Int>]
    /// The realistic parts of the pieces, by deciding rule (`nil`: no rule), in map order.
    private let realisticByRule: [(rule: Int?, cubes: [Cube])]
    /// ``entries``, built on first use.
    private let entryCache = BuiltOnce<[Entry]>()
    private let pieceIndexCache = BuiltOnce<CubeIndex>()
    private let ruleIndexCache = BuiltOnce<RuleCubeIndex>()

    /// An index of ``pieces``' cubes, built on first use and shared by the analyses of the map.
    var pieceIndex: CubeIndex { pieceIndexCache.value { CubeIndex(pieces.map(\.cube), layout: space.layout) } }
    /// An index of ``ruleCubes``, built on first use and shared by the analyses of the map.
    var ruleIndex: RuleCubeIndex { ruleIndexCache.value { RuleCubeIndex(ruleCubes, layout: space.layout) } }

    /// Maps `policy` in `space` (default: a space built from the policy alone).
    public init(policy: CompiledPolicy, space: RequestSpace? = nil) {
        let space = space ?? RequestSpace(policies: [policy])
        self.policy = policy
        self.space = space
        let ruleCubes = space.ruleCubes(policy)
        self.ruleCubes = ruleCubes
        let pieces = FirstMatchPartition.classes(ruleCubes: ruleCubes, layout: space.layout)
        self.pieces = pieces
        var byRule: [Int: [Cube]] = [:]
        for piece in pieces {
            guard let realistic = space.realisticPart(piece.cube) else { continue }
            byRule[piece.rule ?? policy.rules.count, default: []].append(realistic)
        }
        realisticByRule = byRule.keys.sorted().map { key in (key < policy.rules.count ? key : nil, byRule[key] ?? []) }
    }

    /// The classes, merged into as few as the greedy merge finds, by rule order (unmatched last).
    /// Classes holding only requests that cannot occur (a `create` with a name) are left out.
    /// Built on first use (witnesses and descriptions for every class are the costly part).
    public var entries: [Entry] {
        entryCache.value { buildEntries { _ in true } }
    }

    /// The entries whose decision satisfies `include`, in map order: the same as filtering
    /// ``entries``, but only the classes of the rules selected are built.
    public func entries(decidedWhere include: (Decision) -> Bool) -> [Entry] {
        if let all = entryCache.built { return all.filter { include($0.decision) } }
        return buildEntries(include)
    }

    private func buildEntries(_ include: (Decision) -> Bool) -> [Entry] {
        let (compiled, layout) = (policy, space.layout)
        let witnesses = WitnessBuilder(space: space, version: compiled.kubernetesVersion)
        let selected = realisticByRule.filter { include(compiled.decision(forRule: $0.rule)) }
        // Each rule's classes are independent: built concurrently, collected in map order.
        return ConcurrentMap.map(selected.count, minimumCount: 32) { index -> [Entry] in
            let decision = compiled.decision(forRule: selected[index].rule)
            return CubeMerging.merge(selected[index].cubes, layout: layout).compactMap { cube in
                RequestClass(cube: cube, witnesses: witnesses).map { Entry(requests: $0, decision: decision) }
            }
        }.flatMap { $0 }
    }

    /// One summary per rule, in order.
    public var ruleSummaries: [RuleSummary] {
        let layout = space.layout
        let ruleIndex = self.ruleIndex
        var witnessesByRule: [Int: [RequestAttributes]] = [:]
        for entry in entries {
            if let rule = entry.decision.ruleIndex { witnessesByRule[rule, default: []].append(entry.requests.witness) }
        }
        return policy.rules.indices.map { index in
            let own = ruleCubes[index]
            let except = ruleIndex.rules(meeting: own, before: index).filter { earlier in
                ruleCubes[earlier].contains { match in own.contains { layout.intersection($0, match).flatMap(space.realisticPart) != nil } }
            }
            let selects = CubeMerging.merge(own.compactMap(space.realisticPart), layout: layout).map(space.describe)
            let decided = witnessesByRule[index] ?? []
            let example = decided.first { $0.user != nil } ?? decided.first
            return RuleSummary(ruleIndex: index, decision: policy.decision(forRule: index), selects: selects, exceptRules: except, example: example)
        }
    }

    /// The entry whose class holds the request (`nil` only for requests that cannot occur).
    public func entry(containing request: RequestAttributes) -> Entry? {
        let classified = space.classify(request)
        return entries.first { space.contains($0.requests.cube, classified) }
    }
}

/// A value of a policy map built on first use, once, and shared by copies of the map (and by
/// the threads that use it).
private final class BuiltOnce<Value: Sendable>: Sendable {
    private let storage = Mutex<Value?>(nil)

    /// The value, if built.
    var built: Value? { storage.withLock { $0 } }

    /// The value, built by `build` on first use; a thread that asks while another builds it
    /// waits for that value rather than building its own.
    func value(_ build: () -> Value) -> Value {
        storage.withLock { stored in
            if let stored { return stored }
            let value = build()
            stored = value
            return value
        }
    }
}
