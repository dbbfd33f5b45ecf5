import AuditPolicy

/// A class of requests with what a policy does to it, and what is wrong with that.
public struct ClassOutcome: Sendable {
    public let requests: RequestClass
    public let decision: Decision
    public let emission: Emission
    /// Why it falls short (empty when nothing does).
    public let problem: String
}

/// How a policy serves one expectation (a checklist row or a Logs Insights query).
public struct ExpectationResult: Sendable {
    /// Classes whose events do not meet the requirement.
    public let gaps: [ClassOutcome]
    /// Classes logged above the maximum level (sensitive bodies written to the log).
    public let exposures: [ClassOutcome]
    /// Classes that meet the requirement but are below the recommended level.
    public let belowRecommended: [ClassOutcome]

    /// Whether nothing falls short and nothing is exposed.
    public var isOK: Bool { gaps.isEmpty && exposures.isEmpty }
}

/// Checks which classes of an expectation's requests a policy logs well enough.
enum ExpectationCheck {
    /// `classIndex` indexes the cubes of `classes`; `witnesses` builds examples in `space`.
    static func check(
        requests: [RequestSelector], requirement: EventRequirement, recommended: Level?, maximum: Level?,
        policy: CompiledPolicy, space: RequestSpace, classes: [FirstMatchPartition.Piece<Int>], classIndex: CubeIndex,
        witnesses: WitnessBuilder
    ) -> ExpectationResult {
        let layout = space.layout
        var decided: [Tagged<Int>] = []
        for itemCube in space.disjointCubes(for: requests) {
            // Only the classes that can meet the item's cube, in class order (as a scan of every class).
            for index in classIndex.candidates(meeting: itemCube) {
                guard layout.intersects(itemCube, classes[index].cube), let shared = layout.intersection(itemCube, classes[index].cube) else { continue }
                decided.append(Tagged(cube: shared, tag: classes[index].rule ?? -1))
            }
        }
        let pieces = TraitSplit.split(decided, space: space)

        struct Key: Hashable {
            var rule: Int; var emission: Emission; var problem: String
            /// A total order (rule, problem, then the emission), so the output does not depend on
            /// dictionary order.
            static func precedes(_ a: Key, _ b: Key) -> Bool {
                let left = (a.rule, a.problem, a.emission.level, a.emission.stages.rawValue, order(a.emission.omitManagedFields))
                let right = (b.rule, b.problem, b.emission.level, b.emission.stages.rawValue, order(b.emission.omitManagedFields))
                return left < right
            }
            private static func order(_ flag: Bool?) -> Int { flag.map { $0 ? 2 : 1 } ?? 0 }
        }
        var gaps: [Key: [Cube]] = [:], exposures: [Key: [Cube]] = [:], below: [Key: [Cube]] = [:]
        for piece in pieces {
            guard let cube = space.realisticPart(piece.cube) else { continue }
            let decision = policy.decision(forRule: piece.tag < 0 ? nil : piece.tag)
            let emission = Emission(decision: decision, hasUser: piece.hasUser, longRunning: piece.longRunning)
            if let problem = requirement.shortfall(emission) {
                gaps[Key(rule: piece.tag, emission: emission, problem: problem), default: []].append(cube)
            } else if let recommended, emission.level < recommended {
                below[Key(rule: piece.tag, emission: emission, problem: "logged at \(emission.level.rawValue); \(recommended.rawValue) is recommended"), default: []].append(cube)
            }
            if let maximum, emission.level > maximum {
                exposures[Key(rule: piece.tag, emission: emission, problem: "logged at \(emission.level.rawValue): bodies above \(maximum.rawValue) write sensitive data"), default: []].append(cube)
            }
        }
        func outcomes(_ groups: [Key: [Cube]]) -> [ClassOutcome] {
            groups.keys.sorted(by: Key.precedes).flatMap { key in
                CubeMerging.merge(groups[key] ?? [], layout: layout).compactMap { cube -> ClassOutcome? in
                    guard let requests = RequestClass(cube: cube, witnesses: witnesses) else { return nil }
                    return ClassOutcome(requests: requests, decision: policy.decision(forRule: key.rule < 0 ? nil : key.rule),
                                        emission: key.emission, problem: key.problem)
                }
            }
        }
        return ExpectationResult(gaps: outcomes(gaps), exposures: outcomes(exposures), belowRecommended: outcomes(below))
    }
}
