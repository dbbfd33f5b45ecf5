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
        let orderRules = order.map(\.rule)
        let orderCubes = order.map(\.cube)
        // Each rule looks only at the match cubes that can meet it, in the same order.
        let cubeIndex = CubeIndex(orderCubes, layout: layout)
        // Each rule's class, and the unmatched class (index `disjoint.count`), is computed on its
        // own: independent work, run concurrently and collected in rule order. A heavy class
        // (`isHeavy`) is left for a second round, in slices computed side by side.
        let first = ConcurrentMap.map(disjoint.count + 1) { index -> ClassResult in
            let pieces = index < disjoint.count ? disjoint[index] : [layout.everything]
            let envelope = Self.envelope(pieces, layout: layout)
            let earlier = cubeIndex.candidates(meeting: envelope).filter { orderRules[$0] < index }
            if isHeavy(overlapping: earlier.count, of: orderCubes.count) { return .heavy(envelope: envelope, earlier: earlier) }
            return .computed(remainder(of: pieces, envelope: envelope, after: earlier, in: orderCubes, layout: layout))
        }
        var classes: [[Cube]] = []
        var slices: [(index: Int, pieces: [Cube], envelope: Cube, earlier: [Int])] = []
        for (index, result) in first.enumerated() {
            switch result {
            case .computed(let cubes):
                classes.append(cubes)
            case .heavy(let envelope, let earlier):
                classes.append([])
                let pieces = index < disjoint.count ? disjoint[index] : [layout.everything]
                for slice in Self.slices(pieces, envelope: envelope, overlapping: earlier.count, layout: layout) {
                    slices.append((index, slice, Self.envelope(slice, layout: layout), earlier))
                }
            }
        }
        let work = slices
        let computed = ConcurrentMap.map(work.count) { position in
            remainder(of: work[position].pieces, envelope: work[position].envelope, after: work[position].earlier, in: orderCubes, layout: layout)
        }
        // A class computed in slices has its slices joined again.
        var sliced = Set<Int>()
        for (position, item) in work.enumerated() {
            classes[item.index] += computed[position]
            sliced.insert(item.index)
        }
        for index in sliced.sorted() {
            classes[index] = CubeMerging.merge(classes[index], layout: layout)
        }
        var result: [Piece<Int>] = []
        for (index, cubes) in classes.enumerated() {
            let rule = index < disjoint.count ? index : nil
            for cube in cubes { result.append(Piece(cube: cube, tag: 0, rule: rule)) }
        }
        return result
    }

    /// A class computed in the first round, or the match cubes overlapping a heavy one.
    private enum ClassResult: Sendable {
        case computed([Cube])
        case heavy(envelope: Cube, earlier: [Int])
    }

    /// What is left of `pieces` (inside `envelope`) once the match cubes at `earlier` (positions
    /// in `cubes`, in subtraction order) are taken out.
    private static func remainder(of pieces: [Cube], envelope: Cube, after earlier: [Int], in cubes: [Cube], layout: CubeLayout) -> [Cube] {
        var pieces = pieces
        var mergedAt = max(8, pieces.count)
        for position in earlier {
            if pieces.isEmpty { break }
            guard layout.intersects(envelope, cubes[position]) else { continue }
            subtract(cubes[position], from: &pieces, layout: layout)
            // Subtraction fragments; joining the fragments again keeps later subtractions cheap.
            if pieces.count > 2 * mergedAt {
                pieces = CubeMerging.merge(pieces, layout: layout)
                mergedAt = max(8, pieces.count)
            }
        }
        return pieces
    }

    /// Overlapping cubes from which a class can be heavy.
    static let sliceThreshold = 128

    /// Whether a class that `overlapping` of the policy's `cubeCount` match cubes may overlap is
    /// heavy: it overlaps at least `sliceThreshold` of them and more than an eighth of all, so
    /// that, computed alone, it would keep one core busy long after the others are done (a
    /// catch-all after hundreds of rules). In a policy of many thousands of rules no class is that
    /// large a share, and the classes themselves keep every core busy.
    static func isHeavy(overlapping: Int, of cubeCount: Int) -> Bool {
        overlapping >= sliceThreshold && overlapping * 8 > cubeCount
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
