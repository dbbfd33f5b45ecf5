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

    /// An owner as stored: its file as an index into `files`, so that entries are plain values
    /// (no reference counting as the table moves them).
    private struct Stored {
        var requestHash: UInt64
        var line: Int
        var file: Int
    }

    private var ring: HashRing
    private var owners: HashKeyedTable<Stored>
    /// The files of the owners, in input order (each input's batches come together).
    private var files: [String] = []

    init(capacity: Int) {
        ring = HashRing(capacity: capacity)
        owners = HashKeyedTable(initialCount: 1_024, maximumCount: capacity)
    }

    /// Records `owner` as the latest request of `auditIDHash`; returns the previous one when it
    /// was a different request.
    mutating func claim(_ auditIDHash: UInt64, by owner: Owner) -> Owner? {
        if files.last != owner.file { files.append(owner.file) }
        let stored = Stored(requestHash: owner.requestHash, line: owner.line, file: files.count - 1)
        if let previous = owners[auditIDHash] {
            owners[auditIDHash] = stored
            guard previous.requestHash != owner.requestHash else { return nil }
            return Owner(requestHash: previous.requestHash, file: files[previous.file], line: previous.line)
        }
        if let forgotten = ring.push(auditIDHash) { owners.removeValue(forKey: forgotten) }
        owners[auditIDHash] = stored
        return nil
    }
}
