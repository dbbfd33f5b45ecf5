import AuditPolicy

/// A rule written as policy YAML, as a person would add it to a policy file.
enum RuleYAML {
    /// The rule as a YAML list item, one line per element, without indentation of its own.
    static func lines(_ rule: CompiledRule) -> [String] {
        var lines = ["- level: \(rule.level.rawValue)"]
        if !rule.users.isEmpty { lines.append("  users: \(flow(rule.users))") }
        if !rule.userGroups.isEmpty { lines.append("  userGroups: \(flow(rule.userGroups))") }
        if !rule.verbs.isEmpty { lines.append("  verbs: \(flow(rule.verbs))") }
        if !rule.namespaces.isEmpty { lines.append("  namespaces: \(flow(rule.namespaces))") }
        if !rule.resources.isEmpty {
            lines.append("  resources:")
            for entry in rule.resources {
                lines.append("    - group: \(quoted(entry.group))")
                if !entry.resources.isEmpty { lines.append("      resources: \(flow(entry.resources))") }
                if !entry.resourceNames.isEmpty { lines.append("      resourceNames: \(flow(entry.resourceNames))") }
            }
        }
        if !rule.nonResourceURLs.isEmpty { lines.append("  nonResourceURLs: \(flow(rule.nonResourceURLs))") }
        if !rule.omitStages.isEmpty { lines.append("  omitStages: \(flow(rule.omitStages.stages.map(\.rawValue)))") }
        if let omit = rule.omitManagedFields { lines.append("  omitManagedFields: \(omit)") }
        return lines
    }

    /// `["a", "b"]`: every value double-quoted, so YAML 1.1 never reads one as a boolean or alias.
    static func flow(_ values: [String]) -> String {
        "[" + values.map(quoted).joined(separator: ", ") + "]"
    }

    /// A double-quoted YAML scalar.
    static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    text += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }
}
