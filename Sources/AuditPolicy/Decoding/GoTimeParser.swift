/// Go's `time.Parse` for the two layouts a policy's `metadata` can meet, reduced to whether the
/// text parses and, when it does not, Go's error message.
///
/// Upstream: `metav1.Time.UnmarshalJSON` parses with `time.RFC3339`, `metav1.MicroTime` with
/// `2006-01-02T15:04:05.000000Z07:00` (k8s.io/apimachinery `pkg/apis/meta/v1/time.go`,
/// `micro_time.go`); Go's `time/format.go`, `parse` walks the layout's elements and reports the
/// first one the text does not satisfy (`ParseError.Error`).
enum GoTimeParser {
    private enum Element {
        case literal(String)
        case longYear, zeroMonth, zeroDay, hour, zeroMinute, zeroSecond
        /// `.000000`: exactly six fractional digits.
        case fractionSix
        /// `Z07:00`.
        case isoColonZone

        var layoutText: String {
            switch self {
            case .literal(let text): text
            case .longYear: "2006"
            case .zeroMonth: "01"
            case .zeroDay: "02"
            case .hour: "15"
            case .zeroMinute: "04"
            case .zeroSecond: "05"
            case .fractionSix: ".000000"
            case .isoColonZone: "Z07:00"
            }
        }
    }

    private static let rfc3339: [Element] = [
        .longYear, .literal("-"), .zeroMonth, .literal("-"), .zeroDay, .literal("T"), .hour, .literal(":"),
        .zeroMinute, .literal(":"), .zeroSecond, .isoColonZone,
    ]
    private static let rfc3339Micro: [Element] = [
        .longYear, .literal("-"), .zeroMonth, .literal("-"), .zeroDay, .literal("T"), .hour, .literal(":"),
        .zeroMinute, .literal(":"), .zeroSecond, .fractionSix, .isoColonZone,
    ]

    private struct Bad: Error {}

