/// The request that most recently used each auditID (by hash), for the recently started
/// requests, so that a different request reusing an auditID is noticed.
///
/// Bounded: it remembers the last `capacity` auditIDs, forgetting the oldest first.
struct AuditIDOwners {
    /// The request that used an auditID, and where it was read.
    struct Owner {
        var requestHash: UInt64
        var file: String
        var line: Int
    }

    private var ring: HashRing
    private var owners: HashKeyedTable<Owner>

    init(capacity: Int) {
        ring = HashRing(capacity: capacity)
        owners = HashKeyedTable(initialCount: 1_024, maximumCount: capacity)
    }

    /// Records `owner` as the latest request of `auditIDHash`; returns the previous one when it
    /// was a different request.
    mutating func claim(_ auditIDHash: UInt64, by owner: Owner) -> Owner? {
        if let previous = owners[auditIDHash] {
            owners[auditIDHash] = owner
            return previous.requestHash == owner.requestHash ? nil : previous
        }
        if let forgotten = ring.push(auditIDHash) { owners.removeValue(forKey: forgotten) }
        owners[auditIDHash] = owner
        return nil
    }
}
