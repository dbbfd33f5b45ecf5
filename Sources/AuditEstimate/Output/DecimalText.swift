import AuditPolicy

/// Decimal numbers as text without Foundation's locale-dependent formatters.
public enum DecimalText {
    /// `value` with `fractionDigits` decimals (rounded half away from zero), without an exponent;
    /// trailing zeros (and a trailing point) removed when `trimZeros`.
    public static func format(_ value: Double, fractionDigits: Int, trimZeros: Bool = false, grouping: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let scale = pow10(fractionDigits)
        let scaled = (value.magnitude * scale).rounded()
        // Beyond 2^63 the integer part no longer fits; such figures are not meaningful here.
        guard scaled < 9.2e18 else { return String(value) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        var integer = String(units / divisor)
        if grouping { integer = DigitGrouping.grouped(integer) }
        var fraction = fractionDigits > 0 ? String(units % divisor) : ""
        if fractionDigits > 0 { fraction = String(repeating: "0", count: fractionDigits - fraction.count) + fraction }
        if trimZeros { while fraction.hasSuffix("0") { fraction.removeLast() } }
        let sign = value < 0 && units != 0 ? "-" : ""
        return sign + integer + (fraction.isEmpty ? "" : "." + fraction)
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, exponent) { result *= 10 }
        return result
    }
}
