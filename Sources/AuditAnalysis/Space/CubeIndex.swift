/// An inverted index over a list of cubes: which of them can meet a given cube.
///
/// Two cubes meet only if they share an atom in every dimension. For each dimension the index
/// keeps the cubes holding all of its atoms and, for every atom, the other cubes holding it (a
/// bitset of positions when many cubes hold it, else a list). A query ANDs, dimension by
/// dimension, the positions that share an atom with it, so that looking for the cubes a rule
/// overlaps costs about the size of the answer (and a few words per cube) instead of comparing
/// whole cubes. The answer is a superset on the group constraint, which the caller still checks
/// with ``CubeLayout/intersects(_:_:)``; it never misses a cube that meets the query.
struct CubeIndex: Sendable {
    /// The cubes holding one atom (beside those holding every atom of its dimension).
    private enum Posting: Sendable {
        case positions([Int32])
        case bits([UInt64])
    }

    /// How many cubes are indexed.
    let count: Int
    private let layout: CubeLayout
    private let wordCount: Int
    /// Per dimension: the positions of cubes holding every atom of it.
    private let full: [[UInt64]]
    /// Per dimension, per atom.
    private let postings: [[Posting]]

    init(_ cubes: [Cube], layout: CubeLayout) {
        count = cubes.count
        self.layout = layout
        let wordCount = Bitset.wordCount(for: cubes.count)
        self.wordCount = wordCount
        var full = [[UInt64]](repeating: [UInt64](repeating: 0, count: wordCount), count: Dimension.allCases.count)
        var lists = layout.atomCounts.map { [[Int32]](repeating: [], count: $0) }
        for (position, cube) in cubes.enumerated() {
            for dimension in Dimension.allCases {
                if layout.isFull(cube, dimension) {
                    full[dimension.rawValue][position >> 6] |= 1 << UInt64(position & 63)
                } else {
                    layout.forEachAtom(cube, dimension) { atom in
                        lists[dimension.rawValue][atom].append(Int32(position))
                        return true
                    }
                }
            }
        }
        self.full = full
        // A list longer than the bitset's words is kept as a bitset: ORing it costs no more.
        postings = lists.map { atoms in
            atoms.map { positions in
                guard positions.count > wordCount else { return .positions(positions) }
                return .bits(Bitset.with(positions.lazy.map { Int($0) }, count: cubes.count))
            }
        }
    }

    /// The positions, in increasing order, of the indexed cubes that may meet one of `cubes`:
    /// one query, for their envelope (their atoms joined).
    func candidates(meetingAnyOf cubes: [Cube]) -> [Int] {
        guard var envelope = cubes.first else { return [] }
        for cube in cubes.dropFirst() {
            for word in envelope.words.indices { envelope.words[word] |= cube.words[word] }
        }
        return candidates(meeting: envelope)
    }

    /// The positions, in increasing order, of the indexed cubes that may meet `query` (every
    /// one that does, and possibly some that differ only by their group constraint).
    func candidates(meeting query: Cube) -> [Int] {
        guard count > 0 else { return [] }
        var result: [UInt64]?
        var mask = [UInt64](repeating: 0, count: wordCount)
        for dimension in Dimension.allCases {
            // A query holding every atom meets every cube on this dimension.
            if layout.isFull(query, dimension) { continue }
            let fullWords = full[dimension.rawValue]
            for word in 0..<wordCount { mask[word] = fullWords[word] }
            var isEmpty = true
            layout.forEachAtom(query, dimension) { atom in
                isEmpty = false
                switch postings[dimension.rawValue][atom] {
                case .positions(let positions):
                    for position in positions { mask[Int(position) >> 6] |= 1 << UInt64(position & 63) }
                case .bits(let bits):
                    for word in 0..<wordCount { mask[word] |= bits[word] }
                }
                return true
            }
            if isEmpty { return [] }
            if result == nil {
                result = mask
            } else {
                for word in 0..<wordCount { result![word] &= mask[word] }
            }
        }
        return Bitset.members(result ?? Bitset.full(count))
    }
}
