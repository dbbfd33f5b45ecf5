#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole small input (a policy, a tests file, a configuration) named on the command line.
///
/// Regular files, FIFOs and process substitutions (`<(cat p.yaml)`), devices and `-` (standard
/// input) are all read as streams, up to `limit` bytes.
public enum InputBytes {
    /// The most bytes a policy, tests or configuration file may hold: 64 MiB, far more than any
    /// real policy and far below the machine's memory.
    public static let defaultLimit = 64 << 20

    /// The bytes of `path`, or of standard input for `-`.
    public static func read(_ path: String, limit: Int = defaultLimit) throws(InputFileError) -> [UInt8] {
        let descriptor: Int32
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw InputFileError(path: path, problem: errno == ENOENT ? "no such file" : "cannot open it: \(String(cString: strerror(errno)))")
            }
            var info = stat()
            if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(descriptor)
                throw InputFileError(path: path, problem: "is a directory")
            }
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputFileError(path: path, problem: "cannot read it: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return bytes }
            guard bytes.count <= limit - count else {
                throw InputFileError(path: path, problem: "larger than \(limit) bytes")
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Refuses a command line that reads standard input twice (`check - -`,
    /// `replay --policy - -`): the second reader would see nothing.
    public static func requireSingleStandardInput(_ arguments: [String]) throws(InputFileError) {
        if arguments.filter({ $0 == "-" }).count > 1 {
            throw InputFileError(path: "-", problem: "standard input can be read only once; give at most one '-'")
        }
    }
}

/// An input file that could not be read: exit code 2.
public struct InputFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The name as given (`-` for standard input).
    public let path: String
    /// What is wrong, as a sentence fragment.
    public let problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path == "-" ? "<stdin>" : path): \(problem)" }
}
