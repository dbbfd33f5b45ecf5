/// Go's `time.Duration.String` for whole seconds: `7m31s`, `5m0s`, `45s`, `1h0m0s`.
enum GoDuration {
    static func text(seconds: Int) -> String {
        let hours = seconds / 3600
        let minutes = seconds % 3600 / 60
        let rest = seconds % 60
        if hours > 0 { return "\(hours)h\(minutes)m\(rest)s" }
        if minutes > 0 { return "\(minutes)m\(rest)s" }
        return "\(rest)s"
    }
}

extension GoDuration {
    /// Go's `time.Duration.String` for sub-second durations given in microseconds:
    /// `612.305ms`, `45µs`; seconds and above as `1.2345s`.
    static func microseconds(_ value: Int64) -> String {
        if value < 1_000 { return "\(value)µs" }
        if value < 1_000_000 { return trimmed(value, unit: 1_000) + "ms" }
        return trimmed(value, unit: 1_000_000) + "s"
    }

    /// `value / unit` with its fraction, trailing zeros removed.
    private static func trimmed(_ value: Int64, unit: Int64) -> String {
        let whole = value / unit
        var fraction = String(value % unit)
        let width = String(unit).count - 1
        fraction = String(repeating: "0", count: max(0, width - fraction.count)) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
    }
}
