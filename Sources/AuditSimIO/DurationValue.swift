/// A length of time as every command's options write it: `300` (seconds), `90s`, `5m`, `1h30m`,
/// `2d`, `1d12h`.
///
/// Grammar: either a bare number of seconds, or one or more `<number><unit>` parts with units
/// `d` (86,400 s), `h`, `m` and `s`, each at most once and in that order. Lowercase, no spaces,
/// whole seconds only. The total is positive and at most `maximumSeconds` (3,653 days: ten years, the
/// longest retention CloudWatch Logs offers); every step of the sum is overflow-checked, so no
/// text can trap.
public struct DurationValue: Sendable, Hashable, CustomStringConvertible {
    /// The length in seconds, from 1 to `maximumSeconds`.
    public let seconds: Int

    /// Ten years: 3,653 days.
    public static let maximumSeconds = 3_653 * 86_400

    /// Why a text is not a duration.
    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not in the grammar.
        case malformed
        /// Zero.
        case notPositive
        /// Longer than `maximumSeconds` (or beyond any integer).
        case tooLong

        public var description: String {
            switch self {
            case .malformed: "a duration is a number of seconds or parts such as 90s, 5m, 1h30m, 2d (units d, h, m, s, in that order)"
            case .notPositive: "a duration must be longer than 0 seconds"
            case .tooLong: "a duration is at most \(DurationValue.maximumSeconds / 86_400)d (ten years)"
            }
        }
    }

    /// A duration of `seconds` seconds.
    ///
    /// - Throws: `ParseError` when `seconds` is not in 1 ... `maximumSeconds`.
    public init(seconds: Int) throws(ParseError) {
        guard seconds > 0 else { throw .notPositive }
        guard seconds <= Self.maximumSeconds else { throw .tooLong }
        self.seconds = seconds
    }

    /// Parses `text`.
    ///
    /// - Throws: `ParseError`.
    public init(parsing text: String) throws(ParseError) {
        let units: [(unit: UInt8, seconds: Int)] = [(UInt8(ascii: "d"), 86_400), (UInt8(ascii: "h"), 3_600), (UInt8(ascii: "m"), 60), (UInt8(ascii: "s"), 1)]
        var total = 0
        var number: Int?
        var nextUnit = 0
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                let (shifted, overflowShift) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (digit, overflowDigit) = shifted.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
                guard !overflowShift, !overflowDigit else { throw .tooLong }
                number = digit
                continue
            }
            guard let value = number,
                  let found = units[nextUnit...].firstIndex(where: { $0.unit == byte }) else { throw .malformed }
            let (part, overflowPart) = value.multipliedReportingOverflow(by: units[found].seconds)
            let (sum, overflowSum) = total.addingReportingOverflow(part)
            guard !overflowPart, !overflowSum else { throw .tooLong }
            total = sum
            number = nil
            nextUnit = found + 1
        }
        if let bare = number {
            // Digits after a unit have no unit of their own; digits alone are seconds.
            guard nextUnit == 0 else { throw .malformed }
            total = bare
        } else if nextUnit == 0 {
            throw .malformed
        }
        try self.init(seconds: total)
    }

    /// The shortest text that parses back to this duration: `90s` is `1m30s`, `86400` is `1d`.
    public var description: String {
        var remaining = seconds
        var text = ""
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where remaining >= size {
            text += "\(remaining / size)\(unit)"
            remaining %= size
        }
        return text
    }
}
