#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file descriptor read with read(2), closed when the source is released.
final class FileByteSource: ByteSource {
    let name: String
    private let descriptor: Int32
    private let closesDescriptor: Bool

    /// Opens `path` for reading.
    init(path: String) throws(InputError) {
        name = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(file: path, reason: Self.describe(errno: errno)) }
        self.descriptor = descriptor
        closesDescriptor = true
        #if canImport(Glibc)
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
    }

    /// Reads the process's standard input, named `<stdin>`.
    init(standardInputNamed name: String) {
        self.name = name
        descriptor = STDIN_FILENO
        closesDescriptor = false
    }

    deinit {
        if closesDescriptor { close(descriptor) }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc)
            let count = Glibc.read(descriptor, base, buffer.count)
            #else
            let count = Darwin.read(descriptor, base, buffer.count)
            #endif
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw InputError(file: name, reason: Self.describe(errno: errno))
        }
    }

    /// A short, lower-case description of an errno value, such as `no such file`.
    static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "is a directory"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
