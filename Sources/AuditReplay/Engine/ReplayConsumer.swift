import AuditPolicy

/// The ordered part of a replay: grouping by auditID and replaying each request under each policy.
final class ReplayConsumer {
    private let options: ReplayOptions
    private let emit: ((UnsafeBufferPointer<UInt8>) throws -> Void)?
    private let observer: (any ReplayObserver)?
    private var window: RequestWindow
    private var accumulators: [PolicyAccumulator]
    private var inputCheck = InputEventCheck()
    private var rawEvents = 0
    private var requests = 0
    private var incompleteRequests = 0
    private var reencodedEvents = 0
    private var malformed = MalformedLines()
    private var repairs = RecordingRepairs()
    private var decisionLookups = 0
    private var decisionHits = 0
    private var open = OpenRequests()
    private var openBytes = 0

    init(policies: [ReplayPolicy], options: ReplayOptions, emit: ((UnsafeBufferPointer<UInt8>) throws -> Void)?, observer: (any ReplayObserver)?) {
        self.options = options
        self.emit = emit
        self.observer = observer
        window = RequestWindow(limits: RequestWindow.Limits(
            maxRequests: options.maxWaitingRequests, maxBytes: options.maxWaitingBytes,
            rememberedRequests: max(2 * options.maxWaitingRequests, 65_536)
        ), shownCollisions: options.malformedShown)
        accumulators = policies.map {
            PolicyAccumulator(name: $0.name, policy: $0.policy, limits: options.limits, offenderLimit: options.offenderLimit)
        }
    }

    func consume(_ batch: ScannedBatch) throws {
        try inputCheck.add(batch)
        decisionLookups += batch.decisionLookups
        decisionHits += batch.decisionHits
        malformed.count += batch.malformedCount
        for line in batch.malformedShown where malformed.shown.count < options.malformedShown {
            malformed.shown.append(line)
        }
        repairs.add(batch.repairs, limit: options.malformedShown)
        try batch.storage.withUnsafeBufferPointer { storage in
            try batch.reencoded.withUnsafeBufferPointer { reencoded in
                try batch.candidates.withUnsafeBufferPointer { candidates in
                    // Records are read in place: each is a few hundred bytes.
                    try batch.records.withUnsafeBufferPointer { records in
                        for index in records.indices {
                            try add(records[index], storage: storage, reencoded: reencoded, candidates: candidates, source: batch.source)
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private func add(
        _ record: borrowing ScannedRecord, storage: UnsafeBufferPointer<UInt8>, reencoded: UnsafeBufferPointer<UInt8>,
        candidates: UnsafeBufferPointer<BodyEditCandidate>, source: String
    ) throws {
        rawEvents += 1
        if record.isReencoded { reencodedEvents += 1 }
        let copy = RecordedCopy(
            bytes: UnsafeBufferPointer(rebasing: (record.isReencoded ? reencoded : storage)[record.range]),
            event: record.event, candidates: candidates,
            requestRemovals: record.requestRemovals, responseRemovals: record.responseRemovals,
            facts: record.facts, source: source, line: record.line, auditIDHash: record.auditIDHash, requestHash: record.requestHash,
            origin: record.origin
        )
        try window.add(copy) { try replay($0) }
    }

    private func replay(_ request: GroupedRequest) throws {
        if options.holdsOpenRequests, !request.isSettled {
            let held = request.openRequest
            let bytes = held.copies.reduce(0) { $0 + $1.event.utf8.count }
            if open.requests.count < options.maxHeldOpenRequests, bytes <= options.maxHeldOpenBytes - openBytes {
                open.requests.append(held)
                openBytes += bytes
                return
            }
            open.overBound += 1
        }
        requests += 1
        if !request.isComplete { incompleteRequests += 1 }
        if let observer { observer.replaying(ObservedRequest(request)) }
        for index in accumulators.indices {
            try accumulators[index].replay(
                request, decision: request.final.facts.decisions[index], emit: index == 0 ? emit : nil,
                observer: observer.map { ($0, index) }
            )
        }
    }

    /// The report, once every batch of `inputs` has been consumed.
    func finish(inputs: [String]) throws -> ReplayReport {
        try inputCheck.finish(inputs: inputs)
        try window.flush { try replay($0) }
        repairs.auditIDCollisions = window.collisions
        observer?.decisionCache(lookups: decisionLookups, hits: decisionHits)
        var report = ReplayReport(
            inputs: inputs,
            rawEvents: rawEvents,
            requests: requests,
            incompleteRequests: incompleteRequests,
            duplicateEvents: window.duplicates,
            reencodedEvents: reencodedEvents,
            malformed: malformed,
            repairs: repairs,
            limits: options.limits,
            policies: accumulators.map(\.result)
        )
        if options.holdsOpenRequests { report.openRequests = open }
        return report
    }
}
