/// A table keyed by 64-bit hashes (already mixed by `ByteHash`, so used as they are): open
/// addressing with linear probing, so a lookup or an insertion hashes nothing and, once the table
/// has grown to its size, allocates nothing. Grouping does several per event.
///
/// The slot count need not be a power of two (a key's home slot is the high half of the key
/// times the slot count), so a table that will hold at most `maximumCount` entries grows to just
/// the size that keeps it three quarters full, not to the next power of two.
struct HashKeyedTable<Value> {
    private var keys: [UInt64]
    /// `nil`: an empty slot.
    private var values: [Value?]
    private let maximumCount: Int
    /// The entries in the table.
    private(set) var count = 0

    /// A table sized for `initialCount` entries, growing as needed up to the size for
    /// `maximumCount` (it still grows beyond if more are added).
    init(initialCount: Int, maximumCount: Int = .max) {
        self.maximumCount = maximumCount
        let slots = Self.slots(for: min(initialCount, maximumCount))
        keys = Array(repeating: 0, count: slots)
        values = Array(repeating: nil, count: slots)
    }

    /// Slots for `count` entries at most three quarters full.
    private static func slots(for count: Int) -> Int { max(16, count / 3 * 4 + 4) }

    @inline(__always)
    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key.multipliedFullWidth(by: UInt64(values.count)).high) }

    @inline(__always)
    private func after(_ index: Int) -> Int { index + 1 == values.count ? 0 : index + 1 }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UInt64) -> (index: Int, found: Bool) {
        var index = home(key)
        while values[index] != nil {
            if keys[index] == key { return (index, true) }
            index = after(index)
        }
        return (index, false)
    }

    subscript(key: UInt64) -> Value? {
        get {
            let (index, found) = slot(of: key)
            return found ? values[index] : nil
        }
        set {
            guard let newValue else {
                removeValue(forKey: key)
                return
            }
            let (index, found) = slot(of: key)
            if found {
                values[index] = newValue
                return
            }
            keys[index] = key
            values[index] = newValue
            count += 1
            if count * 4 > values.count * 3 { grow() }
        }
    }

    func contains(_ key: UInt64) -> Bool { slot(of: key).found }

    /// Removes `key`'s entry; returns its value. The entries after it in its run move back
    /// (backward-shift deletion), so no tombstones slow later lookups.
    @discardableResult
    mutating func removeValue(forKey key: UInt64) -> Value? {
        var (hole, found) = slot(of: key)
        guard found else { return nil }
        let removed = values[hole]
        values[hole] = nil
        count -= 1
        let size = values.count
        var next = after(hole)
        while values[next] != nil {
            // An entry may move back into the hole unless its home lies cyclically in
            // (hole, next]: then the hole is before its home, where lookups never look.
            let distanceToHome = (next - home(keys[next]) + size) % size
            let distanceToHole = (next - hole + size) % size
            if distanceToHome >= distanceToHole {
                keys[hole] = keys[next]
                values[hole] = values[next]
                values[next] = nil
                hole = next
            }
            next = after(next)
        }
        return removed
    }

    private mutating func grow() {
        let old = (keys, values)
        let limit = Self.slots(for: maximumCount)
        let size = old.0.count < limit ? min(old.0.count * 2, limit) : old.0.count * 2
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        count = 0
        for index in old.0.indices {
            if let value = old.1[index] { self[old.0[index]] = value }
        }
    }
}
