import AuditPolicy

/// Names given to policy rules with a comment `# name: NAME`, written at the end of the rule's
/// first line or in the comment lines directly above it, so that tests can refer to rules by name
/// rather than by index.
public struct RuleNames: Sendable {
    /// Rule indices by name (a name may be given twice by mistake).
    public let indices: [String: [Int]]

    public init(policy: Policy, source: PolicySource) {
        var indices: [String: [Int]] = [:]
        for (index, rule) in policy.rules.enumerated() {
            let line = rule.location.line
            var candidates: [String] = []
            if let first = source.line(line) { candidates.append(first) }
            var above = line - 1
            while above >= 1, let text = source.line(above), text.trimmingLeadingSpaces.hasPrefix("#") {
                candidates.append(text)
                above -= 1
            }
            for text in candidates {
                if let name = Self.name(in: text) {
                    indices[name, default: []].append(index)
                    break
                }
            }
        }
        self.indices = indices
    }

    /// The name in a line's comment, if it says `# name: NAME`.
    static func name(in line: String) -> String? {
        guard let hash = line.firstIndex(of: "#") else { return nil }
        let comment = line[line.index(after: hash)...].trimmingLeadingSpaces
        guard comment.hasPrefix("name:") else { return nil }
        let name = comment.dropFirst("name:".count).trimmingLeadingSpaces.trimmingTrailingSpaces
        return name.isEmpty ? nil : String(name)
    }

    /// The name of a rule, if it has one.
    public func name(of index: Int) -> String? {
        indices.first { $0.value.contains(index) }?.key
    }
}

extension StringProtocol {
    var trimmingLeadingSpaces: SubSequence { drop { $0 == " " || $0 == "\t" } }
    var trimmingTrailingSpaces: String {
        var text = String(self)
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }
}
