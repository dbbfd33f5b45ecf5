/// Where a synthesized event goes: a counter (for sizes) or a buffer (for `--emit`).
///
/// The synthesizer writes every event through one function generic over this protocol, so that
/// the size counted and the bytes written can never disagree.
protocol EventByteSink {
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>)
    mutating func write(_ literal: StaticString)
    mutating func write(_ bytes: [UInt8])
    /// Writes a body with some of its members removed: `cuts` (offsets into `body`, sorted)
    /// remove `removedBytes` bytes in all.
    mutating func writeBody(_ body: UnsafeBufferPointer<UInt8>, removing cuts: () -> [Range<Int>], removedBytes: Int)
}

/// Counts the bytes of a synthesized event without building it.
struct ByteCounter: EventByteSink {
    private(set) var count = 0

    @inline(__always) mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) { count += bytes.count }
    @inline(__always) mutating func write(_ literal: StaticString) { count += literal.utf8CodeUnitCount }
    @inline(__always) mutating func write(_ bytes: [UInt8]) { count += bytes.count }
    @inline(__always) mutating func writeBody(_ body: UnsafeBufferPointer<UInt8>, removing cuts: () -> [Range<Int>], removedBytes: Int) {
        count += body.count - removedBytes
    }
}

/// Builds a synthesized event's bytes.
struct ByteAccumulator: EventByteSink {
    var bytes: [UInt8] = []

    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes.append(contentsOf: bytes) }
    mutating func write(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
    mutating func write(_ bytes: [UInt8]) { self.bytes.append(contentsOf: bytes) }
    mutating func writeBody(_ body: UnsafeBufferPointer<UInt8>, removing cuts: () -> [Range<Int>], removedBytes: Int) {
        guard removedBytes > 0 else {
            write(body)
            return
        }
        var next = 0
        for cut in cuts() {
            write(UnsafeBufferPointer(rebasing: body[next..<cut.lowerBound]))
            next = cut.upperBound
        }
        write(UnsafeBufferPointer(rebasing: body[next...]))
    }
}
