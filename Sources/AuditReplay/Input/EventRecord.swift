/// One audit event's JSON bytes as read from an input (unwrapped and gunzipped).
public struct EventRecord: Sendable, Equatable {
    /// Where the event's bytes are in the batch's `storage`.
    public let range: Range<Int>
    /// The 1-based line of the source file (after decompression) where the event starts.
    public let line: Int

    public init(range: Range<Int>, line: Int) {
        self.range = range
        self.line = line
    }
}
