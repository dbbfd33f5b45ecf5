import AuditPolicy

/// Edits that set a field of the policy or of one of its rules, shared by the fixes that add
/// `omitStages` and `omitManagedFields`.
extension FixContext {
    /// Where a finding points: at `rules[index]` (the rule's own field) or elsewhere (the policy's).
    func ruleIndex(of finding: Diagnostic) -> Int? {
        guard let location = finding.location else { return nil }
        return lint.rules.firstIndex { $0.location == location }
    }

    /// The mapping a field goes in: the rule's node, or the root for the policy.
    func mapping(forRule index: Int?) -> YAMLNode? {
        guard let index else { return root }
        return ruleNode(index)
    }

    /// An edit adding the line `text` (`key: value`) to `mapping`: at the top level before
    /// `rules`, so that the rules stay last; in a rule after its first field when that is written
    /// on one line (`- level: Metadata`), else before it.
    private func addingLine(_ text: String, to mapping: YAMLNode, isRoot: Bool) -> SourceEdit? {
        if isRoot {
            guard let rules = mapping.pair("rules")?.key else { return nil }
            return insertion(of: text, before: rules)
        }
        guard case .mapping(let pairs) = mapping.content, let first = pairs.first else { return nil }
        if first.value.start.line == first.key.start.line, first.value.end.line == first.key.start.line,
           let line = source.lineBytes(first.key.start.line), insertion(of: text, before: first.key) != nil {
            let indentation = String(repeating: " ", count: first.key.start.column - 1)
            return SourceEdit(range: line.endIndex..<line.endIndex, replacement: "\n" + indentation + text)
        }
        return insertion(of: text, before: first.key)
    }

    /// An edit giving `field` the stage `stage` in its list: added to an existing flow list
    /// (`[...]`), or a new `field: ["stage"]` line. `nil` when the list is written in block style.
    func addingStage(_ stage: String, toField field: String, ruleIndex: Int?) -> SourceEdit? {
        guard let mapping = mapping(forRule: ruleIndex) else { return nil }
        if let existing = mapping.pair(field) {
            guard case .sequence(let items) = existing.value.content,
                  let start = source.byteOffset(of: existing.value.start), start < source.bytes.count,
                  source.bytes[start] == UInt8(ascii: "[") else { return nil }
            return SourceEdit(range: start + 1..<start + 1, replacement: items.isEmpty ? "\"\(stage)\"" : "\"\(stage)\", ")
        }
        return addingLine("\(field): [\"\(stage)\"]", to: mapping, isRoot: ruleIndex == nil)
    }

    /// An edit setting the boolean `field` to `true`: its value replaced, or a new `field: true` line.
    func settingTrue(_ field: String, ruleIndex: Int?) -> SourceEdit? {
        guard let mapping = mapping(forRule: ruleIndex) else { return nil }
        if let existing = mapping.pair(field) {
            guard case .scalar = existing.value.content, let range = byteRange(of: existing.value) else { return nil }
            return SourceEdit(range: range, replacement: "true")
        }
        return addingLine("\(field): true", to: mapping, isRoot: ruleIndex == nil)
    }
}
