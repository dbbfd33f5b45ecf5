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
        // own: independent work, run concurrently and collected in rule order.
        let classes = ConcurrentMap.map(disjoint.count + 1) { index -> [Cube] in
            guard index < disjoint.count else {
                var unmatched = [layout.everything]
                for position in orderCubes.indices {
                    if unmatched.isEmpty { break }
                    subtract(orderCubes[position], from: &unmatched, layout: layout)
                }
                return unmatched
            }
            var pieces = disjoint[index]
            // Every piece lies inside the rule's envelope (its cubes' atoms joined): a match cube
            // that misses the envelope misses every piece.
            let envelope = Self.envelope(pieces, layout: layout)
            var mergedAt = max(8, pieces.count)
            for position in cubeIndex.candidates(meeting: envelope) where orderRules[position] < index {
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
        var result: [Piece<Int>] = []
        for (index, cubes) in classes.enumerated() {
            let rule = index < disjoint.count ? index : nil
            for cube in cubes { result.append(Piece(cube: cube, tag: 0, rule: rule)) }
        }
        return result
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
