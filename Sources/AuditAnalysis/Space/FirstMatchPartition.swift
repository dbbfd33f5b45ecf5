/// A cube with a value attached (what has been decided for its requests so far).
struct Tagged<Tag: Sendable>: Sendable {
    var cube: Cube
    var tag: Tag
}

/// The first-match split of the request space, as kube-apiserver evaluates rules in order.
///
/// Upstream: `pkg/audit/policy/checker.go`, `EvaluatePolicyRule`: the first rule that matches
/// decides. Two exact ways to compute it:
/// - ``split(_:ruleCubes:range:layout:)``: for each rule in order, the part of every remaining cube
///   inside the rule's match set is decided by that rule and the rest (as disjoint cubes) goes on;
///   what is left after the last rule matches no rule. Best for splitting a few small cubes.
/// - ``classes(ruleCubes:layout:)``: each rule's class is its own match set minus the match sets of
///   the earlier rules that overlap it, so a class is only cut where an earlier rule really takes
///   part of it. Best for the whole space: far fewer, more readable pieces.
enum FirstMatchPartition {
    /// One piece of the result.
    struct Piece<Tag: Sendable>: Sendable {
        var cube: Cube
        var tag: Tag
        /// The index of the deciding rule (into the full rule list), or `nil` when none matches.
        var rule: Int?
    }

    /// The classes of every rule (its match set minus earlier rules' match sets) and of no rule
    /// (everything minus every match set), as disjoint cubes tagged with the rule.
    ///
    /// A set difference does not depend on the order it is taken in, so the broadest match cubes
    /// are subtracted first: they remove the most with the fewest pieces.
    static func classes(ruleCubes: [[Cube]], layout: CubeLayout) -> [Piece<Int>] {
        let disjoint = ruleCubes.map { disjointUnion($0, layout: layout) }
        let order = ruleCubes.enumerated()
            .flatMap { rule, cubes in cubes.map { (rule: rule, cube: $0, breadth: breadth($0, layout: layout)) } }
            .enumerated()
            // Ties keep rule order (a total order: the same on every run).
            .sorted { ($0.element.breadth, $1.offset) > ($1.element.breadth, $0.offset) }
            .map(\.element)
        let orderCubes = order.map(\.cube)
        let work = plan(disjoint, order: order.map(\.rule), cubes: orderCubes, layout: layout)
        // The longest work first, so that the short ones fill in around it.
        let schedule = work.indices.sorted { (work[$0].earlier.count, $1) > (work[$1].earlier.count, $0) }
        let computed = ConcurrentMap.map(schedule.count) { position -> [Cube] in
            let item = work[schedule[position]]
            var pieces = item.pieces
            let envelope = Self.envelope(pieces, layout: layout)
            var mergedAt = max(8, pieces.count)
            for position in item.earlier {
                if pieces.isEmpty { break }
                guard layout.intersects(envelope, orderCubes[position]) else { continue }
                subtract(orderCubes[position], from: &pieces, layout: layout)
                // Subtraction fragments; joining the fragments again keeps later subtractions cheap.
                if pieces.count > 2 * mergedAt {
                    pieces = CubeMerging.merge(pieces, layout: layout)
                    mergedAt = max(8, pieces.count)
                }
            }
            return pieces
        }
        // Back in plan order; a class computed in slices has its slices joined again.
        var classes = [[Cube]](repeating: [], count: disjoint.count + 1)
        var parts = [Int](repeating: 0, count: disjoint.count + 1)
        for (position, workIndex) in schedule.enumerated().sorted(by: { $0.element < $1.element }) {
            classes[work[workIndex].index] += computed[position]
            parts[work[workIndex].index] += 1
        }
        for index in classes.indices where parts[index] > 1 {
            classes[index] = CubeMerging.merge(classes[index], layout: layout)
        }
        var result: [Piece<Int>] = []
        for (index, cubes) in classes.enumerated() {
            let rule = index < disjoint.count ? index : nil
            for cube in cubes { result.append(Piece(cube: cube, tag: 0, rule: rule)) }
        }
        return result
    }

    /// One class's pieces (or a slice of them) and the earlier match cubes that may overlap them,
    /// as positions in the subtraction order.
    struct ClassWork: Sendable {
        /// The rule (`disjoint.count`: no rule).
        var index: Int
        var pieces: [Cube]
        var earlier: [Int]
    }

    /// Overlapping cubes from which a class is worth slicing.
    static let sliceThreshold = 128

