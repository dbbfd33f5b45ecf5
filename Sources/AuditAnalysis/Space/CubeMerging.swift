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
            for dimension in Dimension.allCases {
                let range = layout.range(dimension)
                // Cubes equal outside `range` join; buckets by a hash of the words outside it.
                var buckets: [UInt64: [Int]] = [:]
                var merged: [Cube] = []
                merged.reserveCapacity(current.count)
                for cube in current {
                    let key = hash(cube, excluding: range)
                    if let slot = buckets[key]?.first(where: { equal(merged[$0], cube, excluding: range) }) {
                        for index in range { merged[slot].words[index] |= cube.words[index] }
                        changed = true
                    } else {
                        buckets[key, default: []].append(merged.count)
                        merged.append(cube)
                    }
                }
                current = merged
            }
            if mergeGroupHalves(&current) { changed = true }
        }
        return current
    }

    private static func hash(_ cube: Cube, excluding range: Range<Int>) -> UInt64 {
        var value: UInt64 = cube.groups.isAny ? 0x9E37_79B9 : UInt64(bitPattern: Int64(cube.groups.hashValue))
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
        var byWords: [[UInt64]: [Int]] = [:]
        for (index, cube) in cubes.enumerated() {
            byWords[cube.words, default: []].append(index)
        }
        var removed = Set<Int>()
        var changed = false
        for indices in byWords.values where indices.count > 1 {
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
