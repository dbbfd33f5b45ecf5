/// A growable buffer over a byte source: the unconsumed bytes of the input, read on
/// demand, with the line number of the first of them.
///
/// Offsets into `bytes` are valid until the next `fill()`, which moves the unconsumed
/// bytes to the front.
final class InputWindow {
    private let source: any ByteSource
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    /// The first unconsumed byte.
    private(set) var start = 0
    /// One past the last byte read.
    private(set) var end = 0
    /// The 1-based line of the byte at `start`.
    private(set) var line = 1
    /// True once the source has returned its last byte.
    private(set) var sourceExhausted = false

    init(source: any ByteSource, capacity: Int) {
        self.source = source
        self.capacity = max(capacity, 4096)
        buffer = .allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    var name: String { source.name }

    /// The bytes read so far, from offset 0 (consumed ones included) to `end`.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: buffer, count: end)
    }

    /// Marks everything before `position` as consumed, counting its lines.
    func consume(upTo position: Int) {
        line += JSONScan.countNewlines(bytes, in: start..<position)
        start = position
    }

    /// The line of the byte at `position` (at or after `start`).
    func line(at position: Int) -> Int {
        line + JSONScan.countNewlines(bytes, in: start..<position)
    }

    /// Reads more input after the unconsumed bytes (growing the buffer when they fill
    /// it); false when the source has no more.
    func fill() throws(InputError) -> Bool {
        guard !sourceExhausted else { return false }
        if start > 0 {
            buffer.copyMemory(from: buffer + start, byteCount: end - start)
            end -= start
            start = 0
        }
        if end == capacity {
            let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
            grown.copyMemory(from: buffer, byteCount: end)
            buffer.deallocate()
            buffer = grown
            capacity *= 2
        }
        // Filling the whole free space keeps rescans of a long element to a few per doubling.
        let count = try source.readFully(into: UnsafeMutableRawBufferPointer(start: buffer + end, count: capacity - end))
        guard count > 0 else {
            sourceExhausted = true
            return false
        }
        end += count
        return true
    }
}
