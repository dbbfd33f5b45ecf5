import AuditAnalysis
import AuditPolicy

/// Proves, exactly and for every possible request, that a changed policy opens no gap on the
/// security checklist: no checklist row the old policy met falls short, and nothing on the
/// checklist the old policy logged stops being logged (even where the old policy already fell
/// short of the row).
///
/// Uses the analysis engine's policy diff (`PolicyDiff.regressions`), which splits the request
/// space so that both policies decide uniformly on each class of requests, against the checklist
/// and against a copy of each row that only asks for "logged at all" (Metadata, any stage).
public struct ChecklistGuard: Sendable {
    public let checklist: SecurityChecklist
    /// The rows checked: the checklist's, then their "logged at all" copies.
    private let guarded: SecurityChecklist

    public init(checklist: SecurityChecklist = .builtIn) {
        self.checklist = checklist
        let loggedAtAll = checklist.items.map { item in
            ChecklistItem(
                id: item.id + Self.loggedSuffix, title: item.title + " (logged at all)", requests: item.requests,
                requestSummary: item.requestSummary, requirement: EventRequirement(minimumLevel: .metadata),
                rationale: "a suggestion never stops logging a request on the checklist", sources: item.sources
            )
        }
        guarded = SecurityChecklist(items: checklist.items + loggedAtAll)
    }

    /// What the change from `old` to `new` does to the checklist.
    public func check(old: CompiledPolicy, new: CompiledPolicy) -> ChecklistCheck {
        let diff = PolicyDiff(old: old, new: new, selectors: checklist.selectors)
        var problems: [String] = []
        var seen: Set<String> = []
        for regression in diff.regressions(against: guarded) {
            let id = regression.item.id.hasSuffix(Self.loggedSuffix) ? String(regression.item.id.dropLast(Self.loggedSuffix.count)) : regression.item.id
            let text = "\(id) \(checklist.item(id)?.title ?? regression.item.title): \(regression.requests.description.text): \(regression.problem)"
            if seen.insert(text).inserted { problems.append(text) }
        }
        return ChecklistCheck(rowsChecked: checklist.items.count, changedRequestClasses: diff.changes.count, gaps: problems)
    }

    private static let loggedSuffix = "+logged"
}
