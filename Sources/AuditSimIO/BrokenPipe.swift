#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How auditsim ends when the reader of its output goes away (`auditsim replay | head`).
///
/// The signal SIGPIPE is ignored so that a write to a closed pipe fails with EPIPE instead of
/// killing the process; outputs then surface it as `OutputError.isBrokenPipe`, the command
/// removes any partial output file, and exits quietly with `exitCode` (128 + SIGPIPE, the status
/// a shell reports for a tool that SIGPIPE ended).
public enum BrokenPipe {
    /// The exit status after a closed pipe: 141.
    public static let exitCode: Int32 = 128 + SIGPIPE

    /// Makes writes to a closed pipe fail with EPIPE instead of ending the process.
    public static func ignoreSignal() {
        signal(SIGPIPE, SIG_IGN)
    }
}
