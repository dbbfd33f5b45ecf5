import AuditPolicy
import Foundation

/// Recent policy decisions by request attributes: a decision depends on nothing else, and a
/// recording repeats the same few hundred kinds of requests (each node renewing its lease, each
/// controller watching the same resources), so most events skip the rule walk.
///
/// A direct-mapped table (so memory stays bounded), keyed by a 64-bit hash of the attributes'
/// bytes; a hit also needs equal attributes.
struct DecisionCache {
    private struct Entry {
        var hash: UInt64
        var attributes: RequestAttributes
        var decisions: [Decision]
    }

    private var slots: [Entry?]
    private let mask: Int
    /// Lookups and hits since the last `takeCounts()`.
    private(set) var lookups = 0
    private(set) var hits = 0

    init(slotBits: Int = 12) {
        slots = Array(repeating: nil, count: 1 << slotBits)
        mask = (1 << slotBits) - 1
    }

    /// The decisions of `policies` for `attributes`, from the cache or computed and remembered.
    mutating func decisions(for attributes: RequestAttributes, under policies: [CompiledPolicy]) -> [Decision] {
        let hash = Self.hash(attributes)
        let slot = Int(truncatingIfNeeded: hash) & mask
        lookups += 1
        if let entry = slots[slot], entry.hash == hash, entry.attributes == attributes {
            hits += 1
            return entry.decisions
        }
        let decisions = policies.map { $0.decide(attributes) }
        slots[slot] = Entry(hash: hash, attributes: attributes, decisions: decisions)
        return decisions
    }

    /// The lookups and hits counted so far, counting afresh from zero.
    mutating func takeCounts() -> (lookups: Int, hits: Int) {
        defer { (lookups, hits) = (0, 0) }
        return (lookups, hits)
    }

    /// A hash of every attribute the policy matches on.
    private static func hash(_ attributes: RequestAttributes) -> UInt64 {
        var hash: UInt64 = attributes.isResourceRequest ? 0x51 : 0x17
        @inline(__always) func mix(_ text: String) {
            var text = text
            let value = text.withUTF8 { ByteHash.hash($0) }
            hash = (hash ^ value) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        if let user = attributes.user {
            mix(user.name)
            for group in user.groups { mix(group) }
        }
        mix(attributes.verb)
        mix(attributes.namespace)
        mix(attributes.apiGroup)
        mix(attributes.resource)
        mix(attributes.subresource)
        mix(attributes.name)
        mix(attributes.path)
        return hash
    }
}
