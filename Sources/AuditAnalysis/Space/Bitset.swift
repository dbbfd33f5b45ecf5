/// Helpers for sets of atoms stored as bits in `UInt64` words.
enum Bitset {
    /// How many words hold `count` bits.
    static func wordCount(for count: Int) -> Int { max(1, (count + 63) / 64) }

    /// Words with the first `count` bits set.
    static func full(_ count: Int) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: wordCount(for: count))
        for bit in 0..<count { words[bit >> 6] |= 1 << UInt64(bit & 63) }
        return words
    }

    /// Words with only the given bits set.
    static func with<S: Sequence>(_ bits: S, count: Int) -> [UInt64] where S.Element == Int {
        var words = [UInt64](repeating: 0, count: wordCount(for: count))
        for bit in bits { words[bit >> 6] |= 1 << UInt64(bit & 63) }
        return words
    }

    static func contains(_ words: [UInt64], _ bit: Int) -> Bool {
        words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    static func isZero(_ words: [UInt64]) -> Bool { words.allSatisfy { $0 == 0 } }

    /// The set bits, in increasing order.
    static func members(_ words: [UInt64]) -> [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                let bit = rest.trailingZeroBitCount
                result.append(index * 64 + bit)
                rest &= rest - 1
            }
        }
        return result
    }
}
