/// Joins cubes into fewer, larger cubes with the same union, for readable output and smaller
/// rule match sets.
///
/// Two cubes that differ in one dimension only are one cube (that dimension's atoms joined); two
/// that differ only in "in one of these groups" versus "in none of them" are one cube without that
/// condition. Repeated until nothing joins. Greedy, so not always the fewest cubes, but exact.
enum CubeMerging {
    static func merge(_ cubes: [Cube], layout: CubeLayout) -> [Cube] {
        var current = cubes
        var changed = true
        while changed, current.count > 1 {
            changed = false
            // Groups do not change while dimensions join: hash each cube's groups once.
            var groupHashes = current.map(groupsHash)
            for dimension in Dimension.allCases {
                let range = layout.range(dimension)
                // Cubes equal outside `range` join; buckets by a hash of the words outside it, each
                // bucket a chain through `nextInBucket`. Kept cubes differ pairwise outside `range`,
                // so at most one can match: the result does not depend on the hash.
                var firstInBucket: [UInt64: Int] = [:]
                firstInBucket.reserveCapacity(current.count)
                var nextInBucket: [Int] = []
                var merged: [Cube] = []
                var mergedGroupHashes: [UInt64] = []
                merged.reserveCapacity(current.count)
                for (position, cube) in current.enumerated() {
                    let key = hash(cube, groupsHash: groupHashes[position], excluding: range)
                    let first = firstInBucket[key]
                    var slot = first
                    while let candidate = slot, !equal(merged[candidate], cube, excluding: range) {
                        slot = nextInBucket[candidate] < 0 ? nil : nextInBucket[candidate]
                    }
                    if let slot {
                        for index in range { merged[slot].words[index] |= cube.words[index] }
                        changed = true
                    } else {
                        nextInBucket.append(first ?? -1)
                        firstInBucket[key] = merged.count
                        merged.append(cube)
                        mergedGroupHashes.append(groupHashes[position])
                    }
                }
                current = merged
                groupHashes = mergedGroupHashes
            }
            if mergeGroupHalves(&current) { changed = true }
        }
        return current
    }

    private static func groupsHash(_ cube: Cube) -> UInt64 {
        cube.groups.isAny ? 0x9E37_79B9 : UInt64(bitPattern: Int64(cube.groups.hashValue))
    }

    private static func hash(_ cube: Cube, groupsHash: UInt64, excluding range: Range<Int>) -> UInt64 {
        var value = groupsHash
        for index in cube.words.indices where !range.contains(index) {
            value = (value ^ cube.words[index]) &* 0x100_0000_01B3
            value ^= value >> 29
        }
        return value
    }

    private static func equal(_ a: Cube, _ b: Cube, excluding range: Range<Int>) -> Bool {
        for index in a.words.indices where !range.contains(index) && a.words[index] != b.words[index] { return false }
        return a.groups == b.groups
    }

    /// Joins pairs that differ only in being in, or in none of, a clause's groups.
    private static func mergeGroupHalves(_ cubes: inout [Cube]) -> Bool {
        // Only a cube with a clause can join its complement (`mergedWithComplement`).
        guard cubes.contains(where: { !$0.groups.clauses.isEmpty }) else { return false }
        var byWords: [[UInt64]: [Int]] = [:]
        for (index, cube) in cubes.enumerated() {
            byWords[cube.words, default: []].append(index)
        }
        var removed = Set<Int>()
        var changed = false
        // In order of first appearance, not dictionary order, so the result is the same every run.
        for indices in byWords.values.sorted(by: { $0[0] < $1[0] }) where indices.count > 1 {
            for first in indices where !removed.contains(first) {
                for second in indices where second != first && !removed.contains(second) && !removed.contains(first) {
                    if let joined = cubes[first].groups.mergedWithComplement(cubes[second].groups) {
                        cubes[first].groups = joined
                        removed.insert(second)
                        changed = true
                    }
                }
            }
        }
        if changed { cubes = cubes.enumerated().filter { !removed.contains($0.offset) }.map(\.element) }
        return changed
    }
}
