import AuditPolicy
import Foundation

/// A fingerprint of what a finding is about that does not change when lines move: the text of the
/// policy rule it lies in (each line trimmed and comment lines left out, so indentation and comments do not count either) and the
/// text its span covers. Findings outside every rule use their own line's text, and findings
/// without a position their message.
///
/// It is FNV-1a (64 bits) in hexadecimal: a key for matching, not a security measure.
public enum FindingFingerprint {
    /// The fingerprint of `finding` in `source`, whose decoded rules are `rules`.
    public static func fingerprint(of finding: Diagnostic, in source: PolicySource, rules: [PolicyRule]) -> String {
        var material: [String] = []
        if let location = finding.location {
            if let rule = rule(containing: location, in: rules) {
                material.append(trimmedLines(source, from: rule.location.line, through: max(rule.location.line, rule.end.line - 1)))
                material.append(spanText(of: finding, in: source) ?? "")
            } else {
                material.append(spanText(of: finding, in: source) ?? trimmedLines(source, from: location.line, through: location.line))
            }
        } else {
            material.append(finding.message)
        }
        return hexadecimal(fnv1a(material.joined(separator: "\u{0}")))
    }

    /// The rule whose span holds `location`. The rules are the items of one YAML sequence, in
    /// file order and not overlapping, so the last one starting at or before the location is the
    /// only candidate (a binary search: fingerprinting every finding of a large policy stays linear).
    private static func rule(containing location: SourceLocation, in rules: [PolicyRule]) -> PolicyRule? {
        var low = 0, high = rules.count
        while low < high {
            let middle = (low + high) / 2
            if rules[middle].location <= location { low = middle + 1 } else { high = middle }
        }
        guard low > 0, location < rules[low - 1].end else { return nil }
        return rules[low - 1]
    }

    /// The text between a finding's start and end when both are on one line.
    private static func spanText(of finding: Diagnostic, in source: PolicySource) -> String? {
        guard let start = finding.location, let end = finding.end, end.line == start.line, end.column > start.column,
              let line = source.line(start.line) else { return nil }
        let scalars = Array(line.unicodeScalars)
        let from = min(start.column - 1, scalars.count)
        let to = min(end.column - 1, scalars.count)
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[from..<to])
        return text
    }

    private static func trimmedLines(_ source: PolicySource, from first: Int, through last: Int) -> String {
        (first...last).compactMap { source.line($0)?.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .joined(separator: "\n")
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func hexadecimal(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
