import AuditPolicy

/// The text of a progress line: `reading 12.0 MiB of 40.0 MiB (30%), 6.0 MiB/s, 5s to go`.
public enum ProgressText {
    /// The line for `done` bytes of `total` (unknown when `nil`) after `elapsed` seconds. The rate
    /// appears once some time has passed, the time to go once the total is known as well.
    public static func line(verb: String, done: Int, total: Int?, elapsed: Double) -> String {
        var line = "\(verb) \(ByteCountText.binary(done))"
        if let total, total > 0 {
            let percent = min(100, Int((Double(done) / Double(total) * 100).rounded(.down)))
            line += " of \(ByteCountText.binary(total)) (\(percent)%)"
        }
        guard elapsed > 0, done > 0 else { return line }
        let rate = Double(done) / elapsed
        // A rate measured over a clock tick or two can be absurd; it is left out rather than trapping.
        guard rate < 1e15 else { return line }
        line += ", \(ByteCountText.binary(Int(rate.rounded())))/s"
        if let total, total >= done {
            line += ", \(duration(Double(total - done) / rate)) to go"
        }
        return line
    }

    /// `42s`, `3m05s`, `2h07m`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 360_000 else { return "a long time" }
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m\(twoDigits(whole % 60))s" }
        return "\(whole / 3600)h\(twoDigits(whole / 60 % 60))m"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
