import AuditPolicy

/// One input batch after scanning: every event located (re-encoded first when it was not in
/// log-backend form), its request attributes read and each policy's decision taken.
///
/// This is the part of a replay that needs no state across batches, so batches are scanned in
/// parallel and then grouped in order.
struct ScannedBatch: Sendable {
    var source: String
    /// The input's bytes.
    var storage: [UInt8]
    /// Events re-encoded into log-backend form.
    var reencoded: [UInt8] = []
    var records: [ScannedRecord] = []
    /// Removable body members of every record (see `ScannedEvent.requestObjectEdits`).
    var candidates: [BodyEditCandidate] = []
    /// How many lines are not audit events (those the reader skipped included), the first
    /// few of them, and the very first.
    var malformedCount = 0
    var malformedShown: [MalformedLine] = []
    var firstMalformed: MalformedLine?
    /// Whether a malformed line reads like the top of an audit policy.
    var looksLikePolicy = false
    /// Decision cache lookups for this batch's events, and how many were hits.
    var decisionLookups = 0
    var decisionHits = 0

    /// Counts a malformed line (in input order), keeping it when fewer than `shownLimit` are kept.
    mutating func note(_ line: MalformedLine, shownLimit: Int) {
        malformedCount += 1
        if firstMalformed == nil { firstMalformed = line }
        if malformedShown.count < shownLimit { malformedShown.append(line) }
    }
}

/// One event of a scanned batch.
struct ScannedRecord: Sendable {
    /// Whether the event's bytes are in `reencoded` rather than `storage`.
    var isReencoded: Bool
    var range: Range<Int>
    var event: ScannedEvent
    var requestRemovals: BodyRemovals
    var responseRemovals: BodyRemovals
    var facts: RequestFacts
    var auditIDHash: UInt64
}

/// Scans batches: the per-event work of a replay.
struct BatchScanner {
    private let policies: [CompiledPolicy]
    private let malformedShownLimit: Int
    private var scanner = EventScanner()
    private var decisions = DecisionCache()

    init(policies: [CompiledPolicy], malformedShownLimit: Int) {
        self.policies = policies
        self.malformedShownLimit = malformedShownLimit
    }

    mutating func scan(_ batch: EventBatch) -> ScannedBatch {
        var result = ScannedBatch(source: batch.source, storage: batch.storage)
        result.records.reserveCapacity(batch.records.count)
        scanner.removeAllCandidates()
        var skipped = batch.skipped[...]
        batch.storage.withUnsafeBufferPointer { storage in
            for (index, record) in batch.records.enumerated() {
                while let next = skipped.first, next.recordIndex <= index {
                    result.note(next.malformed, shownLimit: malformedShownLimit)
                    skipped.removeFirst()
                }
                let bytes = UnsafeBufferPointer(rebasing: storage[record.range])
                let mark = scanner.candidates.count
                do throws(EventScanFailure) {
                    let event = try scanner.scan(bytes)
                    if event.isCanonical {
                        result.records.append(analyze(event, bytes: bytes, range: record.range, isReencoded: false, source: batch.source, line: record.line))
                        continue
                    }
                    scanner.truncateCandidates(to: mark)
                    let canonical = try EventCanonicalizer.canonicalize(bytes)
                    let range = result.reencoded.count..<(result.reencoded.count + canonical.count)
                    let scanned = try canonical.withUnsafeBufferPointer { buffer throws(EventScanFailure) -> ScannedRecord in
                        let event = try scanner.scan(buffer)
                        guard event.isCanonical else {
                            throw EventScanFailure(reason: "the event could not be put in log-backend form")
                        }
                        return analyze(event, bytes: buffer, range: range, isReencoded: true, source: batch.source, line: record.line)
                    }
                    result.reencoded.append(contentsOf: canonical)
                    result.records.append(scanned)
                } catch {
                    scanner.truncateCandidates(to: mark)
                    result.note(MalformedLine(file: batch.source, line: record.line, reason: error.reason), shownLimit: malformedShownLimit)
                    if InputEventCheck.looksLikePolicyLine(bytes) { result.looksLikePolicy = true }
                }
            }
        }
        for event in skipped { result.note(event.malformed, shownLimit: malformedShownLimit) }
        result.candidates = scanner.candidates
        (result.decisionLookups, result.decisionHits) = decisions.takeCounts()
        return result
    }

    /// The attributes, decisions and hash of a scanned event.
    private mutating func analyze(_ event: ScannedEvent, bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, isReencoded: Bool, source: String, line: Int) -> ScannedRecord {
        let decoded = scanner.decoded
        let attributes = decoded.requestAttributes {
            event.requestURI.isPresent
                ? GoJSONString.decodeString(UnsafeBufferPointer(rebasing: bytes[event.requestURI.start..<event.requestURI.end])) : ""
        }
        let candidates = scanner.candidates
        let facts = RequestFacts(
            source: source, line: line, attributes: attributes, objectReference: decoded.objectReference,
            decisions: decisions.decisions(for: attributes, under: policies)
        )
        return ScannedRecord(
            isReencoded: isReencoded,
            range: range,
            event: event,
            requestRemovals: BodyRemovals(candidates[event.requestObjectEdits]),
            responseRemovals: BodyRemovals(candidates[event.responseObjectEdits]),
            facts: facts,
            auditIDHash: Self.hash(bytes, event.auditID)
        )
    }

    /// FNV-1a of the auditID's bytes.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ span: ByteSpan) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in span.start..<span.end {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
