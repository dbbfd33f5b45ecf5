import Foundation

/// The `--emit` file: synthesized events, one JSON line each, written through a buffer.
final class EmittedEventFile {
    private let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let flushThreshold = 1 << 20

    /// Creates (or empties) the file.
    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ReplayInputError(message: "\(path): cannot create the --emit file")
        }
        self.handle = handle
        buffer.reserveCapacity(Self.flushThreshold + (64 << 10))
    }

    /// Appends one event and a newline.
    func write(line: UnsafeBufferPointer<UInt8>) throws {
        buffer.append(contentsOf: line)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes what is buffered and closes the file.
    func close() throws {
        try flush()
        do {
            try handle.close()
        } catch {
            throw ReplayInputError(message: "\(path): cannot write the --emit file: \(error.localizedDescription)")
        }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ReplayInputError(message: "\(path): cannot write the --emit file: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
