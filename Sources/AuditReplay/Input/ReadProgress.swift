/// How far a `RecordingReader` has got: the bytes taken from its inputs so far (as stored, so
/// compressed bytes for a gzip file) and, when every input's size is known beforehand, their total.
public struct ReadProgress: Sendable, Equatable {
    /// Bytes read from the inputs so far.
    public var bytesRead: Int
    /// The inputs' combined size, or `nil` when one of them has no size known in advance
    /// (standard input, a pipe, a device).
    public var totalBytes: Int?

    public init(bytesRead: Int, totalBytes: Int?) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
    }
}
