/// Times in microseconds since the Unix epoch, written as RFC 3339 in UTC, without Foundation's
/// calendars (`CivilDate`).
public enum UTCTime {
    /// `2026-11-01T00:05:00Z` (fractional seconds shown only when present, up to microseconds).
    public static func format(microseconds: Int64) -> String {
        let (seconds, fraction) = divide(microseconds, 1_000_000)
        let (days, secondOfDay) = divide(seconds, 86_400)
        let (year, month, day) = CivilDate.date(daysSinceEpoch: Int(days))
        var text = pad(Int(year), 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
        text += pad(Int(secondOfDay / 3600), 2) + ":" + pad(Int(secondOfDay % 3600 / 60), 2) + ":" + pad(Int(secondOfDay % 60), 2)
        if fraction != 0 {
            var digits = pad(Int(fraction), 6)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "Z"
    }

    private static func divide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
