import AuditSimIO
#if canImport(Glibc)
import Glibc
#endif

/// The process's standard streams. Reports go to `output`, whose every write is checked;
/// messages go to standard error.
enum Console {
    /// Standard output, buffered; `AuditSim.main` finishes it before the process exits.
    nonisolated(unsafe) static let output = OutputChannel.standardOutput()

    /// Writes `text` to standard output.
    static func write(_ text: String) throws {
        try output.write(text)
    }

    /// Writes `text` and a newline to standard output.
    static func writeLine(_ text: String) throws {
        try output.write(text)
        try output.write("\n")
    }

    /// Writes `text` and a newline to standard error. A failure to write there has nowhere to
    /// be reported, so it is ignored.
    static func writeError(_ text: String) {
        StandardError.write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Ends the process with `status`.
    static func exit(_ status: Int32) -> Never {
        Glibc.exit(status)
    }
}
