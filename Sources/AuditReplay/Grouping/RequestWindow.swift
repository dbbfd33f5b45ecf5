import AuditPolicy

/// Groups the recorded stages of each request by auditID, holding only requests still in flight.
///
/// A request is its auditID together with its verb, requestURI and user: two different requests
/// that share an auditID (tools that copy or make up events do this) are replayed apart, and the
/// reuse is reported (`collisions`).
///
/// A request is replayed as soon as its last stage arrives (ResponseComplete, Panic, or the
/// single event of a failed authentication). Its earlier stages (RequestReceived,
/// ResponseStarted) wait in the window, copied out of their batch. The window is bounded by
/// request count and bytes: when full, the oldest waiting request is replayed from the stages
/// recorded so far (counted as incomplete). Stages arriving after their request was replayed,
/// and repeated stages, are counted as duplicates.
struct RequestWindow {
    /// How much the window may hold.
    struct Limits: Sendable, Hashable {
        /// Requests waiting for their last stage.
        var maxRequests: Int
        /// Bytes of the events held for them.
        var maxBytes: Int
        /// Replayed requests remembered to recognise late copies.
        var rememberedRequests: Int
    }

    /// A request waiting for its last stage: references to its held copies, so that moving an
    /// entry in and out of the table copies four words.
    private struct Waiting {
        var received: HeldEvent?
        var started: HeldEvent?
        var bytes = 0
        var sequence: Int

        /// The copies as a grouped request.
        func grouped(final: RecordedCopy, isComplete: Bool) -> GroupedRequest {
            GroupedRequest(final: final, received: received, started: started, isComplete: isComplete)
        }
    }

    private let limits: Limits
    private var waiting: HashKeyedTable<Waiting>
    /// Waiting requests in arrival order, as (hash, sequence); stale entries are skipped.
    private var order: [(hash: UInt64, sequence: Int)] = []
    private var orderStart = 0
    private var nextSequence = 0
    private var heldBytes = 0
    private var recent: RecentAuditIDs

    private var owners: AuditIDOwners
    private let shownCollisions: Int

    /// Copies ignored because their stage was already read or their request already replayed.
    private(set) var duplicates = 0
    /// Requests that reuse the auditID of an earlier, different request.
    private(set) var collisions = NotedEvents()

    /// A window within `limits`, listing up to `shownCollisions` auditID collisions.
    init(limits: Limits, shownCollisions: Int = 10) {
        self.limits = limits
        self.shownCollisions = shownCollisions
        waiting = HashKeyedTable(initialCount: min(limits.maxRequests, 4_096), maximumCount: limits.maxRequests + 1)
        recent = RecentAuditIDs(capacity: limits.rememberedRequests)
        owners = AuditIDOwners(capacity: limits.rememberedRequests)
    }

    /// Adds one recorded copy; `replay` receives every request this completes or evicts.
    mutating func add(_ copy: RecordedCopy, replay: (GroupedRequest) throws -> Void) rethrows {
        let hash = copy.requestHash
        let isLast = copy.event.isFinalStage || copy.event.isFailedAuthentication
        var collided = false
        if var entry = waiting[hash] {
            if let first = entry.received ?? entry.started, !first.copy.isSameRequest(as: copy) {
                // Two requests with one hash: replay the waiting request first.
                try evict(hash, replay: replay)
                collided = true
            } else if isLast {
                waiting[hash] = nil
                heldBytes -= entry.bytes
                recent.insert(hash)
                try replay(entry.grouped(final: copy, isComplete: true))
                return
            } else {
                let isReceived = copy.event.stage == .requestReceived
                if (isReceived ? entry.received : entry.started) != nil {
                    duplicates += 1
                    return
                }
                let keeper = HeldEvent.holding(copy)
                if isReceived { entry.received = keeper } else { entry.started = keeper }
                let size = keeper.footprint
                entry.bytes += size
                heldBytes += size
                waiting[hash] = entry
                try enforceLimits(replay: replay)
                return
            }
        }
        if !collided, recent.contains(hash) {
            duplicates += 1
            return
        }
        noteOwner(of: copy)
        if isLast {
            recent.insert(hash)
            try replay(GroupedRequest(final: copy, isComplete: true))
            return
        }
        let keeper = HeldEvent.holding(copy)
        let size = keeper.footprint
        var entry = Waiting(bytes: size, sequence: nextSequence)
        if copy.event.stage == .requestReceived { entry.received = keeper } else { entry.started = keeper }
        waiting[hash] = entry
        order.append((hash, nextSequence))
        nextSequence += 1
        heldBytes += size
        compactOrderIfNeeded()
        try enforceLimits(replay: replay)
    }

    /// Notes a new request as the latest user of its auditID, counting a collision when an
    /// earlier, different request used it.
    private mutating func noteOwner(of copy: RecordedCopy) {
        let owner = AuditIDOwners.Owner(requestHash: copy.requestHash, file: copy.source, line: copy.line)
        guard let previous = owners.claim(copy.auditIDHash, by: owner) else { return }
        collisions.note(NotedEvent(
            file: copy.source, line: copy.line, auditID: GoJSONString.decodeString(copy.slice(copy.event.auditID)),
            detail: "\(RequestReplay.summary(of: copy)), replayed apart from the request of \(previous.file):\(previous.line)"
        ), limit: shownCollisions)
    }

    /// Replays every request still waiting, oldest first (at the end of the input).
    mutating func flush(replay: (GroupedRequest) throws -> Void) rethrows {
        while orderStart < order.count {
            let (hash, sequence) = order[orderStart]
            orderStart += 1
            if waiting[hash]?.sequence == sequence { try evict(hash, replay: replay) }
        }
        order.removeAll()
        orderStart = 0
    }

    private mutating func enforceLimits(replay: (GroupedRequest) throws -> Void) rethrows {
        while (waiting.count > limits.maxRequests || heldBytes > limits.maxBytes), orderStart < order.count {
            let (hash, sequence) = order[orderStart]
            orderStart += 1
            if waiting[hash]?.sequence == sequence { try evict(hash, replay: replay) }
        }
    }

    /// Replays a waiting request from the stages recorded so far.
    private mutating func evict(_ hash: UInt64, replay: (GroupedRequest) throws -> Void) rethrows {
        guard let entry = waiting.removeValue(forKey: hash) else { return }
        heldBytes -= entry.bytes
        recent.insert(hash)
        guard let richest = entry.started ?? entry.received else { return }
        let received = entry.started == nil ? nil : entry.received
        try replay(GroupedRequest(final: richest.copy, keptBy: richest, received: received, isComplete: false))
    }

    /// Drops stale order entries once they outnumber the waiting requests.
    private mutating func compactOrderIfNeeded() {
        let live = order.count - orderStart
        guard live > 2 * waiting.count + 1024 else { return }
        order = order[orderStart...].filter { waiting[$0.hash]?.sequence == $0.sequence }
        orderStart = 0
    }
}
