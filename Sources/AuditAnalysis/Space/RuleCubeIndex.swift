/// A ``CubeIndex`` over the match cubes of a policy's rules: which rules can meet given cubes.
struct RuleCubeIndex: Sendable {
    private let index: CubeIndex
    /// The rule each indexed cube belongs to.
    private let owners: [Int]

    init(_ ruleCubes: [[Cube]], layout: CubeLayout) {
        var cubes: [Cube] = [], owners: [Int] = []
        for (rule, matchSet) in ruleCubes.enumerated() {
            for cube in matchSet {
                cubes.append(cube)
                owners.append(rule)
            }
        }
        index = CubeIndex(cubes, layout: layout)
        self.owners = owners
    }

    /// The rules, in order, that may share a request with one of `cubes` (every one that does,
    /// and possibly some that do not) among those that `include` keeps.
    ///
    /// One query, for the cubes' envelope (their atoms joined): a superset of the rules meeting
    /// any of them.
    private func rules(meeting cubes: [Cube], where include: (Int) -> Bool) -> [Int] {
        var found: [Int] = []
        // Positions are in rule order, so owners come sorted; a rule's cubes are adjacent.
        for position in index.candidates(meetingAnyOf: cubes) where include(owners[position]) && found.last != owners[position] {
            found.append(owners[position])
        }
        return found
    }

    /// The rules before `rule` that may meet `cubes`, in order.
    func rules(meeting cubes: [Cube], before rule: Int) -> [Int] { rules(meeting: cubes) { $0 < rule } }

    /// The rules after `rule` that may meet `cubes`, in order.
    func rules(meeting cubes: [Cube], after rule: Int) -> [Int] { rules(meeting: cubes) { $0 > rule } }
}
