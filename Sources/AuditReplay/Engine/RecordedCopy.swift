import AuditPolicy
import Foundation

/// One recorded event (one stage of one request), scanned and decided, ready for grouping.
///
/// `bytes` and `candidates` are borrowed: they point into a batch while that batch is processed,
/// or into a `HeldEvent` that the grouping window keeps alive.
struct RecordedCopy {
    /// The event's bytes in kube-apiserver's log-backend form.
    var bytes: UnsafeBufferPointer<UInt8>
    var event: ScannedEvent
    /// The removable body members (`event.requestObjectEdits` index into it).
    var candidates: UnsafeBufferPointer<BodyEditCandidate>
    var requestRemovals: BodyRemovals
    var responseRemovals: BodyRemovals
    var facts: RequestFacts
    /// Where the event was read.
    var source: String
    var line: Int
    /// A hash of the auditID, to notice requests that share one.
    var auditIDHash: UInt64
    /// A hash of the auditID, verb, requestURI and user, for grouping: the stages of one request
    /// share all four, and two requests that share an auditID stay apart when another differs.
    var requestHash: UInt64
    /// How the event was read.
    var origin: RecordOrigin

    /// The bytes of a span of the event.
    @inline(__always)
    func slice(_ span: ByteSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
    }

    /// Whether the copy is of the same request as `other`: the same auditID, verb, requestURI
    /// and user, byte for byte.
    func isSameRequest(as other: RecordedCopy) -> Bool {
        hasSameBytes(event.auditID, as: other, other.event.auditID) && hasSameBytes(event.verb, as: other, other.event.verb)
            && hasSameBytes(event.requestURI, as: other, other.event.requestURI) && hasSameBytes(event.user, as: other, other.event.user)
    }

    @inline(__always)
    private func hasSameBytes(_ span: ByteSpan, as other: RecordedCopy, _ otherSpan: ByteSpan) -> Bool {
        guard span.count == otherSpan.count else { return false }
        guard span.count > 0, let mine = bytes.baseAddress, let theirs = other.bytes.baseAddress else { return true }
        return memcmp(mine + span.start, theirs + otherSpan.start, span.count) == 0
    }

    /// The candidates of one body.
    func edits(of range: Range<Int>) -> ArraySlice<BodyEditCandidate> {
        ArraySlice(UnsafeBufferPointer(rebasing: candidates[range]))
    }
}

/// A recorded event kept beyond its batch, while its request is still in flight: one allocation
/// holding the copy, its own copy of the bytes and of the body candidates (candidates first, for
/// their alignment, then the bytes).
final class HeldEvent: ManagedBuffer<RecordedCopy, UInt64> {
    /// A held copy of `original`.
    static func holding(_ original: RecordedCopy) -> HeldEvent {
        let requestEdits = original.event.requestObjectEdits
        let responseEdits = original.event.responseObjectEdits
        let candidateCount = requestEdits.count + responseEdits.count
        let candidateWords = (candidateCount * MemoryLayout<BodyEditCandidate>.stride + 7) / 8
        let byteCount = original.bytes.count
        let words = max(1, candidateWords + (byteCount + 7) / 8)
        let held = unsafeDowncast(create(minimumCapacity: words) { _ in original }, to: HeldEvent.self)
        held.withUnsafeMutablePointers { copy, storage in
            let raw = UnsafeMutableRawPointer(storage)
            let candidates = raw.bindMemory(to: BodyEditCandidate.self, capacity: max(candidateCount, 1))
            for (offset, index) in requestEdits.enumerated() { (candidates + offset).initialize(to: original.candidates[index]) }
            for (offset, index) in responseEdits.enumerated() {
                (candidates + requestEdits.count + offset).initialize(to: original.candidates[index])
            }
            let bytes = (raw + candidateWords * 8).bindMemory(to: UInt8.self, capacity: max(byteCount, 1))
            if let source = original.bytes.baseAddress { bytes.initialize(from: source, count: byteCount) }
            copy.pointee.bytes = UnsafeBufferPointer(start: bytes, count: byteCount)
            copy.pointee.candidates = UnsafeBufferPointer(start: candidates, count: candidateCount)
            copy.pointee.event.requestObjectEdits = 0..<requestEdits.count
            copy.pointee.event.responseObjectEdits = requestEdits.count..<candidateCount
        }
        return held
    }

    /// The copy, pointing into this object's storage.
    var copy: RecordedCopy { header }

    /// Roughly what the held event costs in memory.
    var footprint: Int { header.bytes.count + header.candidates.count * MemoryLayout<BodyEditCandidate>.stride + 512 }

    // Both element types are plain values, and the header is destroyed by `ManagedBuffer`:
    // nothing to deinitialize.
}
