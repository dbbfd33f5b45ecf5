import AuditPolicy
import Foundation

/// Recent request facts (attributes and policy decisions) by the recorded bytes they come from:
/// a decision depends on nothing else, and a recording repeats the same few hundred kinds of
/// requests (each node renewing its lease, each controller watching the same resources), so most
/// events skip decoding their attributes and the rule walk.
///
/// The key is the raw bytes of the fields the attributes are read from (`RequestShapeKey`), which
/// only works because every event reaching the cache is canonical: equal values have equal bytes.
/// A direct-mapped table (so memory stays bounded): each slot keeps a 64-bit hash of its key, the
/// key's bytes in a fixed-size arena (compared on a hit, so a hash collision never mixes up two
/// requests) and the shared facts. Nothing is allocated on a hit.
struct DecisionCache {
    private let mask: Int
    private var hashes: [UInt64]
    private var lengths: [Int]
    private var facts: [RequestFacts?]
    /// The slots' keys and the key being built, in memory owned by the cache.
    private let arena: KeyArena
    /// Where `remember` puts the facts of the last key looked up in vain, and that key's hash
    /// and length (the key itself is in the arena's scratch space).
    private var pending: (slot: Int, hash: UInt64, count: Int)?
    /// Lookups and hits since the last `takeCounts()`.
    private(set) var lookups = 0
    private(set) var hits = 0

    init(slotBits: Int = 12) {
        let slotCount = 1 << slotBits
        mask = slotCount - 1
        hashes = Array(repeating: 0, count: slotCount)
        lengths = Array(repeating: -1, count: slotCount)
        facts = Array(repeating: nil, count: slotCount)
        arena = KeyArena(slotCount: slotCount)
    }

    /// The facts cached for the canonical `event` (in `bytes`), if any. When there are none,
    /// `remember` keeps the facts made for it.
    mutating func cachedFacts(of event: ScannedEvent, decoded: DecodedEventFields, in bytes: UnsafeBufferPointer<UInt8>) -> RequestFacts? {
        lookups += 1
        pending = nil
        var key = RequestShapeKey(bytes: arena.scratch)
        guard key.build(event, decoded, in: bytes) else { return nil }
        let hash = key.hash
        let slot = Int(truncatingIfNeeded: hash) & mask
        if hashes[slot] == hash, lengths[slot] == key.count, memcmp(arena.key(slot), key.bytes, key.count) == 0,
           let cached = facts[slot] {
            hits += 1
            return cached
        }
        pending = (slot, hash, key.count)
        return nil
    }

    /// Keeps `made`, the facts of the event of the last `cachedFacts` call, which found none.
    mutating func remember(_ made: RequestFacts) {
        guard let (slot, hash, count) = pending else { return }
        pending = nil
        hashes[slot] = hash
        lengths[slot] = count
        arena.key(slot).update(from: arena.scratch, count: count)
        facts[slot] = made
    }

    /// The lookups and hits counted so far, counting afresh from zero.
    mutating func takeCounts() -> (lookups: Int, hits: Int) {
        defer { (lookups, hits) = (0, 0) }
        return (lookups, hits)
    }
}

/// Fixed memory for the decision cache's keys: one key of at most `RequestShapeKey.maxBytes`
/// per slot, and one more for the key being built. Allocated once, so a lookup allocates nothing.
final class KeyArena: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    /// Room for the key being built.
    let scratch: UnsafeMutablePointer<UInt8>

    init(slotCount: Int) {
        base = .allocate(capacity: (slotCount + 1) * RequestShapeKey.maxBytes)
        scratch = base + slotCount * RequestShapeKey.maxBytes
    }

    /// The stored key of `slot`.
    func key(_ slot: Int) -> UnsafeMutablePointer<UInt8> { base + slot * RequestShapeKey.maxBytes }

    deinit { base.deallocate() }
}

/// The bytes a canonical event's request attributes are read from
/// (`DecodedEventFields.requestAttributes`), one after the other, each after its length (so that
/// the concatenation reads back one way only):
///
/// - `verb`;
/// - `user.username` and `user.groups`;
/// - `objectRef`'s resource, namespace, name, apiGroup, apiVersion and subresource, or a marker
///   for no objectRef;
/// - `requestURI`, only when the attributes are read from it: for a non-resource request (the
///   path) or a create (the name in the URL).
///
/// The attributes are decoded from exactly these spans, so two events with equal keys have equal
/// attributes, so equal decisions. What changes from one event of the same kind of request to the
/// next (the user's uid and extra, the object's uid and resourceVersion) is not in the key.
struct RequestShapeKey {
    /// The longest key cached; longer ones are decided without the cache. With the default
    /// 4,096 slots the keys take 2 MiB per scanning thread.
    static let maxBytes = 384

    /// The key, `count` bytes (in a buffer of `maxBytes`).
    let bytes: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    var hash: UInt64 { ByteHash.hash(UnsafeBufferPointer(start: bytes, count: count)) }

    /// Writes the key of `event`; false when it is longer than `maxBytes`.
    mutating func build(_ event: ScannedEvent, _ decoded: DecodedEventFields, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        count = 0
        guard append(base, event.verb), append(base, decoded.userNameSpan), append(base, decoded.userGroupsSpan) else { return false }
        if let reference = decoded.objectReferenceSpans {
            guard append(base, reference.resource), append(base, reference.namespace), append(base, reference.name),
                  append(base, reference.apiGroup), append(base, reference.apiVersion), append(base, reference.subresource)
            else { return false }
        } else {
            guard appendLength(UInt32.max) else { return false }
        }
        if decoded.objectReferenceSpans == nil || event.verbKind == .create {
            guard append(base, event.requestURI) else { return false }
        }
        return true
    }

    private mutating func appendLength(_ length: UInt32) -> Bool {
        guard count + 4 <= Self.maxBytes else { return false }
        UnsafeMutableRawPointer(bytes + count).storeBytes(of: length, as: UInt32.self)
        count += 4
        return true
    }

    private mutating func appendRaw(_ source: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        guard length <= Self.maxBytes - count else { return false }
        (bytes + count).update(from: source, count: length)
        count += length
        return true
    }

    /// A span's bytes after their length.
    private mutating func append(_ base: UnsafePointer<UInt8>, _ span: ByteSpan) -> Bool {
        appendLength(UInt32(truncatingIfNeeded: span.count)) && appendRaw(base + span.start, span.count)
    }
}
