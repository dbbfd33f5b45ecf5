/// One validation error in kube-apiserver's `field.Error` form: `PATH: TYPE: VALUE: DETAIL`.
///
/// Upstream: `k8s.io/apimachinery/pkg/util/validation/field/errors.go`, `Error.Error` and `ErrorBody`.
public struct FieldError: Sendable, Hashable {
    /// The kind of error, which gives the message's lead-in.
    public enum Kind: Sendable, Hashable {
        case required
        case notSupported
        case invalid
    }

    /// The kind of error.
    public var kind: Kind
    /// The field path, such as `rules[2].level`.
    public var field: String
    /// The offending value, already rendered as kube-apiserver renders it (`"x"` or `["a","b"]`);
    /// `nil` for `Required value`.
    public var renderedValue: String?
    /// The explanation.
    public var detail: String
    /// Where the offending value is written.
    public var location: SourceLocation

    public init(kind: Kind, field: String, renderedValue: String?, detail: String, location: SourceLocation) {
        self.kind = kind
        self.field = field
        self.renderedValue = renderedValue
        self.detail = detail
        self.location = location
    }

    /// The message exactly as kube-apiserver prints it.
    public var message: String {
        var body: String
        switch kind {
        case .required: body = "Required value"
        case .notSupported: body = "Unsupported value"
        case .invalid: body = "Invalid value"
        }
        if let renderedValue { body += ": \(renderedValue)" }
        if !detail.isEmpty { body += ": \(detail)" }
        return "\(field): \(body)"
    }
}

/// Renders values the way `field.Error.ErrorBody` does: Go strings with `%q`, everything else
/// (named string types such as `audit.Level`, slices) through `encoding/json`.
enum GoValueRendering {
    /// Go's `%q` of a string (`strconv.Quote`).
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else if scalar == " " || scalar.properties.generalCategory.isGoPrintable {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFFFF {
                    out += "\\u" + hex(scalar.value, width: 4)
                } else {
                    out += "\\U" + hex(scalar.value, width: 8)
                }
            }
        }
        return out + "\""
    }

    /// Go's `encoding/json` rendering of a string (HTML-safe escaping of `<`, `>`, `&`; since
    /// Go 1.22, which builds Kubernetes 1.30 and later, `\b` and `\f` get their short escapes; older
    /// releases wrote `\u0008` and `\u000c`).
    static func json(_ value: String) -> String {
        GoJSONString.quoted(value)
    }

    /// Go's `encoding/json` rendering of a `[]string`.
    static func json(_ values: [String]) -> String {
        "[" + values.map { json($0) }.joined(separator: ",") + "]"
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

private extension Unicode.GeneralCategory {
    /// Approximates Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    var isGoPrintable: Bool {
        switch self {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            false
        case .spaceSeparator:
            false
        default:
            true
        }
    }
}