    /// `nil` when `text` parses, else the message of Go's `*time.ParseError`.
    static func rfc3339Error(_ text: String, micro: Bool) -> String? {
        let elements = micro ? rfc3339Micro : rfc3339
        let layout = elements.map(\.layoutText).joined()
        let input = Array(text.utf8)
        var value = input[...]
        var year = 0, month = -1, day = -1
        func failure(_ layoutElement: String, _ valueElement: ArraySlice<UInt8>, message: String = "") -> String {
            if message.isEmpty {
                return "parsing time \(quote(input[...])) as \(quote(Array(layout.utf8)[...])): cannot parse \(quote(valueElement)) as \(quote(Array(layoutElement.utf8)[...]))"
            }
            return "parsing time \(quote(input[...]))\(message)"
        }
        for (position, element) in elements.enumerated() {
            if case .literal(let literal) = element {
                // A literal is the prefix of the next element; `skip` consumes it byte by byte.
                for byte in literal.utf8 {
                    guard value.first == byte else { return failure(literal, value) }
                    value = value.dropFirst()
                }
                continue
            }
            let hold = value
            var rangeError = ""
            do {
                switch element {
                case .literal: break
                case .longYear:
                    guard value.count >= 4, isDigit(value, 0) else { throw Bad() }
                    year = try atoi(value.prefix(4))
                    value = value.dropFirst(4)
                case .zeroMonth:
                    month = try getnum(&value, fixed: true)
                    if month <= 0 || month > 12 { rangeError = "month" }
                case .zeroDay:
                    day = try getnum(&value, fixed: true)
                case .hour:
                    let hour = try getnum(&value, fixed: false)
                    if hour >= 24 { rangeError = "hour" }
                case .zeroMinute:
                    if try getnum(&value, fixed: true) >= 60 { rangeError = "minute" }
                case .zeroSecond:
                    if try getnum(&value, fixed: true) >= 60 {
                        rangeError = "second"
                        break
                    }
                    let nextIsFraction = position + 1 < elements.count && { if case .fractionSix = elements[position + 1] { true } else { false } }()
                    if value.count >= 2, value.first == UInt8(ascii: ".") || value.first == UInt8(ascii: ","), isDigit(value, 1), !nextIsFraction {
                        var digits = 2
                        while digits < value.count, isDigit(value, digits) { digits += 1 }
                        _ = try atoi(value.dropFirst().prefix(min(digits, 10) - 1))
                        value = value.dropFirst(digits)
                    }
                case .fractionSix:
                    guard value.count >= 7, value.first == UInt8(ascii: ".") || value.first == UInt8(ascii: ",") else { throw Bad() }
                    if try atoi(value.dropFirst().prefix(6)) < 0 { rangeError = "fractional second" }
                    value = value.dropFirst(7)
                case .isoColonZone:
                    if value.first == UInt8(ascii: "Z") {
                        value = value.dropFirst()
                        break
                    }
                    guard value.count >= 6, value[value.startIndex + 3] == UInt8(ascii: ":") else { throw Bad() }
                    let sign = value.first
                    var hourText = value.dropFirst().prefix(2)
                    var minuteText = value.dropFirst(4).prefix(2)
                    value = value.dropFirst(6)
                    var failed = false
                    var hours = 0, minutes = 0
                    do {
                        hours = try getnum(&hourText, fixed: true)
                        minutes = try getnum(&minuteText, fixed: true)
                    } catch { failed = true }
                    if hours > 24 { rangeError = "time zone offset hour" }
                    if minutes > 60 { rangeError = "time zone offset minute" }
                    if sign != UInt8(ascii: "+"), sign != UInt8(ascii: "-") { failed = true }
                    if failed, rangeError.isEmpty { throw Bad() }
                }
            } catch {
                if rangeError.isEmpty { return failure(element.layoutText, hold) }
            }
            if !rangeError.isEmpty {
                return failure(element.layoutText, value, message: ": \(rangeError) out of range")
            }
        }
        if !value.isEmpty {
            return failure("", value, message: ": extra text: \(quote(value))")
        }
        if day < 1 || day > daysIn(month: month, year: year) {
            return failure("", value, message: ": day out of range")
        }
        return nil
    }

    private static func isDigit(_ value: ArraySlice<UInt8>, _ offset: Int) -> Bool {
        offset < value.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(value[value.startIndex + offset])
    }

    /// Go's `getnum`: one or two digits (exactly two when `fixed`).
    private static func getnum(_ value: inout ArraySlice<UInt8>, fixed: Bool) throws(Bad) -> Int {
        guard isDigit(value, 0) else { throw Bad() }
        let first = Int(value[value.startIndex] - UInt8(ascii: "0"))
        guard isDigit(value, 1) else {
            if fixed { throw Bad() }
            value = value.dropFirst()
            return first
        }
        let number = first * 10 + Int(value[value.startIndex + 1] - UInt8(ascii: "0"))
        value = value.dropFirst(2)
        return number
    }

    /// Go's `atoi`: an optional sign, then only digits.
    private static func atoi(_ text: ArraySlice<UInt8>) throws(Bad) -> Int {
        var digits = text
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        var number = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { throw Bad() }
            number = number &* 10 &+ Int(byte - UInt8(ascii: "0"))
        }
        return negative ? -number : number
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The `time` package's own `quote`: ASCII printable as is (with `"` and `\` escaped), every
    /// byte of anything else as `\xNN`.
    private static func quote(_ text: ArraySlice<UInt8>) -> String {
        var out = "\""
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte >= 0x80 || byte < 0x20 {
                let (_, length) = decodeScalar(text, at: index)
                for offset in 0..<length {
                    let hex = String(text[index + offset], radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                }
                index += length
                continue
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { out += "\\" }
            out.unicodeScalars.append(Unicode.Scalar(byte))
            index += 1
        }
        return out + "\""
    }
}
