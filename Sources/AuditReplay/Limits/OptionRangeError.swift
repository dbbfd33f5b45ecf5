/// A number given for a setting that is outside the values it may take.
///
/// Every number a user controls is checked against its range before use, so that a huge value
/// is an error that names the setting rather than an arithmetic trap, a hang or an allocation
/// failure.
public struct OptionRangeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The setting, as the user names it (such as `--threads`).
    public let option: String
    public let value: String
    public let lowest: String
    public let highest: String

    public var description: String { "\(option) must be from \(lowest) to \(highest), not \(value)" }

    /// Throws unless `value` is in `range`.
    public static func check(_ value: Int, in range: ClosedRange<Int>, option: String) throws(OptionRangeError) {
        guard !range.contains(value) else { return }
        throw OptionRangeError(option: option, value: String(value), lowest: String(range.lowerBound), highest: String(range.upperBound))
    }

    /// Throws unless `size` is in `range` (in bytes); the message writes sizes in the size grammar.
    public static func check(_ size: ByteSize, in range: ClosedRange<Int>, option: String) throws(OptionRangeError) {
        guard !range.contains(size.bytes) else { return }
        throw OptionRangeError(option: option, value: size.description,
                               lowest: ByteSize(bytes: range.lowerBound).description, highest: ByteSize(bytes: range.upperBound).description)
    }
}
