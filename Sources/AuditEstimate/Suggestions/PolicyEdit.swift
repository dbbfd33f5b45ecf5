import AuditPolicy

/// One change to a policy's rules, named by the rules' positions in the original policy.
public enum PolicyEdit: Sendable, Hashable {
    /// Adds a stage to a rule's `omitStages`.
    case omitStage(rule: Int, stage: Stage)
    /// Sets a rule's `omitManagedFields: true`.
    case omitManagedFields(rule: Int)
    /// Inserts a new rule before rule `rule` of the original policy (`rules.count`: at the end).
    case insert(before: Int, rule: CompiledRule)

    /// The position in the original policy the edit is attached to.
    var anchor: Int {
        switch self {
        case .omitStage(let rule, _), .omitManagedFields(let rule), .insert(let rule, _): rule
        }
    }
}

extension CompiledPolicy {
    /// The policy with `edits` applied: rule changes first, then insertions (several before the
    /// same rule keep their order), so every edit refers to the original numbering.
    public func applying(_ edits: [PolicyEdit]) -> CompiledPolicy {
        var changed = rules
        var insertions: [Int: [CompiledRule]] = [:]
        for edit in edits {
            switch edit {
            case .omitStage(let index, let stage) where changed.indices.contains(index):
                changed[index].omitStages.insert(stage)
            case .omitManagedFields(let index) where changed.indices.contains(index):
                changed[index].omitManagedFields = true
            case .insert(let before, let rule):
                insertions[min(max(before, 0), rules.count), default: []].append(rule)
            default:
                continue
            }
        }
        var result: [CompiledRule] = []
        for index in 0...changed.count {
            result += insertions[index] ?? []
            if index < changed.count { result.append(changed[index]) }
        }
        return CompiledPolicy(rules: result, omitStages: omitStages, omitManagedFields: omitManagedFields, kubernetesVersion: kubernetesVersion)
    }
}

extension [PolicyEdit] {
    /// The edits with each inserted rule also given the changes made to the rule it is inserted
    /// before (the rule it narrows): with RequestReceived omitted from a rule, the narrower copy
    /// of it omits RequestReceived too. Changes to rules come first, then insertions, each in
    /// rule order (insertions before the same rule keep their order).
    func harmonized() -> [PolicyEdit] {
        let edits = map(harmonizing)
        func isInsert(_ edit: PolicyEdit) -> Bool { if case .insert = edit { true } else { false } }
        return edits.enumerated().sorted { lhs, rhs in
            (isInsert(lhs.element) ? 1 : 0, lhs.element.anchor, lhs.offset) < (isInsert(rhs.element) ? 1 : 0, rhs.element.anchor, rhs.offset)
        }.map(\.element)
    }

    /// `edit` as ``harmonized()`` writes it among these edits: an inserted rule with the changes
    /// these edits make to the rule it is inserted before; other edits as they are.
    func harmonizing(_ edit: PolicyEdit) -> PolicyEdit {
        guard case .insert(let before, var rule) = edit else { return edit }
        for other in self {
            switch other {
            case .omitStage(before, let stage): rule.omitStages.insert(stage)
            case .omitManagedFields(before) where rule.level >= .request: rule.omitManagedFields = true
            default: continue
            }
        }
        return .insert(before: before, rule: rule)
    }
}
