/// Thousands separators for the counts reports print, without Foundation's locale-dependent
/// formatters: `1234567` as `1,234,567`.
public enum DigitGrouping {
    /// `digits` (decimal digits, no sign) with a comma between groups of three.
    public static func grouped(_ digits: String) -> String {
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: ",")
    }

    /// `value` grouped, with a leading `-` when negative.
    public static func grouped(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(String(value.magnitude))
    }
}
