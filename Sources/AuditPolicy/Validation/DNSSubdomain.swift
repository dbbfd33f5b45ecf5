/// The DNS-1123 subdomain check kube-apiserver applies to API group names.
///
/// Upstream: `k8s.io/apimachinery/pkg/util/validation/validation.go`, `IsDNS1123Subdomain`
/// (called through `NameIsDNSSubdomain(group, false)` from the audit validation).
public enum DNSSubdomain {
    static let maxLength = 253
    private static let pattern = #"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"#

    /// The messages upstream returns for `value`; empty when it is a valid subdomain.
    static func errors(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > maxLength {
            errors.append("must be no more than \(maxLength) characters")
        }
        if !matches(value) {
            errors.append(
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
                    + "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '\(pattern)')"
            )
        }
        return errors
    }

    /// Whether kube-apiserver accepts `value` as a DNS-1123 subdomain (no error from `errors(_:)`).
    public static func isValid(_ value: String) -> Bool {
        value.utf8.count <= maxLength && matches(value)
    }

    /// Labels of `[a-z0-9-]` that start and end with `[a-z0-9]`, joined by single dots.
    static func matches(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard !bytes.isEmpty else { return false }
        for label in bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard let first = label.first, let last = label.last, isAlphanumeric(first), isAlphanumeric(last),
                  label.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") })
            else { return false }
        }
        return true
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
