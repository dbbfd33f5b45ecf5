import Foundation
import AuditPolicy

/// How analysis reports write decisions and stages (requests: `RequestDescription`).
enum AnalysisText {
    /// `Metadata, omits RequestReceived`.
    static func decision(_ decision: Decision) -> String {
        var text = decision.level.rawValue
        if decision.level != .none, !decision.omitStages.isEmpty {
            text += ", omits " + decision.omitStages.stages.map(\.rawValue).joined(separator: ", ")
        }
        if decision.level >= .request { text += decision.omitManagedFields ? ", managedFields omitted" : ", managedFields kept" }
        return text
    }

    /// `RequestReceived, ResponseComplete`, or `none`.
    static func stages(_ stages: StageSet) -> String {
        stages.isEmpty ? "none" : stages.stages.map(\.rawValue).joined(separator: ", ")
    }

    /// Escapes a table cell for Markdown.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
