import AuditPolicy

/// Every class of requests that two policies log differently, exactly: the request space split
/// so that both policies decide uniformly on each class, keeping the classes where what is
/// written to the audit log differs (level, stages, managedFields).
public struct PolicyDiff: Sendable {
    /// One class whose logging changes.
    public struct Change: Sendable {
        public let requests: RequestClass
        /// The old policy's decision (its `ruleIndex` is the deciding rule of the old policy).
        public let old: Decision
        /// The new policy's decision.
        public let new: Decision
        public let oldEmission: Emission
        public let newEmission: Emission

        /// Stages written under the new policy and not the old one.
        public var stagesGained: StageSet { newEmission.stages.subtracting(oldEmission.stages) }
        /// Stages written under the old policy and not the new one.
        public var stagesLost: StageSet { oldEmission.stages.subtracting(newEmission.stages) }
    }

    /// A change that makes a checklist row fall short where the old policy met it.
    public struct Regression: Sendable {
        public let item: ChecklistItem
        public let requests: RequestClass
        public let old: Decision
        public let new: Decision
        /// What falls short under the new policy.
        public let problem: String
        /// Whether the shortfall depends on authorization the policy cannot see (the row is
        /// ``AuthorizationDependence``-marked and the requests include nothing in
        /// ``NeverSafeToQuiet``): reported, but not a regression unless strict.
        public let isAdvisory: Bool

        /// Whether the regression fails a regression gate: always when `strict`, else unless advisory.
        public func gates(strict: Bool) -> Bool { strict || !isAdvisory }
    }

    public let old: CompiledPolicy
    public let new: CompiledPolicy
    public let space: RequestSpace
    /// The changed classes, merged into as few as the greedy merge finds.
    public let changes: [Change]
    /// The changed classes before merging, with their rule pair and emissions.
    let pieces: [TraitSplit.Piece<RulePair>]

    struct RulePair: Hashable, Sendable {
        var old: Int?
        var new: Int?
    }

    /// Compares two policies. `selectors` are extra request sets the space must express (the
    /// checklist's, for regressions).
    public init(old: CompiledPolicy, new: CompiledPolicy, selectors: [RequestSelector] = SecurityChecklist.builtIn.selectors) {
        let space = RequestSpace(policies: [old, new], selectors: selectors + NeverSafeToQuiet.selectors + RequestTraits.all)
        let layout = space.layout
        self.old = old
        self.new = new
        self.space = space
        let oldClasses = FirstMatchPartition.classes(ruleCubes: space.ruleCubes(old), layout: layout)
        let newClasses = FirstMatchPartition.classes(ruleCubes: space.ruleCubes(new), layout: layout)
        var different: [Tagged<RulePair>] = []
        for oldClass in oldClasses {
            let oldEffect = DecisionEffect(old.decision(forRule: oldClass.rule))
            for newClass in newClasses where DecisionEffect(new.decision(forRule: newClass.rule)) != oldEffect {
                guard layout.intersects(oldClass.cube, newClass.cube), let shared = layout.intersection(oldClass.cube, newClass.cube) else { continue }
                different.append(Tagged(cube: shared, tag: RulePair(old: oldClass.rule, new: newClass.rule)))
            }
        }
        let refined = TraitSplit.split(different, space: space)
        var changed: [TraitSplit.Piece<RulePair>] = []
        struct Key: Hashable { var rules: RulePair; var old: Emission; var new: Emission }
        var groups: [Key: [Cube]] = [:]
        var order: [Key] = []
        for piece in refined {
            let oldEmission = Emission(decision: old.decision(forRule: piece.tag.old), hasUser: piece.hasUser, longRunning: piece.longRunning)
            let newEmission = Emission(decision: new.decision(forRule: piece.tag.new), hasUser: piece.hasUser, longRunning: piece.longRunning)
            guard oldEmission != newEmission, space.hasRealisticRequest(piece.cube), let realistic = space.realisticPart(piece.cube) else { continue }
            changed.append(piece)
            let key = Key(rules: piece.tag, old: oldEmission, new: newEmission)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(realistic)
        }
        pieces = changed
        let witnesses = WitnessBuilder(space: space, version: new.kubernetesVersion)
        // Ties on the rule pair keep first-appearance order (a total order, stable across runs).
        order = order.enumerated().sorted { lhs, rhs in
            ((lhs.element.rules.old ?? Int.max), (lhs.element.rules.new ?? Int.max), lhs.offset)
                < ((rhs.element.rules.old ?? Int.max), (rhs.element.rules.new ?? Int.max), rhs.offset)
        }.map(\.element)
        changes = order.flatMap { key in
            CubeMerging.merge(groups[key] ?? [], layout: layout).compactMap { cube -> Change? in
                guard let requests = RequestClass(cube: cube, witnesses: witnesses) else { return nil }
                return Change(requests: requests, old: old.decision(forRule: key.rules.old), new: new.decision(forRule: key.rules.new),
                              oldEmission: key.old, newEmission: key.new)
            }
        }
    }

    /// Whether nothing logged changes.
    public var isEmpty: Bool { changes.isEmpty }

    /// The change whose class holds the request, if its logging changes.
    public func change(containing request: RequestAttributes) -> Change? {
        changeIndex(containing: request).map { changes[$0] }
    }

    /// The index in `changes` of the change whose class holds the request.
    public func changeIndex(containing request: RequestAttributes) -> Int? {
        let classified = space.classify(request)
        return changes.firstIndex { space.contains($0.requests.cube, classified) }
    }

    /// Changes that make a checklist row fall short where the old policy met it (a pull request
    /// that stops logging `pods/exec`). The checklist's selectors must have been given at init.
    public func regressions(against checklist: SecurityChecklist = .builtIn) -> [Regression] {
        let layout = space.layout
        let witnesses = WitnessBuilder(space: space, version: new.kubernetesVersion)
        let neverSafe = space.disjointCubes(for: NeverSafeToQuiet.selectors)
        var result: [Regression] = []
        for item in checklist.items {
            let itemCubes = space.disjointCubes(for: item.requests)
            struct Key: Hashable { var rules: RulePair; var problem: String }
            var groups: [Key: [Cube]] = [:]
            var order: [Key] = []
            for piece in pieces {
                let oldEmission = Emission(decision: old.decision(forRule: piece.tag.old), hasUser: piece.hasUser, longRunning: piece.longRunning)
                let newEmission = Emission(decision: new.decision(forRule: piece.tag.new), hasUser: piece.hasUser, longRunning: piece.longRunning)
                guard item.requirement.shortfall(oldEmission) == nil, let problem = item.requirement.shortfall(newEmission) else { continue }
                for itemCube in itemCubes {
                    guard let shared = layout.intersection(piece.cube, itemCube).flatMap(space.realisticPart) else { continue }
                    let key = Key(rules: piece.tag, problem: problem)
                    if groups[key] == nil { order.append(key) }
                    groups[key, default: []].append(shared)
                }
            }
            for key in order {
                for cube in CubeMerging.merge(groups[key] ?? [], layout: layout) {
                    guard let requests = RequestClass(cube: cube, witnesses: witnesses) else { continue }
                    let advisory = NeverSafeToQuiet.isAdvisory(requests, item: item, neverSafe: neverSafe)
                    result.append(Regression(item: item, requests: requests, old: old.decision(forRule: key.rules.old),
                                             new: new.decision(forRule: key.rules.new), problem: key.problem, isAdvisory: advisory))
                }
            }
        }
        return result
    }
}
