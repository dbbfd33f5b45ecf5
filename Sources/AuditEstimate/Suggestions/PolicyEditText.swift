import AuditPolicy

/// Policy edits as a person applies them to the policy file: which rule, and the YAML to add.
enum PolicyEditText {
    /// The lines describing `edits` of `policy`, in order.
    static func lines(_ edits: [PolicyEdit], in policy: CompiledPolicy) -> [String] {
        edits.flatMap { edit -> [String] in
            switch edit {
            case .omitStage(let index, let stage):
                let stages = policy.rules.indices.contains(index) ? policy.rules[index].omitStages.union(StageSet(stage)) : StageSet(stage)
                return ["In rule \(label(index, in: policy)), add \(stage.rawValue) to omitStages:",
                        "  omitStages: \(RuleYAML.flow(stages.stages.map(\.rawValue)))"]
            case .omitManagedFields(let index):
                return ["In rule \(label(index, in: policy)), add:", "  omitManagedFields: true"]
            case .insert(let before, let rule):
                let place = before == 0 ? "At the top of rules, insert:" : "Before rule \(label(before, in: policy)), insert:"
                return [place] + RuleYAML.lines(rule).map { "  " + $0 }
            }
        }
    }

    /// `#14 (line 104)`.
    static func label(_ index: Int, in policy: CompiledPolicy) -> String {
        "#\(index)" + (policy.rules.indices.contains(index) ? policy.rules[index].location.map { " (line \($0.line))" } ?? "" : "")
    }
}
