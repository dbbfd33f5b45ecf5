/// Turns an opened input into a batcher: recognises gzip, strips a byte-order mark,
/// and detects the format when it is not forced.
enum InputOpener {
    /// How many leading bytes are examined to detect the format.
    static let detectionBytes = 64 << 10

    static func batcher(for raw: any ByteSource, content: RecordingContent, batchBytes: Int, maxEventBytes: Int) throws(InputError) -> any EventBatcher {
        let magic = try raw.readBytes(upTo: 2)
        var source: any ByteSource = PrefixedByteSource(prefix: magic, rest: raw)
        if magic == [GzipByteSource.magic.0, GzipByteSource.magic.1] {
            source = try GzipByteSource(compressed: source)
        }

        var head = try source.readBytes(upTo: detectionBytes)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        source = PrefixedByteSource(prefix: head, rest: source)
        let format: InputFormat
        switch content {
        case .cloudTrailEvents:
            guard let layout = head.withUnsafeBytes({ RecordingContent.cloudTrailLayout(in: $0) }) else {
                return LineBatcher(source: source, batchBytes: batchBytes, maxEventBytes: maxEventBytes, stripsTimestamps: false)
            }
            return ContainerDocumentBatcher(source: source, layout: layout, batchBytes: batchBytes, maxEventBytes: maxEventBytes)
        case .auditEvents(let forced):
            format = forced
        }
        let resolved = format == .auto ? head.withUnsafeBytes { InputFormat.detect(in: $0) } : format

        switch resolved {
        case .auto, .jsonLines:
            return LineBatcher(source: source, batchBytes: batchBytes, maxEventBytes: maxEventBytes, stripsTimestamps: false)
        case .cloudWatchS3:
            return LineBatcher(source: source, batchBytes: batchBytes, maxEventBytes: maxEventBytes, stripsTimestamps: true)
        case .eventList:
            return ContainerDocumentBatcher(source: source, layout: .eventList, batchBytes: batchBytes, maxEventBytes: maxEventBytes)
        case .cloudWatchJSON:
            return ContainerDocumentBatcher(source: source, layout: .cloudWatchJSON, batchBytes: batchBytes, maxEventBytes: maxEventBytes)
        }
    }
}
