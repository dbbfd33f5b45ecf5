/// A table keyed by 64-bit hashes (already mixed by `ByteHash`, so used as they are): open
/// addressing with linear probing, so a lookup or an insertion hashes nothing and, once the table
/// has grown to its size, allocates nothing. Grouping does several per event.
struct HashKeyedTable<Value> {
    private var keys: [UInt64]
    /// `nil`: an empty slot.
    private var values: [Value?]
    private var mask: Int
    /// The entries in the table.
    private(set) var count = 0

    /// A table that holds `capacity` entries before it grows (at most three quarters full).
    init(minimumCapacity capacity: Int) {
        var slots = 16
        while slots * 3 < max(capacity, 1) * 4 { slots *= 2 }
        keys = Array(repeating: 0, count: slots)
        values = Array(repeating: nil, count: slots)
        mask = slots - 1
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key ^ (key >> 31)) & mask }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UInt64) -> (index: Int, found: Bool) {
        var index = home(key)
        while values[index] != nil {
            if keys[index] == key { return (index, true) }
            index = (index + 1) & mask
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
        var next = (hole + 1) & mask
        while values[next] != nil {
            // An entry may move back into the hole unless its home lies cyclically in
            // (hole, next]: then the hole is before its home, where lookups never look.
            let distanceToHome = (next - home(keys[next])) & mask
            let distanceToHole = (next - hole) & mask
            if distanceToHome >= distanceToHole {
                keys[hole] = keys[next]
                values[hole] = values[next]
                values[next] = nil
                hole = next
            }
            next = (next + 1) & mask
        }
        return removed
    }

    private mutating func grow() {
        let old = (keys, values)
        keys = Array(repeating: 0, count: old.0.count * 2)
        values = Array(repeating: nil, count: old.0.count * 2)
        mask = keys.count - 1
        count = 0
        for index in old.0.indices {
            if let value = old.1[index] { self[old.0[index]] = value }
        }
    }
}
