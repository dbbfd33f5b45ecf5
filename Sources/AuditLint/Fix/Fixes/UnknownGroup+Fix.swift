import AuditPolicy

/// AP203's fix: a near miss of a known API group (`Apps`, `rbac`, `networking.k8s.oi`) is
/// corrected to the group the finding suggests, when no other known group is as near: one case
/// variant, one `GROUP.*` expansion, or one closest spelling. The entry then matches the
/// group's requests, which it never did: what is logged changes, on purpose.
extension UnknownGroup: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        guard let location = finding.location, finding.severity == .error,
              let intended = Self.suggestedGroup(in: finding.message),
              let group = context.layout.scalar(at: location)?.scalarText,
              Self.isOnlyNearMiss(intended, of: group, known: context.lint.catalog.knownGroups.sorted())
        else { return nil }
        return context.correcting(valueAt: location, to: intended, checkID: id, what: "API group")
    }

    /// `Y` in `unknown API group "X" (did you mean "Y"?)`.
    private static func suggestedGroup(in message: String) -> String? {
        guard let open = message.range(of: "(did you mean \""), let close = message[open.upperBound...].range(of: "\"?)") else { return nil }
        return String(message[open.upperBound..<close.lowerBound])
    }

    /// Whether `intended` is the only group of the first kind of near miss that has any.
    private static func isOnlyNearMiss(_ intended: String, of group: String, known: [String]) -> Bool {
        let byCase = known.filter { $0.lowercased() == group.lowercased() }
        if !byCase.isEmpty { return byCase == [intended] }
        let expanded = known.filter { $0.hasPrefix(group + ".") }
        if !expanded.isEmpty { return expanded == [intended] }
        return Suggestions.isOnlyClosest(intended, to: group, in: known)
    }
}
