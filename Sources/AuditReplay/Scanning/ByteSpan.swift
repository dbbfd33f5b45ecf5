/// A range of bytes inside one event, as offsets from the event's first byte.
///
/// Spans of JSON values include their delimiters (the quotes of a string, the braces of an
/// object), so that copying a span copies the value exactly as recorded. Offsets are stored in
/// 32 bits (events are limited to 4 GiB), which halves the size of a scanned event.
public struct ByteSpan: Hashable, Sendable {
    private var storedStart: UInt32
    private var storedEnd: UInt32

    public init(start: Int, end: Int) {
        storedStart = UInt32(truncatingIfNeeded: start)
        storedEnd = UInt32(truncatingIfNeeded: end)
    }

    /// The offset of the first byte.
    public var start: Int { Int(storedStart) }
    /// The offset just past the last byte.
    public var end: Int { Int(storedEnd) }

    /// The span of a value the event does not have.
    public static let absent = ByteSpan(start: 0, end: 0)

    /// Whether the event has the value.
    public var isPresent: Bool { storedEnd > storedStart }

    /// The number of bytes.
    public var count: Int { Int(storedEnd) - Int(storedStart) }

    /// The span moved by `offset` bytes; an absent span stays absent.
    func shifted(by offset: Int) -> ByteSpan {
        isPresent ? ByteSpan(start: start + offset, end: end + offset) : .absent
    }
}
