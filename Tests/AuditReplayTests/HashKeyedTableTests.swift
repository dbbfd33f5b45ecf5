import AuditPolicy
import Testing
@testable import AuditReplay

/// The grouping window's open-addressing table against `Dictionary`, on random insertions,
/// updates and removals, with keys that share slots (long probe runs that wrap around the end of
/// the table, so that removals must move entries back across the wrap).
struct HashKeyedTableTests {
    /// Keys drawn from `pool` values: spread (`shift` 0) or crowded into a few home slots at both
    /// ends of the table.
    static func key(_ random: inout SplitMix64, pool: Int, shift: UInt64) -> UInt64 {
        let value = UInt64(random.int(in: 0...(pool - 1)))
        guard shift != 0 else { return value &* 0x9E37_79B9_7F4A_7C15 }
        // Crowded at the first slots, or at the last ones (whose runs wrap around to the first).
        let crowded = (value << shift) | 0xF
        return value % 2 == 0 ? crowded : ~crowded
    }

    @Test("agrees with Dictionary on every operation", arguments: [
        (pool: 50, shift: 0 as UInt64, capacity: 4),
        (pool: 50, shift: 40, capacity: 4),
        (pool: 2_000, shift: 0, capacity: 16),
        (pool: 300, shift: 35, capacity: 64),
    ])
    func agreesWithDictionary(pool: Int, shift: UInt64, capacity: Int) {
        var random = SplitMix64(seed: UInt64(pool) &* 31 &+ shift)
        var table = HashKeyedTable<Int>(initialCount: capacity, maximumCount: capacity * 3)
        var reference: [UInt64: Int] = [:]
        for step in 0..<20_000 {
            let key = Self.key(&random, pool: pool, shift: shift)
            switch random.int(in: 0...2) {
            case 0:
                table[key] = step
                reference[key] = step
            case 1:
                #expect(table.removeValue(forKey: key) == reference.removeValue(forKey: key))
            default:
                #expect(table[key] == reference[key])
                #expect(table.contains(key) == (reference[key] != nil))
            }
            #expect(table.count == reference.count)
        }
        for (key, value) in reference { #expect(table[key] == value) }
    }
}
