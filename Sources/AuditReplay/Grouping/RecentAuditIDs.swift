/// The auditIDs (by hash) of the most recently replayed requests, so that a late or duplicate
/// copy of one of their stages is recognised instead of being replayed as a new request.
///
/// Bounded: it remembers the last `capacity` requests, forgetting the oldest first.
struct RecentAuditIDs {
    private var ring: HashRing
    private var members: HashKeyedTable<Void>

    init(capacity: Int) {
        ring = HashRing(capacity: capacity)
        members = HashKeyedTable(initialCount: 1_024, maximumCount: capacity)
    }

    func contains(_ hash: UInt64) -> Bool { members.contains(hash) }

    mutating func insert(_ hash: UInt64) {
        guard !members.contains(hash) else { return }
        if let forgotten = ring.push(hash) { members.removeValue(forKey: forgotten) }
        members[hash] = ()
    }
}
