import CZlib

/// Decompresses a gzip stream (one or several concatenated members, as `cat a.gz b.gz`
/// or `gzip` with `--rsyncable` produce) from another source, with zlib's streaming inflate.
final class GzipByteSource: ByteSource {
    /// The two bytes every gzip member starts with (RFC 1952, section 2.3.1).
    static let magic: (UInt8, UInt8) = (0x1f, 0x8b)

    private static let inputCapacity = 256 << 10

    private let compressed: any ByteSource
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutablePointer<UInt8>
    private var compressedExhausted = false
    /// True between the end of one member and the start of the next (or the end of input).
    private var betweenMembers = false
    private var finished = false

    var name: String { compressed.name }

    init(compressed: any ByteSource) throws(InputError) {
        self.compressed = compressed
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(capacity: Self.inputCapacity)
        // windowBits 15 + 32: the largest window, with automatic gzip/zlib header detection.
        let status = inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            input.deallocate()
            throw InputError(file: compressed.name, reason: "cannot start gzip decompression (zlib status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard !finished, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        stream.pointee.next_out = base.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = UInt32(clamping: buffer.count)
        let wanted = Int(stream.pointee.avail_out)
        while stream.pointee.avail_out > 0 {
            if stream.pointee.avail_in == 0 && !compressedExhausted {
                try refillInput()
            }
            if betweenMembers {
                guard try startNextMember() else {
                    finished = true
                    break
                }
            }
            if stream.pointee.avail_in == 0 && compressedExhausted {
                throw InputError(file: name, reason: "truncated gzip stream")
            }
            let status = inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                betweenMembers = true
            case Z_BUF_ERROR where stream.pointee.avail_in == 0 || stream.pointee.avail_out == 0:
                // No progress possible until more input arrives (read above) or the caller drains the output.
                continue
            case Z_NEED_DICT, Z_DATA_ERROR:
                throw InputError(file: name, reason: "corrupt gzip stream: \(zlibMessage ?? "invalid data")")
            case Z_MEM_ERROR:
                throw InputError(file: name, reason: "out of memory while decompressing")
            default:
                throw InputError(file: name, reason: "gzip decompression failed (zlib status \(status))")
            }
        }
        return wanted - Int(stream.pointee.avail_out)
    }

    /// After a member's end: true when another member follows (the stream is reset for it),
    /// false at the end of input. Anything else after a member is an error.
    private func startNextMember() throws(InputError) -> Bool {
        if stream.pointee.avail_in == 0 && !compressedExhausted { try refillInput() }
        if stream.pointee.avail_in == 0 { return false }
        if stream.pointee.avail_in < 2 && !compressedExhausted { try refillInput() }
        guard let next = stream.pointee.next_in, stream.pointee.avail_in >= 2,
              next[0] == Self.magic.0, next[1] == Self.magic.1
        else {
            throw InputError(file: name, reason: "corrupt gzip stream: unexpected data after the end of the compressed data")
        }
        inflateReset(stream)
        betweenMembers = false
        return true
    }

    /// Moves any unread input to the front and reads more after it.
    private func refillInput() throws(InputError) {
        let pending = Int(stream.pointee.avail_in)
        if pending > 0, let next = stream.pointee.next_in, next != input {
            input.update(from: next, count: pending)
        }
        let free = UnsafeMutableRawBufferPointer(start: input + pending, count: Self.inputCapacity - pending)
        let count = try compressed.read(into: free)
        if count == 0 { compressedExhausted = true }
        stream.pointee.next_in = input
        stream.pointee.avail_in = UInt32(pending + count)
    }

    private var zlibMessage: String? {
        stream.pointee.msg.map { String(cString: $0) }
    }
}
