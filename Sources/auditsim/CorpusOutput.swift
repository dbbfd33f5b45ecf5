import AuditCorpus
import AuditSimIO

/// Where `corpus synth` writes: standard output or a file (written atomically), gzip-compressed
/// for a name ending in `.gz`.
final class CorpusOutput {
    private let channel: OutputChannel
    private let compressor: GzipCompressor?

    init(path: String?) throws {
        guard let path, path != "-" else {
            channel = Console.output
            compressor = nil
            return
        }
        channel = try OutputChannel.file(path, protecting: ProtectedInputs())
        compressor = path.hasSuffix(".gz") ? try GzipCompressor() : nil
    }

    func write(_ bytes: [UInt8]) throws {
        guard let compressor else { return try channel.write(bytes) }
        try channel.write(try compressor.compress(bytes))
    }

    /// Completes the output; for a file, puts it in place.
    func finish() throws {
        if let compressor {
            try channel.write(try compressor.compress([], finish: true))
        }
        if channel !== Console.output { try channel.finish() }
    }

    /// Gives a file output up, leaving nothing partial behind.
    func abandon() {
        if channel !== Console.output { channel.abandon() }
    }
}
