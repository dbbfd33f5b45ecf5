#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error, written unbuffered.
public enum StandardError {
    /// Writes `text` whole (retrying after interruptions). A failure to write there has nowhere
    /// to be reported, so it is ignored.
    public static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var next = 0
            while next < bytes.count {
                #if canImport(Glibc)
                let written = Glibc.write(STDERR_FILENO, bytes.baseAddress! + next, bytes.count - next)
                #else
                let written = Darwin.write(STDERR_FILENO, bytes.baseAddress! + next, bytes.count - next)
                #endif
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                next += written
            }
        }
    }

    /// Whether standard error is a terminal.
    public static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
