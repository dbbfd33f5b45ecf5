/// Turns a validated `Policy` into a `CompiledPolicy`.
public enum PolicyCompiler {
    /// Compiles `policy`; values that validation would refuse are skipped (callers compile only
    /// validated policies, through `LoadedPolicy.compile`).
    public static func compile(_ policy: Policy, kubernetesVersion: KubernetesVersion = .latest) -> CompiledPolicy {
        let rules = policy.rules.map { rule in
            CompiledRule(
                level: rule.level.flatMap { Level(rawValue: $0.value) } ?? .none,
                users: rule.users.map(\.value),
                userGroups: rule.userGroups.map(\.value),
                verbs: rule.verbs.map(\.value),
                resources: rule.resources.map {
                    CompiledGroupResources(group: $0.group.value, resources: $0.resources.map(\.value), resourceNames: $0.resourceNames.map(\.value))
                },
                namespaces: rule.namespaces.map(\.value),
                nonResourceURLs: rule.nonResourceURLs.map(\.value),
                omitStages: stageSet(rule.omitStages),
                omitManagedFields: rule.omitManagedFields?.value,
                location: rule.location
            )
        }
        return CompiledPolicy(
            rules: rules,
            omitStages: stageSet(policy.omitStages),
            omitManagedFields: policy.omitManagedFields,
            kubernetesVersion: kubernetesVersion,
            omitStagesAsWritten: policy.omitStages.compactMap { Stage(rawValue: $0.value) }
        )
    }

    private static func stageSet(_ stages: [Located<String>]) -> StageSet {
        StageSet(stages.compactMap { Stage(rawValue: $0.value) })
    }
}
