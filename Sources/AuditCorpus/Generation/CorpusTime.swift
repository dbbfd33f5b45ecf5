import AuditPolicy

/// A point in time in microseconds since the Unix epoch (UTC), the precision of
/// kube-apiserver's audit timestamps.
struct CorpusTime: Comparable, Hashable {
    var microseconds: Int64

    static let second: Int64 = 1_000_000
    static let millisecond: Int64 = 1_000

    init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// The time at the start of a UTC calendar date and time of day.
    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
        microseconds = (Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)) * Self.second
    }

    static func < (lhs: CorpusTime, rhs: CorpusTime) -> Bool { lhs.microseconds < rhs.microseconds }

    static func + (time: CorpusTime, microseconds: Int64) -> CorpusTime {
        CorpusTime(microseconds: time.microseconds + microseconds)
    }

    static func - (later: CorpusTime, earlier: CorpusTime) -> Int64 {
        later.microseconds - earlier.microseconds
    }

    /// `2026-11-01T10:00:00.123456Z`: metav1.MicroTime's JSON form (RFC 3339 with exactly
    /// six fractional digits, UTC), used for audit timestamps and lease renew times.
    var microTimeText: String { text(fraction: true) }

    /// `2026-11-01T10:00:00Z`: metav1.Time's JSON form (RFC 3339, whole seconds), used for
    /// object timestamps such as creationTimestamp.
    var timeText: String { text(fraction: false) }

    private func text(fraction withFraction: Bool) -> String {
        var seconds = microseconds / Self.second
        var fraction = microseconds % Self.second
        if fraction < 0 {
            fraction += Self.second
            seconds -= 1
        }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let (year, month, day) = CivilDate.date(daysSinceEpoch: Int(days))
        let length = withFraction ? 27 : 20
        return String(unsafeUninitializedCapacity: length) { buffer in
            func put(_ value: Int, _ width: Int, at offset: Int) {
                var rest = value
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(Int(secondOfDay / 3600), 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(Int(secondOfDay % 3600 / 60), 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(Int(secondOfDay % 60), 2, at: 17)
            if withFraction {
                buffer[19] = UInt8(ascii: ".")
                put(Int(fraction), 6, at: 20)
            }
            buffer[length - 1] = UInt8(ascii: "Z")
            return length
        }
    }
}
