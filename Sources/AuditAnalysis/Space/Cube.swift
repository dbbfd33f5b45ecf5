/// A product set of requests: for each dimension a set of atoms, and a group constraint.
///
/// Cubes are the unit of exact reasoning: a rule's match set is a union of cubes, and the
/// intersection and difference of cubes are computed exactly (the difference as disjoint cubes),
/// as firewall rule analyzers do. Bits for every dimension live in one array; ``CubeLayout`` says
/// where each dimension's words are.
///
/// Invariants (kept by every operation): a cube whose kind allows non-resource requests has every
/// resource dimension full, one that allows resource requests has the path full, and one that
/// allows requests with no user has the user full and no group constraint.
struct Cube: Hashable, Sendable {
    var words: [UInt64]
    var groups: GroupConstraint
}

/// Where each dimension's bits are in a cube's words.
final class CubeLayout: Sendable {
    let offsets: [Int]
    let wordCounts: [Int]
    let atomCounts: [Int]
    let groupWordCount: Int
    /// Every atom of every dimension.
    let full: [UInt64]

    init(atomCounts: [Int], groupAtomCount: Int) {
        var offsets: [Int] = []
        var wordCounts: [Int] = []
        var full: [UInt64] = []
        for count in atomCounts {
            offsets.append(full.count)
            let words = Bitset.full(count)
            wordCounts.append(words.count)
            full.append(contentsOf: words)
        }
        self.offsets = offsets
        self.wordCounts = wordCounts
        self.atomCounts = atomCounts
        self.full = full
        groupWordCount = Bitset.wordCount(for: groupAtomCount)
    }

    func range(_ dimension: Dimension) -> Range<Int> {
        let offset = offsets[dimension.rawValue]
        return offset..<(offset + wordCounts[dimension.rawValue])
    }

    /// The cube holding every request.
    var everything: Cube { Cube(words: full, groups: .any(wordCount: groupWordCount)) }

    /// The atoms of a dimension in a cube.
    func atoms(_ cube: Cube, _ dimension: Dimension) -> [Int] {
        Bitset.members(Array(cube.words[range(dimension)]))
    }

    /// Visits the atoms of a dimension in a cube in increasing order, until `body` returns false:
    /// what ``atoms(_:_:)`` lists, without building the list (a dimension may hold thousands).
    func forEachAtom(_ cube: Cube, _ dimension: Dimension, _ body: (Int) -> Bool) {
        let offset = offsets[dimension.rawValue]
        for word in 0..<wordCounts[dimension.rawValue] {
            var rest = cube.words[offset + word]
            while rest != 0 {
                guard body(word * 64 + rest.trailingZeroBitCount) else { return }
                rest &= rest - 1
            }
        }
    }

    /// Whether the cube holds an atom of the dimension other than `excluded`.
    func hasAtom(_ cube: Cube, _ dimension: Dimension, otherThan excluded: Int) -> Bool {
        var found = false
        forEachAtom(cube, dimension) { atom in
            found = atom != excluded
            return !found
        }
        return found
    }

    /// Whether the cube holds every atom of the dimension.
    func isFull(_ cube: Cube, _ dimension: Dimension) -> Bool {
        for index in range(dimension) where cube.words[index] != full[index] { return false }
        return true
    }

    func contains(_ cube: Cube, _ dimension: Dimension, atom: Int) -> Bool {
        let bit = offsets[dimension.rawValue] * 64 + atom
        return cube.words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Restricts a dimension to the given atoms (intersecting with what the cube holds).
    func restrict(_ cube: inout Cube, _ dimension: Dimension, to atoms: [Int]) {
        let mask = Bitset.with(atoms, count: atomCounts[dimension.rawValue])
        for (offset, index) in range(dimension).enumerated() { cube.words[index] &= mask[offset] }
    }

    /// Replaces a dimension's atoms.
    func set(_ cube: inout Cube, _ dimension: Dimension, to atoms: [Int]) {
        let mask = Bitset.with(atoms, count: atomCounts[dimension.rawValue])
        for (offset, index) in range(dimension).enumerated() { cube.words[index] = mask[offset] & full[index] }
    }

    /// Whether some dimension of the cube is empty.
    func hasEmptyDimension(_ words: [UInt64]) -> Bool {
        for dimension in 0..<offsets.count {
            let start = offsets[dimension]
            var any: UInt64 = 0
            for index in start..<(start + wordCounts[dimension]) { any |= words[index] }
            if any == 0 { return true }
        }
        return false
    }

    /// Whether two cubes share a request.
    @inline(__always)
    func intersects(_ a: Cube, _ b: Cube) -> Bool {
        for dimension in 0..<offsets.count {
            let start = offsets[dimension]
            var any: UInt64 = 0
            for index in start..<(start + wordCounts[dimension]) { any |= a.words[index] & b.words[index] }
            if any == 0 { return false }
        }
        if a.groups.isAny || b.groups.isAny { return true }
        return a.groups.intersection(b.groups) != nil
    }

    /// The requests in both cubes, or `nil` when there are none.
    func intersection(_ a: Cube, _ b: Cube) -> Cube? {
        var words = a.words
        for index in words.indices { words[index] &= b.words[index] }
        if hasEmptyDimension(words) { return nil }
        guard let groups = a.groups.intersection(b.groups) else { return nil }
        return Cube(words: words, groups: groups)
    }

    /// Disjoint cubes whose union is the requests of `a` that are not in `b`.
    ///
    /// Dimension by dimension: the part of `a` outside `b` on this dimension (and inside `b` on
    /// every earlier one) is one piece; the rest continues inside `b` on this dimension.
    func subtracting(_ a: Cube, _ b: Cube) -> [Cube] {
        var pieces: [Cube] = []
        var current = a
        for dimension in 0..<offsets.count {
            let start = offsets[dimension]
            let end = start + wordCounts[dimension]
            var outside: UInt64 = 0
            var inside: UInt64 = 0
            for index in start..<end {
                outside |= current.words[index] & ~b.words[index]
                inside |= current.words[index] & b.words[index]
            }
            if outside != 0 {
                var piece = current
                for index in start..<end { piece.words[index] = current.words[index] & ~b.words[index] }
                pieces.append(piece)
            }
            if inside == 0 { return pieces }
            for index in start..<end { current.words[index] &= b.words[index] }
        }
        if !b.groups.isAny {
            for groups in current.groups.subtracting(b.groups) {
                pieces.append(Cube(words: current.words, groups: groups))
            }
        }
        return pieces
    }
}
