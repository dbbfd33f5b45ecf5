import AuditPolicy
import Testing
@testable import AuditAnalysis

/// A class that many earlier match cubes overlap is computed in slices by verb, side by side
/// (`FirstMatchPartition.isHeavy`, `slices`); the slices must hold exactly the class's requests.
struct SlicedClassTests {
    /// A policy long enough for its last rules to be sliced: random rules over small pools (so
    /// they overlap), ending with a catch-all.
    static func longPolicy(seed: UInt64) -> CompiledPolicy {
        var random = SplitMix64(seed: seed)
        var rules = (0..<160).map { _ in RandomPolicies.rule(&random) }
        rules.append(CompiledRule(level: .metadata))
        return CompiledPolicy(rules: rules, omitStages: [], omitManagedFields: false, kubernetesVersion: .latest)
    }

    @Test("slices of pieces are disjoint and hold the same requests, each slice's verbs a share of the envelope's", arguments: [0, 1, 3, 8, 40] as [Int])
    func slicesPartitionThePieces(thresholds multiple: Int) {
        let policy = Self.longPolicy(seed: 7)
        let map = PolicyMap(policy: policy)
        let layout = map.space.layout
        let pieces = [layout.everything]
        let slices = FirstMatchPartition.slices(pieces, envelope: layout.everything, overlapping: multiple * FirstMatchPartition.sliceThreshold, layout: layout)
        let verbCount = layout.atoms(layout.everything, .verb).count
        #expect(slices.count == max(1, min(verbCount, 2 * multiple, 16)))
        var seen: [Int: Int] = [:]
        for slice in slices {
            for cube in slice {
                for atom in layout.atoms(cube, .verb) { seen[atom, default: 0] += 1 }
                for dimension in Dimension.allCases where dimension != .verb {
                    #expect(layout.atoms(cube, dimension) == layout.atoms(layout.everything, dimension))
                }
            }
        }
        #expect(seen.keys.sorted() == layout.atoms(layout.everything, .verb))
        #expect(seen.values.allSatisfy { $0 == 1 })
    }

    @Test("a class is heavy when it overlaps at least 128 match cubes and more than an eighth of all", arguments: [
        (overlapping: 127, cubes: 200, heavy: false),
        (overlapping: 128, cubes: 200, heavy: true),
        (overlapping: 1_744, cubes: 1_900, heavy: true),
        (overlapping: 9_000, cubes: 75_000, heavy: false),
        (overlapping: 9_500, cubes: 75_000, heavy: true),
    ])
    func heavyClasses(overlapping: Int, cubes: Int, heavy: Bool) {
        #expect(FirstMatchPartition.isHeavy(overlapping: overlapping, of: cubes) == heavy)
    }

    @Test("a long policy's catch-all is computed in slices and every request still gets the evaluator's rule", arguments: [3, 11] as [UInt64])
    func slicedClassesAgreeWithEvaluator(seed: UInt64) {
        let policy = Self.longPolicy(seed: seed)
        let map = PolicyMap(policy: policy)
        // The catch-all meets every earlier match cube.
        let cubes = map.ruleCubes.reduce(0) { $0 + $1.count }
        let earlier = cubes - map.ruleCubes[policy.rules.count - 1].count
        #expect(FirstMatchPartition.isHeavy(overlapping: earlier, of: cubes), "the catch-all is sliced")
        var random = SplitMix64(seed: seed)
        PolicyMapPropertyTests.expectSplitAgrees(map, policy, requests: 300, &random, seed: seed)
    }
}
