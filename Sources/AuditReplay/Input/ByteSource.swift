/// A forward-only stream of bytes: a file, standard input, memory, or a gzip
/// decompressor over one of those.
protocol ByteSource: AnyObject {
    /// The name used in error messages (a path or `<stdin>`).
    var name: String { get }

    /// Copies the next bytes into `buffer` and returns how many; 0 only at the end of
    /// the stream (or when `buffer` is empty). May return fewer bytes than asked for.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int
}

extension ByteSource {
    /// Reads until `buffer` is full or the stream ends; returns how many bytes were read.
    func readFully(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}

extension ByteSource {
    /// The next `count` bytes, or fewer at the end of the stream.
    func readBytes(upTo count: Int) throws(InputError) -> [UInt8] {
        var failure: InputError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(InputError) {
                initialized = try readFully(into: UnsafeMutableRawBufferPointer(buffer))
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return bytes
    }
}
