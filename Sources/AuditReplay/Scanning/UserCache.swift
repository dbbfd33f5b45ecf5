import Foundation

/// Recently seen `user` values with their decoded name and groups, so that the many events of
/// the same user (a node's kubelet, a controller) share strings instead of decoding them again.
struct UserCache {
    private struct Entry {
        var hash: UInt64
        var bytes: [UInt8]
        var name: String
        var groups: [String]
    }

    /// A direct-mapped table: a new user replaces whatever shared its slot, so memory is bounded
    /// and a cluster with more users than slots degrades gracefully.
    private var slots: [Entry?]
    private let mask: Int

    init(slotBits: Int = 12) {
        slots = Array(repeating: nil, count: 1 << slotBits)
        mask = (1 << slotBits) - 1
    }

    /// The decoded name and groups of the `user` value in `bytes`, if seen recently.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> (name: String, groups: [String])? {
        let hash = Self.hash(bytes)
        guard let entry = slots[Int(truncatingIfNeeded: hash) & mask], entry.hash == hash, entry.bytes.count == bytes.count else { return nil }
        let same = entry.bytes.withUnsafeBytes { stored in
            guard let left = stored.baseAddress, let right = bytes.baseAddress else { return bytes.isEmpty }
            return memcmp(left, right, bytes.count) == 0
        }
        return same ? (entry.name, entry.groups) : nil
    }

    /// Remembers a decoded `user` value.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, name: String, groups: [String]) {
        let hash = Self.hash(bytes)
        slots[Int(truncatingIfNeeded: hash) & mask] = Entry(hash: hash, bytes: Array(bytes), name: name, groups: groups)
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { ByteHash.hash(bytes) }
}
