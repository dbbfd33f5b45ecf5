/// Durations as `--duration` takes them: `300`, `90s`, `5m`, `1h30m`, `2d`, `1.5h`.
public enum DurationText {
    /// The seconds a duration stands for, or `nil` when it is not one (or not positive).
    public static func seconds(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        var total = 0.0
        var number = ""
        var sawUnit = false
        for character in text.lowercased() where character != " " {
            if character.isNumber || character == "." {
                number.append(character)
            } else if let unit = units[character], let value = Double(number) {
                total += value * unit
                number = ""
                sawUnit = true
            } else {
                return nil
            }
        }
        if !number.isEmpty {
            // A bare number is seconds; a number after units has no unit of its own.
            guard !sawUnit, let value = Double(number) else { return nil }
            total += value
        } else if !sawUnit {
            return nil
        }
        return total > 0 && total.isFinite ? total : nil
    }
}
