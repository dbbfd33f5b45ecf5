import AuditReplay
import Foundation

/// Where `corpus synth` writes: standard output or a file, gzip-compressed for `.gz`.
final class CorpusOutput {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let handle: FileHandle
    private let path: String
    private let compressor: GzipCompressor?

    init(path: String?) throws {
        guard let path, path != "-" else {
            handle = FileHandle.standardOutput
            self.path = "<stdout>"
            compressor = nil
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw Failure(description: "\(path): cannot create the file")
        }
        self.handle = handle
        self.path = path
        compressor = path.hasSuffix(".gz") ? try GzipCompressor() : nil
    }

    func write(_ bytes: [UInt8]) throws {
        guard let compressor else { return try put(bytes) }
        try put(try compressor.compress(bytes))
    }

    func finish() throws {
        if let compressor {
            try put(try compressor.compress([], finish: true))
        }
        if handle !== FileHandle.standardOutput { try handle.close() }
    }

    private func put(_ bytes: [UInt8]) throws {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw Failure(description: "\(path): \(error.localizedDescription)")
        }
    }
}
