/// A number of bytes written as on kube-apiserver's command line and in Kubernetes quantities:
/// a plain count (`262144`), or a count with a binary unit `Ki` `Mi` `Gi` `Ti` (powers of 1024:
/// `256Ki` is 262,144) or a decimal unit `k` `M` `G` `T` (powers of 1000: `100k` is 100,000).
///
/// The grammar follows the suffixes of Kubernetes' `resource.Quantity`
/// (k8s.io/apimachinery `pkg/api/resource/suffix.go`, `newSuffixer`), limited to whole,
/// non-negative byte counts: no sign, no fraction, no exponent, no milli units. An upper-case
/// `K` is refused rather than guessed, because other tools read it as 1024 and Kubernetes does
/// not accept it.
public struct ByteSize: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The count of bytes.
    public let bytes: Int

    public init(bytes: Int) {
        self.bytes = bytes
    }

    /// Why a text is not a byte size.
    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        /// The text does not start with a decimal digit, or has other characters among its digits.
        case notANumber
        case unknownUnit(String)
        /// The value does not fit in a 64-bit signed integer.
        case tooLarge

        public var description: String {
            switch self {
            case .empty: "an empty size"
            case .notANumber: "not a whole number of bytes"
            case .unknownUnit("K"): "unit 'K' is ambiguous: write k (1000) or Ki (1024)"
            case .unknownUnit(let unit): "unknown unit '\(unit)': use Ki, Mi, Gi, Ti (powers of 1024) or k, M, G, T (powers of 1000)"
            case .tooLarge: "too large"
            }
        }
    }

    /// The units and what they multiply by.
    private static let units: [String: Int] = [
        "": 1,
        "Ki": 1 << 10, "Mi": 1 << 20, "Gi": 1 << 30, "Ti": 1 << 40,
        "k": 1_000, "M": 1_000_000, "G": 1_000_000_000, "T": 1_000_000_000_000,
    ]

    /// Parses `text` (see the type's documentation).
    public static func parse(_ text: String) throws(ParseError) -> ByteSize {
        guard !text.isEmpty else { throw .empty }
        let digits = text.utf8.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        guard !digits.isEmpty else { throw .notANumber }
        let unit = String(decoding: text.utf8.dropFirst(digits.count), as: UTF8.self)
        guard let multiplier = units[unit] else {
            let hasDigit = unit.utf8.contains { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            throw hasDigit ? .notANumber : .unknownUnit(unit)
        }
        var count = 0
        for digit in digits {
            let (shifted, shiftOverflow) = count.multipliedReportingOverflow(by: 10)
            let (added, addOverflow) = shifted.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            guard !shiftOverflow, !addOverflow else { throw .tooLarge }
            count = added
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { throw .tooLarge }
        return ByteSize(bytes: bytes)
    }

    /// The size, or `nil` when `text` is not one.
    public init?(_ text: String) {
        guard let size = try? Self.parse(text) else { return nil }
        self = size
    }

    /// An exact form with the largest unit that divides the count (`256Ki`, `100k`), or the plain count.
    public var description: String {
        for (unit, multiplier) in [("Ti", 1 << 40), ("T", 1_000_000_000_000), ("Gi", 1 << 30), ("G", 1_000_000_000),
                                   ("Mi", 1 << 20), ("M", 1_000_000), ("Ki", 1 << 10), ("k", 1_000)]
        where bytes >= multiplier && bytes % multiplier == 0 {
            return "\(bytes / multiplier)\(unit)"
        }
        return String(bytes)
    }

    public static func < (lhs: ByteSize, rhs: ByteSize) -> Bool { lhs.bytes < rhs.bytes }
}
