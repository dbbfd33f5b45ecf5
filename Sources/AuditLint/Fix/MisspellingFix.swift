import AuditPolicy

/// What the fixes of misspelled names share: the one name a finding suggests, the edit that
/// writes it, and a description that says the fix changes what is logged on purpose.
extension FixContext {
    /// The name between the only pair of backticks in a finding's help (`did you mean `get`?`,
    /// `write `pods``, `rename it to `resources``), or `nil` when it suggests none or several.
    static func suggestedName(in help: String?) -> String? {
        guard let help else { return nil }
        let parts = help.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }

    /// A fix writing `correct` in place of the misspelled value (a list entry or a field's
    /// value) that starts at `location`, in its quoting style; `replacingPart` is the part of the
    /// value that is misspelled (the resource of `deploymnts/scale`), by default all of it.
    func correcting(
        valueAt location: SourceLocation, to correct: String, replacingPart part: String? = nil, checkID: String, what: String
    ) -> LintFix? {
        guard let node = layout.scalar(at: location), let written = node.scalarText else { return nil }
        let misspelled = part ?? written
        guard written.hasPrefix(misspelled) else { return nil }
        let text = correct + written.dropFirst(misspelled.count)
        guard let edit = layout.replacing(node, with: text) else { return nil }
        return LintFix(checkID: checkID, description: Self.misspellingDescription(what, written, text), edits: [edit], effect: .changesLogging)
    }

    /// The fix of a finding on an unknown field whose help (starting with `advice`) names the
    /// one field it means: the key renamed, when that is certain (see
    /// ``PolicyFields/isCertainCorrection(_:to:among:)``).
    func renamingMisspelledField(_ finding: Diagnostic, advice: String, checkID: String) -> LintFix? {
        guard let location = finding.location, finding.help?.hasPrefix(advice) == true,
              let intended = Self.suggestedName(in: finding.help),
              let field = PolicyFields.unknownFields(in: lint.loaderDiagnostics).first(where: { $0.finding.location == location }),
              PolicyFields.isCertainCorrection(field.name, to: intended, among: field.object.knownFields)
        else { return nil }
        return renamingKey(at: location, to: intended, checkID: checkID)
    }

    /// A fix renaming the mapping key that starts at `location` to `correct`, unless its mapping
    /// already has that key (the rename would make a duplicate).
    func renamingKey(at location: SourceLocation, to correct: String, checkID: String) -> LintFix? {
        let mapping = layout.firstNode { node in
            if case .mapping(let pairs) = node.content { return pairs.contains { $0.key.start == location } }
            return false
        }
        guard let mapping, case .mapping(let pairs) = mapping.content,
              let pair = pairs.first(where: { $0.key.start == location }),
              let name = pair.key.scalarText, mapping.pair(correct) == nil,
              let edit = layout.replacing(pair.key, with: correct) else { return nil }
        return LintFix(checkID: checkID, description: Self.misspellingDescription("field", name, correct), edits: [edit], effect: .changesLogging)
    }

    /// `correct the misspelled verb "gte" to "get"; this changes what is logged on purpose: ...`.
    static func misspellingDescription(_ what: String, _ written: String, _ correct: String) -> String {
        "correct the misspelled \(what) \"\(written)\" to \"\(correct)\"; this changes what is logged on purpose: "
            + (what == "field"
                ? "kube-apiserver dropped the unknown field, and the corrected one takes effect"
                : "the misspelled \(what) matched no request, and the corrected one matches what was meant")
    }
}
