import AuditPolicy

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
    /// A hash of the auditID, for grouping.
    var auditIDHash: UInt64

    /// The bytes of a span of the event.
    @inline(__always)
    func slice(_ span: ByteSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
    }

    /// Whether the auditID is the same as `other`'s, byte for byte.
    func hasSameAuditID(as other: RecordedCopy) -> Bool {
        slice(event.auditID).elementsEqual(other.slice(other.event.auditID))
    }

    /// The candidates of one body.
    func edits(of range: Range<Int>) -> ArraySlice<BodyEditCandidate> {
        ArraySlice(UnsafeBufferPointer(rebasing: candidates[range]))
    }
}

/// A recorded event kept beyond its batch, while its request is still in flight: its own copy of
/// the bytes and of the body candidates.
final class HeldEvent {
    private let byteBuffer: UnsafeMutableBufferPointer<UInt8>
    private let candidateBuffer: UnsafeMutableBufferPointer<BodyEditCandidate>
    /// The copy, pointing into this object's buffers.
    private(set) var copy: RecordedCopy

    init(holding original: RecordedCopy) {
        byteBuffer = .allocate(capacity: max(original.bytes.count, 1))
        _ = byteBuffer.initialize(from: original.bytes)
        let requestEdits = Array(original.candidates[original.event.requestObjectEdits])
        let edits = requestEdits + Array(original.candidates[original.event.responseObjectEdits])
        candidateBuffer = .allocate(capacity: max(edits.count, 1))
        _ = candidateBuffer.initialize(from: edits)
        copy = original
        copy.bytes = UnsafeBufferPointer(start: byteBuffer.baseAddress, count: original.bytes.count)
        copy.candidates = UnsafeBufferPointer(start: candidateBuffer.baseAddress, count: edits.count)
        copy.event.requestObjectEdits = 0..<requestEdits.count
        copy.event.responseObjectEdits = requestEdits.count..<edits.count
    }

    /// Roughly what the held event costs in memory.
    var footprint: Int { copy.bytes.count + copy.candidates.count * MemoryLayout<BodyEditCandidate>.stride + 512 }

    deinit {
        // Both element types are plain values: nothing to deinitialize.
        byteBuffer.deallocate()
        candidateBuffer.deallocate()
    }
}
