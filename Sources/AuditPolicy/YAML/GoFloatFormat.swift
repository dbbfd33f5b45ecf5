/// Writes a float the way Go's `encoding/json` does (`encode.go`, `floatEncoder.encode`), which
/// is how `sigs.k8s.io/yaml` `YAMLToJSON` hands a YAML float to kube-apiserver's JSON decoder.
///
/// Go writes the shortest digits that read back as the same value (`strconv.AppendFloat` with
/// precision -1) in `%f` form, switching to `%e` form below 1e-6 and from 1e21 on, with a
/// one-digit negative exponent written without its leading zero (`1e-7`, `1e+21`).
/// Swift's `description` also gives the shortest round-tripping digits, so only the layout is
/// redone here.
enum GoFloatFormat {
    /// The JSON text of `value`, or `.inf`, `-.inf`, `.nan` (YAML's spelling) for values JSON
    /// cannot hold.
    static func jsonNumber(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 { return sign + "0" }
        let (digits, pointPosition) = shortestDigits(value.magnitude)
        let magnitude = value.magnitude
        if magnitude < 1e-6 || magnitude >= 1e21 {
            // %e: d[.ddd]e±dd, then Go trims "e-09" to "e-9".
            var text = sign + String(digits.first ?? "0")
            if digits.count > 1 { text += "." + digits.dropFirst() }
            let exponent = pointPosition - 1
            let exponentDigits = String(abs(exponent))
            if exponent < 0 {
                text += "e-" + exponentDigits
            } else {
                text += "e+" + (exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits)
            }
            return text
        }
        // %f
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count)
        }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// The shortest significant digits of a positive finite `value` (no leading or trailing
    /// zeros) and where the decimal point goes: `value == 0.DIGITS × 10^pointPosition`.
    static func shortestDigits(_ value: Double) -> (digits: String, pointPosition: Int) {
        shortestDigits(description: value.description)
    }

    /// The same, from a Swift float `description` ("1234.5", "0.0001", "1e-07", "1.5e+300"),
    /// which is the shortest text that reads back as the value (for `Double` or `Float`).
    static func shortestDigits(description text: String) -> (digits: String, pointPosition: Int) {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var integerPart = mantissa
        var fractionPart = Substring("")
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(integerPart) + fractionPart
        var pointPosition = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (digits, pointPosition)
    }
}
