/// The last `capacity` hashes added, oldest first out: the memory of the bounded sets and maps
/// of grouping. It grows as hashes arrive, so a small input never touches the full size.
struct HashRing {
    private var hashes: [UInt64] = []
    private var next = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// Adds `hash`; returns the oldest hash, forgotten to make room, when the ring was full.
    mutating func push(_ hash: UInt64) -> UInt64? {
        guard hashes.count == capacity else {
            hashes.append(hash)
            return nil
        }
        let forgotten = hashes[next]
        hashes[next] = hash
        next = next + 1 == capacity ? 0 : next + 1
        return forgotten
    }
}