    /// The work of computing every class: each rule's own match set (`disjoint`), and everything
    /// for the unmatched class, with the match cubes of earlier rules (`order[position]` is the
    /// rule of `cubes[position]`) that can meet it, found in an index. A class that many earlier
    /// match cubes overlap (a catch-all at the end of a long policy) is split by verb into
    /// slices computed apart, so that one long class does not run alone on one core.
    static func plan(_ disjoint: [[Cube]], order: [Int], cubes: [Cube], layout: CubeLayout) -> [ClassWork] {
        let cubeIndex = CubeIndex(cubes, layout: layout)
        var work: [ClassWork] = []
        for index in 0...disjoint.count {
            let pieces = index < disjoint.count ? disjoint[index] : [layout.everything]
            let envelope = Self.envelope(pieces, layout: layout)
            let earlier = cubeIndex.candidates(meeting: envelope).filter { order[$0] < index }
            for slice in slices(pieces, envelope: envelope, overlapping: earlier.count, layout: layout) {
                work.append(ClassWork(index: index, pieces: slice, earlier: earlier))
            }
        }
        return work
    }

    /// The pieces as one slice, or, when `overlapping` earlier cubes make the class long to
    /// compute, as slices by verb: disjoint, together the same requests. Any dimension would do;
    /// the verb keeps every cube's invariants, as it applies to every kind of request.
    static func slices(_ pieces: [Cube], envelope: Cube, overlapping: Int, layout: CubeLayout) -> [[Cube]] {
        let verbs = layout.atoms(envelope, .verb)
        let count = min(verbs.count, overlapping / sliceThreshold * 2, 16)
        guard count > 1 else { return [pieces] }
        return (0..<count).map { slice in
            let atoms = verbs.indices.filter { $0 % count == slice }.map { verbs[$0] }
            return pieces.compactMap { piece in
                var part = piece
                layout.restrict(&part, .verb, to: atoms)
                return layout.hasEmptyDimension(part.words) ? nil : part
            }
        }
    }

    /// A cube holding every cube given: their atoms joined, with no group condition.
    private static func envelope(_ cubes: [Cube], layout: CubeLayout) -> Cube {
        var words = [UInt64](repeating: 0, count: layout.full.count)
        for cube in cubes {
            for index in words.indices { words[index] |= cube.words[index] }
        }
        return Cube(words: words, groups: .any(wordCount: layout.groupWordCount))
    }

    /// Removes `match` from the pieces, in place.
    private static func subtract(_ match: Cube, from pieces: inout [Cube], layout: CubeLayout) {
        var added: [Cube] = []
        var index = 0
        while index < pieces.count {
            guard layout.intersects(pieces[index], match) else {
                index += 1
                continue
            }
            added += layout.subtracting(pieces[index], match)
            pieces.swapAt(index, pieces.count - 1)
            pieces.removeLast()
        }
        pieces += added
    }

    /// How much of the space a cube covers, roughly: the share of atoms it holds per dimension.
    private static func breadth(_ cube: Cube, layout: CubeLayout) -> Double {
        var total = 0.0
        for dimension in Dimension.allCases {
            total += Double(layout.atoms(cube, dimension).count) / Double(max(1, layout.atomCounts[dimension.rawValue]))
        }
        return total + (cube.groups.isAny ? 1 : 0.5)
    }

    /// Disjoint cubes with the same union as `cubes`.
    static func disjointUnion(_ cubes: [Cube], layout: CubeLayout) -> [Cube] {
        var result: [Cube] = []
        for cube in cubes {
            var pieces = [cube]
            for earlier in result where !pieces.isEmpty {
                pieces = pieces.flatMap { layout.intersects($0, earlier) ? layout.subtracting($0, earlier) : [$0] }
            }
            result += pieces
        }
        return result
    }

    /// Splits the inputs by the rules `ruleCubes[range]` (indices are kept as in `ruleCubes`).
    static func split<Tag: Sendable>(
        _ inputs: [Tagged<Tag>], ruleCubes: [[Cube]], range: Range<Int>? = nil, layout: CubeLayout
    ) -> [Piece<Tag>] {
        var remaining = inputs
        var decided: [Piece<Tag>] = []
        for index in range ?? ruleCubes.indices {
            if remaining.isEmpty { break }
            let matchSet = ruleCubes[index]
            if matchSet.isEmpty { continue }
            var next: [Tagged<Tag>] = []
            next.reserveCapacity(remaining.count)
            for item in remaining {
                var pieces = [item.cube]
                for match in matchSet {
                    var outside: [Cube] = []
                    for piece in pieces {
                        guard layout.intersects(piece, match), let inside = layout.intersection(piece, match) else {
                            outside.append(piece)
                            continue
                        }
                        decided.append(Piece(cube: inside, tag: item.tag, rule: index))
                        outside += layout.subtracting(piece, match)
                    }
                    pieces = outside
                    if pieces.isEmpty { break }
                }
                for piece in pieces { next.append(Tagged(cube: piece, tag: item.tag)) }
            }
            remaining = next
        }
        for item in remaining { decided.append(Piece(cube: item.cube, tag: item.tag, rule: nil)) }
        return decided
    }
}
