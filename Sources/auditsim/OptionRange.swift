import ArgumentParser

/// Range checks of numeric options: a value outside its documented range (README, "Limits") is a
/// usage error naming the option (exit 2), before any arithmetic uses it.
enum OptionRange {
    /// Throws unless `value` is in `range`; `unit` follows the bounds in the message (` bytes`).
    static func require<Value: Comparable & CustomStringConvertible>(_ value: Value, in range: ClosedRange<Value>, option: String, unit: String = "") throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) must be from \(range.lowerBound) to \(range.upperBound)\(unit), not \(value)")
        }
    }
}
