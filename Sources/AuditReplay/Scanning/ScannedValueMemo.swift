import Foundation

/// The last few objects of one event field that the scanner read in full, by their exact bytes,
/// with what the scan found in them: an event whose field starts with the same bytes has the same
/// value there (a JSON object's text ends at its own closing brace, whatever follows), so the
/// scan's result is reused instead of read again. Recordings repeat these values all the time:
/// the RequestReceived and ResponseComplete events of one request carry the same `user`, and a
/// controller's requests the same `annotations`.
///
/// Bounded: `capacity` values of at most `maxBytes` each, replaced in turn.
struct ScannedValueMemo<Found> {
    /// What a scan of a value found: whether the value itself is in log-backend form, and what
    /// the field keeps of it (spans from the value's first byte).
    struct Result {
        var isCanonical: Bool
        var found: Found
    }

    private struct Entry {
        var bytes: [UInt8]
        var result: Result
    }

    private var entries: [Entry] = []
    private var next = 0
    private let capacity: Int
    private let maxBytes: Int

    init(capacity: Int = 8, maxBytes: Int = 1_024) {
        self.capacity = capacity
        self.maxBytes = maxBytes
    }

    /// The remembered value the bytes at `start` (with `available` bytes from there to the end
    /// of the event) begin with, as its length and scan result.
    @inline(__always)
    func match(_ start: UnsafePointer<UInt8>, available: Int) -> (count: Int, result: Result)? {
        for entry in entries where entry.bytes.count <= available {
            let same = entry.bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, start, $0.count) == 0 }
            if same { return (entry.bytes.count, entry.result) }
        }
        return nil
    }

    /// Remembers the value in `bytes` and its scan result, in place of the oldest once full. Only
    /// objects are kept (a `null` costs nothing to read again), and none longer than `maxBytes`.
    mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>, _ result: Result) {
        guard bytes.first == UInt8(ascii: "{"), bytes.count <= maxBytes else { return }
        if entries.count < capacity {
            entries.append(Entry(bytes: Array(bytes), result: result))
            return
        }
        entries[next].bytes.replaceSubrange(0..., with: bytes)
        entries[next].result = result
        next = next + 1 == capacity ? 0 : next + 1
    }
}
