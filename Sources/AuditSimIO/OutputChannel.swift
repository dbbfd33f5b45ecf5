#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes its output: standard output or a file, with every write checked.
///
/// A regular file (or a name where nothing exists yet) is written atomically: the bytes go to a
/// temporary file in the same directory, which replaces the target only when `finish()`
/// succeeds, so a failed or interrupted run leaves the old file (or nothing) behind. Anything
/// else — a device such as `/dev/null`, a FIFO, a symbolic link — is opened and written in
/// place, as every Unix tool does, so that the device or link itself is never replaced.
///
/// An output that is one of the command's inputs, or lies inside an input directory, is
/// refused before anything is opened (see `ProtectedInputs`).
public final class OutputChannel {
    /// The output's name in messages.
    public let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var state: State
    private static let bufferSize = 64 << 10

    private enum State {
        /// Written in place; nothing to do but close.
        case inPlace
        /// Written to `temporary`, renamed to `target` by `finish()`.
        case atomic(temporary: String, target: String, mode: mode_t)
        /// Finished or abandoned.
        case closed
    }

    private init(name: String, descriptor: Int32, ownsDescriptor: Bool, state: State) {
        self.name = name
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
        self.state = state
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        abandon()
    }

    /// Standard output. A closed pipe surfaces as an `OutputError` whose `isBrokenPipe` is true
    /// (see `BrokenPipe.ignoreSignal()`).
    public static func standardOutput() -> OutputChannel {
        OutputChannel(name: "standard output", descriptor: STDOUT_FILENO, ownsDescriptor: false, state: .inPlace)
    }

    /// Opens `path` for writing, refusing it when it would overwrite one of `inputs`.
    public static func file(_ path: String, protecting inputs: ProtectedInputs) throws(OutputError) -> OutputChannel {
        if path == "-" { return standardOutput() }
        try inputs.check(output: path)
        var link = stat()
        let exists = lstat(path, &link) == 0
        if exists, (link.st_mode & S_IFMT) != S_IFREG {
            // A device, FIFO, symlink or directory: open what is there, in place.
            var flags = O_WRONLY | O_CLOEXEC
            var target = stat()
            if stat(path, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG { flags |= O_TRUNC }
            let descriptor = open(path, flags)
            guard descriptor >= 0 else { throw .system(path, "open it for writing") }
            return OutputChannel(name: path, descriptor: descriptor, ownsDescriptor: true, state: .inPlace)
        }
        let mode: mode_t = exists ? link.st_mode & 0o7777 : Self.creationMode()
        var template = Array((PathText.parent(of: path) + "/." + PathText.baseName(of: path) + ".auditsim-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .system(path, "create a file beside it") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return OutputChannel(name: path, descriptor: descriptor, ownsDescriptor: true,
                             state: .atomic(temporary: temporary, target: path, mode: mode))
    }

    /// Appends text.
    public func write(_ text: String) throws(OutputError) {
        var text = text
        var failure: OutputError?
        text.withUTF8 { bytes in
            do throws(OutputError) { try write(UnsafeRawBufferPointer(bytes)) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Appends bytes.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        var failure: OutputError?
        bytes.withUnsafeBytes { bytes in
            do throws(OutputError) { try write(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Appends bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        if buffer.count + bytes.count > Self.bufferSize {
            try flush()
            if bytes.count >= Self.bufferSize { return try writeAll(bytes) }
        }
        buffer.append(contentsOf: bytes)
    }

    /// Writes out what is buffered.
    public func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        var failure: OutputError?
        buffer.withUnsafeBytes { bytes in
            do throws(OutputError) { try writeAll(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Completes the output: flushes it and, for a file written atomically, syncs it and puts it
    /// in place. On failure the partial output is removed.
    public func finish() throws(OutputError) {
        do throws(OutputError) {
            try flush()
            if case .atomic(let temporary, let target, let mode) = state {
                guard fchmod(descriptor, mode) == 0 else { throw OutputError.system(name, "set its permissions") }
                guard fsync(descriptor) == 0 else { throw OutputError.system(name, "write it to disk") }
                guard close(descriptor) == 0 else {
                    state = .closed
                    unlink(temporary)
                    throw OutputError.system(name, "write it")
                }
                state = .closed
                guard rename(temporary, target) == 0 else {
                    let code = errno
                    unlink(temporary)
                    throw OutputError.system(name, "replace it", code)
                }
                return
            }
            if case .inPlace = state {
                state = .closed
                if ownsDescriptor, close(descriptor) != 0 { throw OutputError.system(name, "write it") }
            }
        } catch {
            abandon()
            throw error
        }
    }

    /// Gives the output up: a temporary file is removed, so nothing partial is left behind.
    public func abandon() {
        buffer.removeAll()
        switch state {
        case .atomic(let temporary, _, _):
            close(descriptor)
            unlink(temporary)
        case .inPlace:
            if ownsDescriptor { close(descriptor) }
        case .closed:
            break
        }
        state = .closed
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = Glibc.write(descriptor, next, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw .system(name, "write it")
            }
            next += written
            remaining -= written
        }
    }

    /// 0666 less the process's umask, as `open(O_CREAT)` would create the file.
    private static func creationMode() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
    }
}
