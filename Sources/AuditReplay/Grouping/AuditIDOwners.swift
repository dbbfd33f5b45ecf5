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

    private var ring: [UInt64]
    private var next = 0
    private var filled = false
    private var owners: HashKeyedTable<Owner>

    init(capacity: Int) {
        ring = [UInt64](repeating: 0, count: max(capacity, 1))
        owners = HashKeyedTable(minimumCapacity: max(capacity, 1))
    }

    /// Records `owner` as the latest request of `auditIDHash`; returns the previous one when it
    /// was a different request.
    mutating func claim(_ auditIDHash: UInt64, by owner: Owner) -> Owner? {
        if let previous = owners[auditIDHash] {
            owners[auditIDHash] = owner
            return previous.requestHash == owner.requestHash ? nil : previous
        }
        if filled { owners[ring[next]] = nil }
        ring[next] = auditIDHash
        owners[auditIDHash] = owner
        next += 1
        if next == ring.count {
            next = 0
            filled = true
        }
        return nil
    }
}
