import CZlib

/// Compresses a stream of bytes into one gzip member with zlib's deflate, as `gzip` does
/// (used to write `.gz` corpora, which RecordingReader reads back).
public final class GzipCompressor {
    /// zlib could not start or run deflate (only when memory is exhausted).
    public struct Failure: Error, CustomStringConvertible {
        public let status: Int32
        public var description: String { "gzip compression failed (zlib status \(status))" }
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private var finished = false

    /// - Parameter level: zlib's compression level, 1 (fastest) to 9 (smallest).
    public init(level: Int32 = 6) throws(Failure) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // windowBits 15 + 16: the largest window, with a gzip header and trailer.
        let status = deflateInit2_(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw Failure(status: status)
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `bytes` and appends what deflate produced to `output`; with `finish`,
    /// also ends the member (compressing more afterwards fails with `Z_STREAM_ERROR`).
    public func compress(_ bytes: UnsafeRawBufferPointer, finish: Bool = false, appendingTo output: inout [UInt8]) throws(Failure) {
        guard !finished else { throw Failure(status: Z_STREAM_ERROR) }
        // zlib counts input in 32 bits: feed very large buffers in parts.
        let partLimit = 1 << 30
        if bytes.count > partLimit {
            try compress(UnsafeRawBufferPointer(rebasing: bytes[..<partLimit]), finish: false, appendingTo: &output)
            try compress(UnsafeRawBufferPointer(rebasing: bytes[partLimit...]), finish: finish, appendingTo: &output)
            return
        }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(bytes.count)
        let chunk = 256 << 10
        var outputChunk = [UInt8](repeating: 0, count: chunk)
        while true {
            let status = outputChunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = UInt32(chunk)
                return deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
            }
            let produced = chunk - Int(stream.pointee.avail_out)
            output.append(contentsOf: outputChunk[..<produced])
            switch status {
            case Z_STREAM_END:
                finished = true
                return
            case Z_OK, Z_BUF_ERROR:
                if !finish && stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 { return }
            default:
                throw Failure(status: status)
            }
        }
    }

    /// Compresses `bytes` and returns what deflate produced; with `finish`, also ends the member.
    public func compress(_ bytes: [UInt8], finish: Bool = false) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        var failure: Failure?
        bytes.withUnsafeBytes { raw in
            do throws(Failure) {
                try compress(raw, finish: finish, appendingTo: &output)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return output
    }

    /// `bytes` as one complete gzip member.
    public static func gzip(_ bytes: [UInt8], level: Int32 = 6) throws(Failure) -> [UInt8] {
        try GzipCompressor(level: level).compress(bytes, finish: true)
    }
}
