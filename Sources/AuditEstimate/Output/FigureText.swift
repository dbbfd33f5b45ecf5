/// How estimate figures are written for people: counts with thousands separators, sizes in
/// binary units, dollars with cents, shares in percent.
public enum FigureText {
    /// `1,234,567` (rounded to a whole number).
    public static func count(_ value: Double) -> String {
        DecimalText.format(value, fractionDigits: 0, grouping: true)
    }

    /// `1,234,567`.
    public static func count(_ value: Int) -> String { count(Double(value)) }

    /// `512 B`, `1.5 KiB`, `12.3 MiB`, `4.56 GiB`: three significant digits from KiB on.
    public static func bytes(_ value: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var amount = value.magnitude
        var unit = 0
        while amount >= 1024, unit < units.count - 1 {
            amount /= 1024
            unit += 1
        }
        let sign = value < 0 ? "-" : ""
        if unit == 0 { return sign + DecimalText.format(amount, fractionDigits: 0) + " B" }
        let digits = amount >= 100 ? 0 : (amount >= 10 ? 1 : 2)
        return sign + DecimalText.format(amount, fractionDigits: digits) + " " + units[unit]
    }

    /// `$1,234.56`; amounts under a cent keep three significant digits (`$0.00123`).
    public static func dollars(_ value: Double) -> String {
        let sign = value < 0 ? "-" : ""
        let amount = value.magnitude
        if amount > 0, amount < 0.01 {
            var digits = 2
            var scaled = amount * 100
            while scaled < 100, digits < 9 {
                scaled *= 10
                digits += 1
            }
            return sign + "$" + DecimalText.format(amount, fractionDigits: digits)
        }
        return sign + "$" + DecimalText.format(amount, fractionDigits: 2, grouping: true)
    }

    /// `12.5%` (one decimal; `<0.1%` for small non-zero shares).
    public static func percent(_ share: Double) -> String {
        if share > 0, share < 0.001 { return "<0.1%" }
        return DecimalText.format(share * 100, fractionDigits: 1) + "%"
    }

    /// `1.23` GB-style amounts: two decimals, or three significant digits when small.
    public static func amount(_ value: Double) -> String {
        let magnitude = value.magnitude
        if magnitude > 0, magnitude < 1 {
            var digits = 2
            var scaled = magnitude * 100
            while scaled < 100, digits < 9 {
                scaled *= 10
                digits += 1
            }
            return DecimalText.format(value, fractionDigits: digits)
        }
        return DecimalText.format(value, fractionDigits: 2, grouping: true)
    }

    /// `+1.5 GiB` / `-1.5 GiB` for differences.
    public static func signedBytes(_ value: Double) -> String {
        (value > 0 ? "+" : "") + bytes(value)
    }

    /// `+$1.50` / `-$1.50`.
    public static func signedDollars(_ value: Double) -> String {
        (value > 0 ? "+" : "") + dollars(value)
    }

    /// `+1,234` / `-1,234`.
    public static func signedCount(_ value: Double) -> String {
        (value > 0 ? "+" : "") + count(value)
    }
}
