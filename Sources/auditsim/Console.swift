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
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        line.withUTF8 { bytes in
            var next = 0
            while next < bytes.count {
                let written = Glibc.write(STDERR_FILENO, bytes.baseAddress! + next, bytes.count - next)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                next += written
            }
        }
    }

    /// Ends the process with `status`.
    static func exit(_ status: Int32) -> Never {
        Glibc.exit(status)
    }
}
