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
    mutating func cachedFacts(of event: ScannedEvent, in bytes: UnsafeBufferPointer<UInt8>) -> RequestFacts? {
        lookups += 1
        pending = nil
        var key = RequestShapeKey(bytes: arena.scratch)
        guard key.build(event, in: bytes) else { return nil }
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
/// (`DecodedEventFields.requestAttributes`), one after the other, each after its length:
///
/// - `verb`, whole;
/// - the members of `user` but `uid` and `extra`, and of `objectRef` but `uid` and
///   `resourceVersion`: the attributes do not have them, and they change from one event of the
///   same kind of request to the next (a session name, a resource version). The whole object
///   when it cannot be read as compact JSON, which costs hits but never exactness;
/// - `requestURI`, only when the attributes are read from it: for a non-resource request (the
///   path) or a create (the name in the URL).
///
/// Two events with equal keys have equal attributes, so equal decisions.
struct RequestShapeKey {
    /// The longest key cached; longer ones (users with large extras) are decided without the
    /// cache. With the default 4,096 slots the keys take 2 MiB per scanning thread.
    static let maxBytes = 512

    /// The key, `count` bytes (in a buffer of `maxBytes`).
    let bytes: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    var hash: UInt64 { ByteHash.hash(UnsafeBufferPointer(start: bytes, count: count)) }

    /// Writes the key of `event`; false when it is longer than `maxBytes`.
    mutating func build(_ event: ScannedEvent, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        count = 0
        guard append(base, event.verb), appendMembers(base, event.user, of: .user) else { return false }
        if event.objectRef.isPresent {
            guard appendMembers(base, event.objectRef, of: .objectReference) else { return false }
        } else {
            guard appendLength(UInt32.max) else { return false }
        }
        if !event.objectRef.isPresent || event.verbKind == .create {
            guard append(base, event.requestURI) else { return false }
        }
        return true
    }

    private mutating func appendLength(_ length: UInt32) -> Bool {
        guard count + 4 <= Self.maxBytes else { return false }
        withUnsafeBytes(of: length) { (bytes + count).update(from: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 4) }
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

    /// The objects whose members are filtered.
    private enum Filtered {
        case user, objectReference

        /// Whether the member named `key` is left out: `uid` and `extra` of `user` (`UserInfo` has
        /// only the name and groups), `uid` and `resourceVersion` of `objectRef`
        /// (`ObjectReferenceValues` has neither).
        @inline(__always)
        func ignores(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
            switch self {
            case .user: Self.equals(key, "uid") || Self.equals(key, "extra")
            case .objectReference: Self.equals(key, "uid") || Self.equals(key, "resourceVersion")
            }
        }

        @inline(__always)
        private static func equals(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
            key.count == name.utf8CodeUnitCount && memcmp(key.baseAddress!, name.utf8Start, key.count) == 0
        }
    }

    /// The members of the object in `span` that `filtered` does not ignore, each followed by a
    /// comma, after their total length; the whole object when it is not compact JSON. An absent
    /// object and an empty one give the same (empty) members, as they give the same attributes.
    private mutating func appendMembers(_ base: UnsafePointer<UInt8>, _ span: ByteSpan, of filtered: Filtered) -> Bool {
        let lengthAt = count
        guard appendLength(0) else { return false }
        let start = count
        let close = span.end - 1
        var position = span.start + 1
        var compact = true
        while position < close {
            guard base[position] == UInt8(ascii: "\""), let keyEnd = Self.stringEnd(base, from: position, limit: close),
                  keyEnd < close, base[keyEnd] == UInt8(ascii: ":"),
                  let valueEnd = base[keyEnd + 1] == UInt8(ascii: "\"")
                      ? Self.stringEnd(base, from: keyEnd + 1, limit: close) : Self.valueEnd(base, from: keyEnd + 1, limit: close)
            else {
                compact = false
                break
            }
            if !filtered.ignores(UnsafeBufferPointer(start: base + position + 1, count: keyEnd - position - 2)) {
                guard appendRaw(base + position, valueEnd - position + 1) else { return false }
                bytes[count - 1] = UInt8(ascii: ",")
            }
            position = valueEnd
            if position < close {
                guard base[position] == UInt8(ascii: ",") else {
                    compact = false
                    break
                }
                position += 1
            }
        }
        if !compact {
            count = start
            guard appendRaw(base + span.start, span.count) else { return false }
        }
        let length = UInt32(truncatingIfNeeded: count - start)
        withUnsafeBytes(of: length) { (bytes + lengthAt).update(from: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 4) }
        return true
    }

    /// The offset just past the compact JSON value starting at `start`, if it ends by `limit`:
    /// strings are skipped whole, so brackets in them do not count.
    private static func valueEnd(_ base: UnsafePointer<UInt8>, from start: Int, limit: Int) -> Int? {
        var position = start
        var depth = 0
        while position < limit {
            switch base[position] {
            case UInt8(ascii: "\""):
                guard let end = stringEnd(base, from: position, limit: limit) else { return nil }
                if depth == 0 { return end }
                position = end
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return position + 1 }
                if depth < 0 { return nil }
            case UInt8(ascii: ","):
                if depth == 0 { return position }
            default:
                break
            }
            position += 1
        }
        return depth == 0 && position > start ? position : nil
    }

    /// The offset just past the string whose opening quote is at `quote`, if it closes before
    /// `limit`. Eight bytes at a time: the first quote or backslash of a word is its lowest byte
    /// that, XORed with that character, is zero (the classic has-zero-byte bit trick).
    @inline(__always)
    private static func stringEnd(_ base: UnsafePointer<UInt8>, from quote: Int, limit: Int) -> Int? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var position = quote + 1
        while position < limit {
            if limit - position >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
                let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
                let found = (((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)) & highs
                if found == 0 {
                    position += 8
                    continue
                }
                position += found.trailingZeroBitCount >> 3
            }
            switch base[position] {
            case UInt8(ascii: "\""): return position + 1
            case UInt8(ascii: "\\"): position += 2
            default: position += 1
            }
        }
        return nil
    }
}
