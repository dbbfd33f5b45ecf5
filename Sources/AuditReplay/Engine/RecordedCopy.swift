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
        func same(_ field: KeyPath<ScannedEvent, ByteSpan>) -> Bool {
            slice(event[keyPath: field]).elementsEqual(other.slice(other.event[keyPath: field]))
        }
        return same(\.auditID) && same(\.verb) && same(\.requestURI) && same(\.user)
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
