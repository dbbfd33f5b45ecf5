import Foundation
import AuditAnalysis
import AuditPolicy

/// The built-in security checklist as documentation (the AP701 page, `auditsim rules AP701`).
public enum ChecklistListing {
    /// A Markdown section with one table row per checklist row.
    public static func markdown() -> String {
        var lines = [
            "## Checklist rows",
            "",
            "Select rows with `checklist: [CL01, CL04]` (or `all`, `none`) in `.auditsim.yaml`.",
            "",
            "| ID | Requests | Needs | Why | Sources |",
            "|---|---|---|---|---|",
        ]
        for item in SecurityChecklist.builtIn.items {
            let sources = item.sources.map { source in
                let reference = source.url.map { "[\(source.reference)](\($0))" } ?? source.reference
                return "\(source.publisher.rawValue): \(reference)\(source.verified ? "" : " (unverified)")"
            }
            lines.append("| \(item.id) | \(cell(item.requestSummary)) | \(cell(needs(item))) | \(cell(item.rationale)) | \(cell(sources.joined(separator: "; "))) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per row, for a terminal.
    public static func text() -> String {
        var lines = ["Checklist rows (select with `checklist:` in .auditsim.yaml):"]
        for item in SecurityChecklist.builtIn.items {
            lines.append("  \(item.id.padding(toLength: 9, withPad: " ", startingAt: 0)) \(item.requestSummary): \(needs(item))")
        }
        return lines.joined(separator: "\n")
    }

    private static func needs(_ item: ChecklistItem) -> String {
        var text = item.requirement.neededLevel.rawValue
        let stages = item.requirement.requiredStages.stages.map(\.rawValue)
        if !stages.isEmpty { text += " with " + stages.joined(separator: ", ") }
        if let recommended = item.recommendedLevel { text += " (\(recommended.rawValue) recommended)" }
        if let maximum = item.maximumLevel { text += ", at most \(maximum.rawValue)" }
        if item.authorization != nil { text += "; advisory: depends on RBAC" }
        return text
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
