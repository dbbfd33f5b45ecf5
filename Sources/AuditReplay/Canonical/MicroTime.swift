import AuditPolicy

/// Audit event timestamps (`metav1.MicroTime`).
///
/// kube-apiserver writes them in UTC with exactly six fractional digits,
/// `"2006-01-02T15:04:05.000000Z"` (apimachinery `pkg/apis/meta/v1/micro_time.go`,
/// `MicroTime.MarshalJSON`: `t.UTC().Format(RFC3339Micro)`), so every written timestamp is
/// 27 bytes between its quotes.
struct MicroTime: Hashable, Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    var seconds: Int64
    /// Microseconds within the second.
    var microseconds: Int

    /// The length of a written timestamp, quotes included.
    static let quotedLength = 29

    /// A timestamp used when a recorded event has none at all: kube-apiserver always writes one,
    /// and every timestamp has the same length, so sizes stay exact.
    static let placeholder = MicroTime(seconds: 0, microseconds: 0)

    /// Whether the quoted string in `bytes` is already in kube-apiserver's form.
    static func isCanonical(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == quotedLength, let base = bytes.baseAddress, matchesPattern(base) else { return false }
        // The pattern holds; check the values as Go's time.Parse would (no allocation).
        func number(_ offset: Int, _ digits: Int) -> Int {
            var value = 0
            for index in offset..<(offset + digits) { value = value * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
            return value
        }
        let year = number(1, 4), month = number(6, 2), day = number(9, 2)
        return (1...12).contains(month) && day >= 1 && day <= daysInMonth(year, month)
            && number(12, 2) < 24 && number(15, 2) < 60 && number(18, 2) < 60
    }

    /// Whether the 29 bytes at `base` are `"YYYY-MM-DDTHH:MM:SS.ffffffZ"` (quotes included) with
    /// digits where the letters are, checked eight bytes at a time: bytes 0-7, 8-15, 16-23 and
    /// 21-28 (the last word overlaps the one before).
    @inline(__always)
    static func matchesPattern(_ base: UnsafePointer<UInt8>) -> Bool {
        let raw = UnsafeRawPointer(base)
        func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        // Per word: a mask of the digit bytes, and the other bytes (little-endian, so the first
        // byte is the lowest): `"DDDD-DD`, `-DDTDD:D`, `D:DD.DDD`, `DDDDDDZ"`.
        return word(0).matches(digits: 0xFFFF_00FF_FFFF_FF00, literal: 0x0000_2D00_0000_0022)
            && word(8).matches(digits: 0xFF00_FFFF_00FF_FF00, literal: 0x003A_0000_5400_002D)
            && word(16).matches(digits: 0xFFFF_FF00_FFFF_00FF, literal: 0x0000_002E_0000_3A00)
            && word(21).matches(digits: 0x0000_FFFF_FFFF_FFFF, literal: 0x225A_0000_0000_0000)
    }

    /// The time of a quoted timestamp already in kube-apiserver's form (`isCanonical`), read in
    /// place without allocating; `nil` for any other text.
    static func parseCanonical(_ bytes: UnsafeBufferPointer<UInt8>) -> MicroTime? {
        guard isCanonical(bytes) else { return nil }
        func number(_ offset: Int, _ digits: Int) -> Int {
            var value = 0
            for index in offset..<(offset + digits) { value = value * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
            return value
        }
        let days = CivilDate.daysSinceEpoch(year: number(1, 4), month: number(6, 2), day: number(9, 2))
        let seconds = Int64(days) * 86_400 + Int64(number(12, 2) * 3600 + number(15, 2) * 60 + number(18, 2))
        return MicroTime(seconds: seconds, microseconds: number(21, 6))
    }

    /// Reads an RFC 3339 time (`T` or a space between date and time, optional fraction,
    /// `Z` or a numeric offset; a time without a zone is read as UTC).
    static func parse(_ text: [UInt8]) -> MicroTime? {
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= text.count else { return nil }
            var value = 0
            for _ in 0..<digits {
                let digit = text[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
                index += 1
            }
            return value
        }
        func literal(_ byte: UInt8) -> Bool {
            guard index < text.count, text[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), literal(UInt8(ascii: "-")), let month = number(2), literal(UInt8(ascii: "-")),
              let day = number(2) else { return nil }
        guard index < text.count, [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(text[index]) else { return nil }
        index += 1
        guard let hour = number(2), literal(UInt8(ascii: ":")), let minute = number(2), literal(UInt8(ascii: ":")),
              let second = number(2) else { return nil }
        var microseconds = 0
        if literal(UInt8(ascii: ".")) {
            var digits = 0
            while index < text.count, text[index] &- UInt8(ascii: "0") < 10 {
                if digits < 6 { microseconds = microseconds * 10 + Int(text[index] - UInt8(ascii: "0")) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 6) { microseconds *= 10 }
        }
        var offsetSeconds = 0
        if index < text.count {
            switch text[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign = text[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                guard let hours = number(2), literal(UInt8(ascii: ":")), let minutes = number(2) else { return nil }
                offsetSeconds = sign * (hours * 3600 + minutes * 60)
            default:
                return nil
            }
        }
        guard index == text.count, (1...12).contains(month), day >= 1, day <= daysInMonth(year, month),
              hour < 24, minute < 60, second < 60 else { return nil }
        let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return MicroTime(seconds: seconds, microseconds: microseconds)
    }

    /// The quoted timestamp as kube-apiserver writes it.
    var quotedBytes: [UInt8] {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let (year, month, day) = CivilDate.date(daysSinceEpoch: days)
        var output: [UInt8] = [UInt8(ascii: "\"")]
        func append(_ value: Int, digits: Int) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                output.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        append(year, digits: 4); output.append(UInt8(ascii: "-"))
        append(month, digits: 2); output.append(UInt8(ascii: "-"))
        append(day, digits: 2); output.append(UInt8(ascii: "T"))
        append(secondOfDay / 3600, digits: 2); output.append(UInt8(ascii: ":"))
        append(secondOfDay / 60 % 60, digits: 2); output.append(UInt8(ascii: ":"))
        append(secondOfDay % 60, digits: 2); output.append(UInt8(ascii: "."))
        append(microseconds, digits: 6)
        output.append(UInt8(ascii: "Z"))
        output.append(UInt8(ascii: "\""))
        return output
    }

    private static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

private extension UInt64 {
    /// Whether the bytes outside `digits` are `literal` and those inside are ASCII digits. A byte
    /// is a digit when its high nibble is 3 and its low nibble plus 6 stays below 16; adding 6 to
    /// every low nibble at once carries into no other byte.
    @inline(__always)
    func matches(digits: UInt64, literal: UInt64) -> Bool {
        self & ~digits == literal
            && self & digits & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030 & digits
            && ((self & 0x0F0F_0F0F_0F0F_0F0F) &+ 0x0606_0606_0606_0606) & 0x1010_1010_1010_1010 & digits == 0
    }
}
