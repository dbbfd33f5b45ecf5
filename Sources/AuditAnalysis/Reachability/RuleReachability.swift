import AuditPolicy

/// Exact shadowed and redundant rule analysis, with witnesses, for the linter.
public enum RuleReachability {
    /// Rules no request reaches: earlier rules take all of their requests, or they match no
    /// request that can occur. Exact over every possible request.
    public static func shadowedRules(in policy: CompiledPolicy) -> [ShadowedRule] {
        shadowedRules(in: PolicyMap(policy: policy))
    }

    /// Shadowed rules of a policy already mapped.
    public static func shadowedRules(in map: PolicyMap) -> [ShadowedRule] {
        let space = map.space
        let layout = space.layout
        let witnesses = WitnessBuilder(space: space, version: map.policy.kubernetesVersion)
        let ruleCubes = map.ruleCubes
        let pieces = map.pieces
        var piecesByRule = [[Int]](repeating: [], count: ruleCubes.count)
        for index in pieces.indices {
            if let rule = pieces[index].rule { piecesByRule[rule].append(index) }
        }
        let pieceIndex = map.pieceIndex
        let shadowed = ruleCubes.indices.filter { index in
            !piecesByRule[index].contains { space.hasRealisticRequest(pieces[$0].cube) }
        }
        // Each shadowed rule's covering rules are independent: computed concurrently, collected in
        // rule order (the same result as one after another).
        return ConcurrentMap.map(shadowed.count) { slot -> ShadowedRule in
            let index = shadowed[slot]
            let own = ruleCubes[index]
            var covers: [ShadowedRule.Cover] = []
            // Only the pieces of earlier rules that can meet this rule's match set can take its
            // requests: looked up in the index, then visited rule by rule, each rule's pieces in
            // order, as a scan of every earlier rule's pieces would.
            var candidatesByRule: [Int: [Int]] = [:]
            for position in pieceIndex.candidates(meetingAnyOf: own) {
                if let rule = pieces[position].rule, rule < index { candidatesByRule[rule, default: []].append(position) }
            }
            for earlier in candidatesByRule.keys.sorted() {
                search: for pieceIndex in candidatesByRule[earlier] ?? [] {
                    for match in own where layout.intersects(pieces[pieceIndex].cube, match) {
                        guard let shared = layout.intersection(pieces[pieceIndex].cube, match), let example = witnesses.witness(for: shared) else { continue }
                        covers.append(ShadowedRule.Cover(ruleIndex: earlier, example: example))
                        break search
                    }
                }
            }
            return ShadowedRule(ruleIndex: index, reason: covers.isEmpty ? .matchesNoRequest : .coveredByEarlierRules, coveringRules: covers)
        }
    }

    /// Rules that decide some requests but whose removal changes nothing that is logged
    /// (see ``RedundantRule``). Shadowed rules are not listed here.
    public static func redundantRules(in policy: CompiledPolicy) -> [RedundantRule] {
        redundantRules(in: PolicyMap(policy: policy))
    }

    /// Redundant rules of a policy already mapped.
    public static func redundantRules(in map: PolicyMap) -> [RedundantRule] {
        let space = map.space
        let policy = map.policy
        let witnesses = WitnessBuilder(space: space, version: policy.kubernetesVersion)
        let ruleCubes = map.ruleCubes
        var decidedPieces: [Int: [Cube]] = [:]
        let pieces = map.pieces
        for index in pieces.indices {
            if let rule = pieces[index].rule, space.hasRealisticRequest(pieces[index].cube) { decidedPieces[rule, default: []].append(pieces[index].cube) }
        }
        // Each rule's fallbacks are independent: computed concurrently, used in rule order.
        let decided = decidedPieces
        let ruleIndex = map.ruleIndex
        let fallbacksByRule = ConcurrentMap.map(policy.rules.count) { index -> [(cube: Cube, rule: Int?)]? in
            guard let pieces = decided[index] else { return nil }
            // Only later rules that meet the pieces can split them; the others are skipped.
            let later = ruleIndex.rules(meeting: pieces, after: index)
            return fallbackIfIdentical(pieces, after: index, later: later, own: policy.decision(forRule: index), policy: policy, ruleCubes: ruleCubes, space: space)
        }
        var result: [RedundantRule] = []
        for index in policy.rules.indices {
            guard let fallbacks = fallbacksByRule[index] else { continue }
            guard let example = fallbacks.first(where: { witnesses.witness(for: $0.cube) != nil }),
                  let request = witnesses.witness(for: example.cube)
            else { continue }
            var rules: [Int?] = []
            for fallback in fallbacks where space.hasRealisticRequest(fallback.cube) && !rules.contains(fallback.rule) {
                rules.append(fallback.rule)
            }
            rules.sort { ($0 ?? Int.max) < ($1 ?? Int.max) }
            result.append(RedundantRule(ruleIndex: index, fallbackRules: rules, example: request, exampleFallbackRule: example.rule))
        }
        return result
    }

    /// The pieces split by the rules after `index` (`later`: those of them that can meet the
    /// pieces, in order), when every realistic piece is decided identically to `own`; `nil` as
    /// soon as one is not.
    private static func fallbackIfIdentical(
        _ pieces: [Cube], after index: Int, later laterRules: [Int], own: Decision, policy: CompiledPolicy, ruleCubes: [[Cube]], space: RequestSpace
    ) -> [(cube: Cube, rule: Int?)]? {
        let layout = space.layout
        var remaining = pieces
        var decided: [(cube: Cube, rule: Int?)] = []
        for later in laterRules + [policy.rules.count] {
            if remaining.isEmpty { break }
            let isDefault = later == policy.rules.count
            let matchSet = isDefault ? [layout.everything] : ruleCubes[later]
            let rule: Int? = isDefault ? nil : later
            let identical = DecisionEffect(own) == DecisionEffect(policy.decision(forRule: rule))
            var next: [Cube] = []
            for cube in remaining {
                var outside = [cube]
                for match in matchSet {
                    var rest: [Cube] = []
                    for piece in outside {
                        guard layout.intersects(piece, match), let inside = layout.intersection(piece, match) else {
                            rest.append(piece)
                            continue
                        }
                        if space.hasRealisticRequest(inside) {
                            if !identical { return nil }
                            decided.append((inside, rule))
                        }
                        rest += layout.subtracting(piece, match)
                    }
                    outside = rest
                }
                next += outside
            }
            remaining = next
        }
        return decided
    }
}

/// What a decision changes in the audit log: the level; the omitted stages when anything is
/// logged; omitManagedFields when bodies are logged.
struct DecisionEffect: Hashable {
    var level: Level
    var omitStages: StageSet
    var omitManagedFields: Bool

    init(_ decision: Decision) {
        level = decision.level
        omitStages = decision.level == .none ? [] : decision.omitStages
        omitManagedFields = decision.level >= .request ? decision.omitManagedFields : false
    }
}
