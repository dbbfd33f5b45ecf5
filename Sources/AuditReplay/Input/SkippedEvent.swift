/// An event the reader skipped instead of passing it on, because it is longer than the input
/// event limit (`InputEventLimit`); the replay counts it as a malformed line of kind `oversize`.
public struct SkippedEvent: Sendable, Equatable {
    /// How many of its batch's records come before it, which places it among them.
    public let recordIndex: Int
    /// Where it is and why it was skipped.
    public let malformed: MalformedLine

    public init(recordIndex: Int, malformed: MalformedLine) {
        self.recordIndex = recordIndex
        self.malformed = malformed
    }

    /// An event of `file` starting at `line`, longer than `limit` bytes, before the batch's record `recordIndex`.
    static func oversize(file: String, line: Int, limit: Int, recordIndex: Int) -> SkippedEvent {
        SkippedEvent(recordIndex: recordIndex, malformed: MalformedLine(
            file: file, line: line, kind: .oversize, reason: "longer than the input event limit of \(limit) bytes: skipped"
        ))
    }
}
