/// The result of checking a change against the security checklist.
public struct ChecklistCheck: Codable, Sendable, Hashable {
    /// Checklist rows checked.
    public var rowsChecked: Int
    /// Classes of requests whose logging changes (level, stages or managedFields).
    public var changedRequestClasses: Int
    /// The gaps the change would open: `ROW title: requests: problem`; empty when none.
    public var gaps: [String]
    /// How the check was made.
    public var method: String

    public init(rowsChecked: Int, changedRequestClasses: Int, gaps: [String]) {
        self.rowsChecked = rowsChecked
        self.changedRequestClasses = changedRequestClasses
        self.gaps = gaps
        method = "exact policy diff over every possible request (AuditAnalysis PolicyDiff.regressions): no row met before falls short, nothing on the checklist logged before stops being logged"
    }

    /// Whether the change opens no gap.
    public var isSafe: Bool { gaps.isEmpty }
}
