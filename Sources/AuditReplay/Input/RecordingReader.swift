/// Reads audit events from files, directories and standard input, in batches.
///
/// Each file's format is detected from its first bytes (or forced), gzip is recognised by
/// its magic bytes, and events come out as records pointing into a batch's storage, in
/// file order and file after file. Memory stays bounded by `batchBytes` plus about twice
/// `maxEventBytes`: an event longer than `maxEventBytes` (`InputEventLimit`) is not read into
/// memory but reported in the batch's `skipped` lines.
///
/// ```swift
/// var reader = try RecordingReader(paths: ["audit/", "more.jsonl.gz"])
/// while let batch = try reader.next() {
///     for record in batch.records { use(batch.storage[record.range], batch.source, record.line) }
/// }
/// ```
public struct RecordingReader {
    /// The files that will be read, in order (directories expanded; `-` is standard input);
    /// for bytes in memory, the one source name.
    public let files: [String]
    private let memoryInput: (bytes: [UInt8], name: String)?
    private let content: RecordingContent
    private let batchBytes: Int
    private let maxEventBytes: Int
    /// The inputs opened so far, in order, as batches name them (an input that holds no
    /// event is listed too).
    public private(set) var inputs: [String] = []
    private var nextFileIndex = 0
    private var current: (any EventBatcher)?
    private let tally = CountingByteSource.Tally()
    private let totalBytes: Int?

    /// Called after each batch with the bytes read so far, on the thread that calls `next()`.
    /// The library draws nothing: a command line can show it, a service can log it.
    public var progress: ((ReadProgress) -> Void)?

    /// Prepares to read `paths` (files, directories, or `-`). Fails at once when a path
    /// does not exist, a directory cannot be listed, or the paths hold no file at all.
    public init(paths: [String], format: InputFormat = .auto, batchBytes: Int = 4 << 20,
                maxEventBytes: Int = InputEventLimit.defaultBytes) throws(InputError) {
        try self.init(paths: paths, content: .auditEvents(format), batchBytes: batchBytes, maxEventBytes: maxEventBytes)
    }

    /// Prepares to read `paths` holding `content` (audit events, or CloudTrail events); fails
    /// as `init(paths:format:batchBytes:maxEventBytes:)` does.
    public init(paths: [String], content: RecordingContent, batchBytes: Int = 4 << 20,
                maxEventBytes: Int = InputEventLimit.defaultBytes) throws(InputError) {
        files = try InputPaths.expand(paths)
        guard !files.isEmpty else { throw InputError(file: paths.joined(separator: ", "), reason: "no files to read") }
        totalBytes = InputPaths.totalSize(of: files)
        memoryInput = nil
        self.content = content
        self.batchBytes = batchBytes
        self.maxEventBytes = maxEventBytes
    }

    /// Reads events from bytes already in memory (such as the bundled corpus), named
    /// `source` in batches and messages.
    public init(bytes: [UInt8], source: String, format: InputFormat = .auto, batchBytes: Int = 4 << 20,
                maxEventBytes: Int = InputEventLimit.defaultBytes) {
        self.init(bytes: bytes, source: source, content: .auditEvents(format), batchBytes: batchBytes, maxEventBytes: maxEventBytes)
    }

    /// Reads `content` (audit events, or CloudTrail events) from bytes already in memory, named
    /// `source` in batches and messages.
    public init(bytes: [UInt8], source: String, content: RecordingContent, batchBytes: Int = 4 << 20,
                maxEventBytes: Int = InputEventLimit.defaultBytes) {
        files = [source]
        totalBytes = bytes.count
        memoryInput = (bytes, source)
        self.content = content
        self.batchBytes = batchBytes
        self.maxEventBytes = maxEventBytes
    }

    /// The next batch, or `nil` when every input has been read.
    public mutating func next() throws(InputError) -> EventBatch? {
        while true {
            if let batcher = current {
                if let batch = try batcher.nextBatch() {
                    progress?(ReadProgress(bytesRead: tally.bytes, totalBytes: totalBytes))
                    return batch
                }
                current = nil
            }
            guard nextFileIndex < files.count else { return nil }
            let source: any ByteSource
            if let memoryInput {
                source = MemoryByteSource(bytes: memoryInput.bytes, name: memoryInput.name)
            } else if files[nextFileIndex] == InputPaths.standardInput {
                source = FileByteSource(standardInputNamed: InputPaths.standardInputName)
            } else {
                source = try FileByteSource(path: files[nextFileIndex])
            }
            nextFileIndex += 1
            inputs.append(source.name)
            current = try InputOpener.batcher(for: CountingByteSource(source, tally: tally), content: content, batchBytes: batchBytes,
                                              maxEventBytes: maxEventBytes)
        }
    }
}
