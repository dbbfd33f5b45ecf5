#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output that could not be written: exit code 2 (or a quiet stop for a closed pipe).
public struct OutputError: Error, CustomStringConvertible, Sendable {
    /// The output's name as the user gave it (`standard output` for standard output).
    public let path: String
    /// What went wrong.
    public let reason: Reason

    /// What went wrong with an output.
    public enum Reason: Sendable, Equatable {
        /// The output is one of the command's inputs (named here).
        case isAnInput(String)
        /// The output lies inside an input directory (named here).
        case insideInputDirectory(String)
        /// The reader of a pipe went away (EPIPE): the command stops quietly.
        case brokenPipe
        /// A system call failed with this errno.
        case system(operation: String, errno: Int32)
    }

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// An error from the current `errno`.
    static func system(_ path: String, _ operation: String, _ code: Int32 = errno) -> OutputError {
        OutputError(path: path, reason: code == EPIPE ? .brokenPipe : .system(operation: operation, errno: code))
    }

    /// Whether the error is a closed pipe, which Unix tools end on quietly.
    public var isBrokenPipe: Bool { reason == .brokenPipe }

    public var description: String {
        switch reason {
        case .isAnInput(let input):
            return input == path
                ? "\(path): refusing to write an output over an input"
                : "\(path): refusing to write an output over the input \(input) (the same file)"
        case .insideInputDirectory(let directory):
            return "\(path): refusing to write an output inside the input directory \(directory)"
        case .brokenPipe:
            return "\(path): the reader closed the pipe"
        case .system(let operation, let code):
            return "\(path): cannot \(operation): \(String(cString: strerror(code)))"
        }
    }
}
