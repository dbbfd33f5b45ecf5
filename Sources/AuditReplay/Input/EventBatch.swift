/// A run of consecutive events from one input file, with their bytes in one buffer.
///
/// A batch never spans two files, and holds at least one record or one skipped event.
/// Records are in file order.
public struct EventBatch: Sendable {
    /// The file path as named on the command line (joined with directory entries),
    /// or `<stdin>`.
    public let source: String
    /// The bytes the records point into.
    public let storage: [UInt8]
    /// The events, in the order they appear in the file.
    public let records: [EventRecord]
    /// Events among the records that the reader skipped without passing them on (longer than
    /// `InputEventLimit`), in file order.
    public let skipped: [SkippedEvent]

    public init(source: String, storage: [UInt8], records: [EventRecord], skipped: [SkippedEvent] = []) {
        self.source = source
        self.storage = storage
        self.records = records
        self.skipped = skipped
    }

    /// The bytes of one record.
    public func bytes(of record: EventRecord) -> ArraySlice<UInt8> {
        storage[record.range]
    }
}
