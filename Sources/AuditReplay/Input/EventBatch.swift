/// A run of consecutive events from one input file, with their bytes in one buffer.
///
/// A batch never spans two files. Records are in file order.
public struct EventBatch: Sendable {
    /// The file path as named on the command line (joined with directory entries),
    /// or `<stdin>`.
    public let source: String
    /// The bytes the records point into.
    public let storage: [UInt8]
    /// The events, in the order they appear in the file.
    public let records: [EventRecord]

    public init(source: String, storage: [UInt8], records: [EventRecord]) {
        self.source = source
        self.storage = storage
        self.records = records
    }

    /// The bytes of one record.
    public func bytes(of record: EventRecord) -> ArraySlice<UInt8> {
        storage[record.range]
    }
}
