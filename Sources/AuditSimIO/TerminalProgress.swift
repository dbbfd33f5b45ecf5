#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress line on standard error, redrawn in place while a long command works, and erased
/// when it ends. Only made when standard error is a terminal and the user did not ask for quiet.
public final class TerminalProgress {
    private let verb: String
    private let draw: (String) -> Void
    private let now: () -> Double
    private let start: Double
    private var lastDrawn: Double?

    /// The least time between two redraws, in seconds.
    static let redrawInterval = 0.2

    /// A progress line on standard error, or `nil` when `quiet` or when standard error is not a terminal.
    public static func standardError(verb: String, quiet: Bool) -> TerminalProgress? {
        guard !quiet, StandardError.isTerminal else { return nil }
        return TerminalProgress(verb: verb, draw: StandardError.write, now: monotonicSeconds)
    }

    /// A progress line drawn through `draw`, timed by `now` (seconds from any fixed point).
    init(verb: String, draw: @escaping (String) -> Void, now: @escaping () -> Double) {
        self.verb = verb
        self.draw = draw
        self.now = now
        start = now()
    }

    /// Shows `done` of `total` (unknown when `nil`): at once the first time, then at most every
    /// `redrawInterval`.
    public func update(done: Int, total: Int?) {
        let time = now()
        if let lastDrawn, time - lastDrawn < Self.redrawInterval { return }
        lastDrawn = time
        // Carriage return, the line, then erase what an older, longer line left to its right.
        draw("\r" + ProgressText.line(verb: verb, done: done, total: total, elapsed: time - start) + "\u{1B}[K")
    }

    /// Erases the line, if one was drawn.
    public func finish() {
        if lastDrawn != nil { draw("\r\u{1B}[K") }
        lastDrawn = nil
    }

    private static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
