import AuditPolicy
import Foundation

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
    /// Cut lines, events without timestamps and converted events of the batch (the first few
    /// of each kept); auditID collisions are found later, by grouping.
    var repairs = RecordingRepairs()
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
    /// The line the event was read from (in the batch's source).
    var line: Int
    var auditIDHash: UInt64
    /// A hash of what tells requests apart (`RecordedCopy.requestHash`).
    var requestHash: UInt64
    /// How the event was read.
    var origin: RecordOrigin
    /// The decoded auditID of an event with something to report (`origin` not the default);
    /// empty otherwise.
    var auditID: String
}

/// How a recorded event was read, beyond its bytes.
struct RecordOrigin: Sendable, Hashable {
    /// The audit.k8s.io version it was recorded in.
    var version = RecordedEventVersion.v1
    /// It had no timestamp at all (`CanonicalEvent.lacksTimestamps`).
    var lacksTimestamps = false
    /// CloudWatch cut it; only the members before the cut were read (`CutEventRecovery`).
    var wasCut = false
    /// Its responseStatus was rebuilt from its Status responseObject (`StatusResponse`).
    var rebuiltStatus = false
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
                    if event.isCanonical && Self.isLogBackendV1(bytes, event) {
                        result.records.append(analyze(event, bytes: bytes, range: record.range, isReencoded: false, origin: RecordOrigin(), line: record.line))
                        continue
                    }
                    scanner.truncateCandidates(to: mark)
                    try reencode(bytes, origin: RecordOrigin(), line: record.line, storedAt: record.range, into: &result)
                } catch {
                    scanner.truncateCandidates(to: mark)
                    if CutEventRecovery.isCut(bytes) {
                        let surviving = CutEventRecovery.survivingMembers(of: bytes)
                        do throws(EventScanFailure) {
                            try surviving.withUnsafeBufferPointer { buffer throws(EventScanFailure) in
                                try reencode(buffer, origin: RecordOrigin(wasCut: true), line: record.line, storedAt: nil, into: &result)
                            }
                        } catch {
                            scanner.truncateCandidates(to: mark)
                            result.repairs.cutLines.note(NotedEvent(
                                file: batch.source, line: record.line, auditID: "", detail: "not replayed: \(error.reason)"
                            ), limit: malformedShownLimit)
                        }
                        continue
                    }
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

    /// Whether an event the scanner found canonical also needs nothing the canonicalizer does
    /// beyond re-encoding: it starts as the log backend starts every v1 event (so it declares v1,
    /// not an older version to convert or none to infer; `RecordedEventVersion`), and its
    /// response is not a Status whose responseStatus may need rebuilding (`StatusResponse`).
    private static func isLogBackendV1(_ bytes: UnsafeBufferPointer<UInt8>, _ event: ScannedEvent) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= v1Prefix.utf8CodeUnitCount,
              memcmp(base, v1Prefix.utf8Start, v1Prefix.utf8CodeUnitCount) == 0 else { return false }
        guard event.responseObject.isPresent else { return true }
        return !StatusResponse.mayBeStatus(UnsafeBufferPointer(rebasing: bytes[event.responseObject.start..<event.responseObject.end]))
    }

    private static let v1Prefix: StaticString = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","#

    /// Puts an event in log-backend form (`EventCanonicalizer`), scans that and adds its record.
    /// An event that comes out unchanged keeps its own bytes (`storedAt`, its range in the
    /// batch's storage, when it has one) and is not counted as re-encoded.
    private mutating func reencode(_ bytes: UnsafeBufferPointer<UInt8>, origin: RecordOrigin, line: Int, storedAt stored: Range<Int>?, into result: inout ScannedBatch) throws(EventScanFailure) {
        let canonical = try EventCanonicalizer.canonicalize(bytes)
        var origin = origin
        origin.version = canonical.version
        origin.lacksTimestamps = canonical.lacksTimestamps
        origin.rebuiltStatus = canonical.rebuiltStatus
        if let stored, canonical.bytes.elementsEqual(bytes) {
            let event = try scanner.scan(bytes)
            guard event.isCanonical else { throw EventScanFailure(reason: "the event could not be put in log-backend form") }
            result.records.append(analyze(event, bytes: bytes, range: stored, isReencoded: false, origin: origin, line: line))
            return
        }
        let range = result.reencoded.count..<(result.reencoded.count + canonical.bytes.count)
        let source = result.source
        let scanned = try canonical.bytes.withUnsafeBufferPointer { buffer throws(EventScanFailure) -> ScannedRecord in
            let event = try scanner.scan(buffer)
            guard event.isCanonical else {
                throw EventScanFailure(reason: "the event could not be put in log-backend form")
            }
            return analyze(event, bytes: buffer, range: range, isReencoded: true, origin: origin, line: line)
        }
        result.reencoded.append(contentsOf: canonical.bytes)
        result.records.append(scanned)
        noteRepairs(of: scanned, source: source, into: &result.repairs)
    }

    /// Counts what the canonicalizer had to make up for in a re-encoded event.
    private func noteRepairs(of record: ScannedRecord, source: String, into repairs: inout RecordingRepairs) {
        let origin = record.origin
        func note() -> NotedEvent {
            NotedEvent(file: source, line: record.line, auditID: record.auditID, detail: RequestDescription.text(record.facts.attributes))
        }
        switch origin.version {
        case .v1: break
        case .v1beta1: repairs.v1beta1Events += 1
        case .v1alpha1: repairs.v1alpha1Events += 1
        }
        if origin.rebuiltStatus { repairs.rebuiltResponseStatuses += 1 }
        if origin.lacksTimestamps { repairs.eventsWithoutTimestamps.note(note(), limit: malformedShownLimit) }
        if origin.wasCut {
            repairs.replayedCutLines += 1
            var cut = note()
            cut.detail = "replayed as a lower bound: " + cut.detail
            repairs.cutLines.note(cut, limit: malformedShownLimit)
        }
    }

    /// The attributes, decisions and hashes of a scanned event.
    private mutating func analyze(_ event: ScannedEvent, bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, isReencoded: Bool, origin: RecordOrigin, line: Int) -> ScannedRecord {
        let facts: RequestFacts
        if let cached = decisions.cachedFacts(of: event, decoded: scanner.decoded, in: bytes) {
            facts = cached
        } else {
            let decoded = scanner.decoded
            let reference = decoded.objectReference(in: bytes)
            let attributes = decoded.requestAttributes(in: bytes, objectReference: reference) {
                event.requestURI.isPresent
                    ? GoJSONString.decodeString(UnsafeBufferPointer(rebasing: bytes[event.requestURI.start..<event.requestURI.end])) : ""
            }
            facts = RequestFacts(
                attributes: attributes, objectReference: reference,
                decisions: policies.map { $0.decide(attributes) }
            )
            decisions.remember(facts)
        }
        let candidates = scanner.candidates
        let auditIDHash = Self.hash(bytes, event.auditID)
        return ScannedRecord(
            isReencoded: isReencoded,
            range: range,
            event: event,
            requestRemovals: BodyRemovals(candidates[event.requestObjectEdits]),
            responseRemovals: BodyRemovals(candidates[event.responseObjectEdits]),
            facts: facts,
            line: line,
            auditIDHash: auditIDHash,
            requestHash: Self.hash(bytes, event.user, continuing: Self.hash(bytes, event.requestURI, continuing: Self.hash(bytes, event.verb, continuing: auditIDHash))),
            origin: origin,
            auditID: origin == RecordOrigin() ? "" : GoJSONString.decodeString(UnsafeBufferPointer(rebasing: bytes[event.auditID.start..<event.auditID.end]))
        )
    }

    /// A hash of a span's bytes (`ByteHash`), continuing the hash of earlier spans (`seed`).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ span: ByteSpan, continuing seed: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
        let value = ByteHash.hash(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]))
        let mixed = (seed ^ value) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 29)
    }
}
