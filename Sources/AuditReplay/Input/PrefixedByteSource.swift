/// A source whose first bytes were already read (to sniff the format) and are
/// given back before the rest of the underlying stream.
final class PrefixedByteSource: ByteSource {
    private let prefix: [UInt8]
    private var prefixPosition = 0
    private let rest: any ByteSource

    var name: String { rest.name }

    init(prefix: [UInt8], rest: any ByteSource) {
        self.prefix = prefix
        self.rest = rest
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let remaining = prefix.count - prefixPosition
        guard remaining > 0 else { return try rest.read(into: buffer) }
        let count = min(remaining, buffer.count)
        prefix.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[prefixPosition..<(prefixPosition + count)]))
        }
        prefixPosition += count
        return count
    }
}
