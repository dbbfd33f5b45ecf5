/// The auditIDs (by hash) of the most recently replayed requests, so that a late or duplicate
/// copy of one of their stages is recognised instead of being replayed as a new request.
///
/// Bounded: it remembers the last `capacity` requests, forgetting the oldest first.
struct RecentAuditIDs {
    private var ring: [UInt64]
    private var next = 0
    private var filled = false
    private var members: HashKeyedTable<Void>

    init(capacity: Int) {
        ring = [UInt64](repeating: 0, count: max(capacity, 1))
        members = HashKeyedTable(minimumCapacity: max(capacity, 1))
    }

    func contains(_ hash: UInt64) -> Bool { members.contains(hash) }

    mutating func insert(_ hash: UInt64) {
        guard !members.contains(hash) else { return }
        if filled { members.removeValue(forKey: ring[next]) }
        ring[next] = hash
        members[hash] = ()
        next += 1
        if next == ring.count {
            next = 0
            filled = true
        }
    }
}
