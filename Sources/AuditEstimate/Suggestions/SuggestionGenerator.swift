import AuditPolicy

/// Builds the changes worth measuring for one policy from what it wrote for the corpus.
///
/// Each candidate is a small edit a person can make to the policy file: add RequestReceived to a
/// rule's omitStages, set omitManagedFields on a rule that logs bodies, log a noisy resource at a
/// lower level through a narrower rule inserted before the one that decides it, or stop logging
/// routine traffic (`RoutineTraffic`). Candidates are ranked by an upper bound of their saving;
/// whether they are safe is decided later by `ChecklistGuard`, and their saving by replaying them.
struct SuggestionGenerator {
    let policy: CompiledPolicy
    let evidence: SuggestionEvidence

    /// Every candidate, largest upper bound first (in bytes CloudWatch ingests, which is what is
    /// billed: an event over the limit is billed for the limit whatever its size).
    func candidates() -> [SuggestionCandidate] {
        (omitRequestReceived() + omitManagedFields() + lowerLevels() + routineTraffic())
            .filter { $0.bound.ingestedBytes > 0 }
            .sorted { $0.bound.ingestedBytes != $1.bound.ingestedBytes ? $0.bound.ingestedBytes > $1.bound.ingestedBytes : $0.id < $1.id }
    }

    /// `#14 (line 104)`.
    private func label(_ index: Int) -> String { PolicyEditText.label(index, in: policy) }

    private func omitRequestReceived() -> [SuggestionCandidate] {
        let stage = Stage.allCases.firstIndex(of: .requestReceived) ?? 0
        return policy.rules.indices.compactMap { index in
            let tally = evidence.ruleStages[index][stage]
            guard !tally.isEmpty else { return nil }
            return SuggestionCandidate(
                id: "omit-request-received:rule-\(index)", kind: .omitRequestReceived,
                title: "Omit the RequestReceived stage in rule \(label(index))",
                rationale: "RequestReceived is written before the request is handled and carries nothing its ResponseComplete event lacks "
                    + "(no response status, no annotations, no bodies); every request of this rule is written twice",
                edits: [.omitStage(rule: index, stage: .requestReceived)], bound: tally
            )
        }
    }

    private func omitManagedFields() -> [SuggestionCandidate] {
        policy.rules.indices.compactMap { index in
            let tally = evidence.bodiesWithManagedFields[index]
            guard !tally.isEmpty, policy.rules[index].level >= .request else { return nil }
            return SuggestionCandidate(
                id: "omit-managed-fields:rule-\(index)", kind: .omitManagedFields,
                title: "Set omitManagedFields in rule \(label(index))",
                rationale: "metadata.managedFields records which field manager set each field, often the largest part of an object; "
                    + "detections read the spec, not the managedFields (patch bodies are logged as sent either way)",
                edits: [.omitManagedFields(rule: index)], bound: tally
            )
        }
    }

    /// A narrower rule before the deciding one, for one resource's reads (to Metadata: a read's
    /// only body is its response) or writes (one level down).
    private func lowerLevels() -> [SuggestionCandidate] {
        var result: [SuggestionCandidate] = []
        for (index, traffic) in evidence.bodyTraffic {
            let rule = policy.rules[index]
            // A rule limited to object names, or a non-resource rule, has no narrower copy by resource.
            guard rule.resources.allSatisfy(\.resourceNames.isEmpty), !rule.isNonResourceRule else { continue }
            for (key, verbs) in traffic {
                let target: Level = key.isRead ? .metadata : (key.level == .requestResponse ? .request : .metadata)
                let verbList = verbs.verbs.sorted()
                let narrower = CompiledRule(
                    level: target, users: rule.users, userGroups: rule.userGroups, verbs: verbList,
                    resources: [CompiledGroupResources(group: key.resource.group, resources: [key.resource.rulePattern])],
                    namespaces: rule.namespaces, omitStages: rule.omitStages, omitManagedFields: rule.omitManagedFields
                )
                let resource = RequestKeys.resource(group: key.resource.group, resource: key.resource.resource, subresource: key.resource.subresource)
                let what = key.isRead ? "reads" : "writes"
                let dropped = target == .metadata ? (key.isRead ? "response bodies" : "request bodies") : "response bodies"
                result.append(SuggestionCandidate(
                    id: "lower-level:rule-\(index):\(resource):\(verbList.joined(separator: ","))", kind: .lowerLevel,
                    title: "Log \(verbList.joined(separator: ", ")) of \(resource) at \(target.rawValue) instead of \(key.level.rawValue), under rule \(label(index))",
                    rationale: "\(what) of \(resource) are among the largest events of rule \(label(index)); at \(target.rawValue) they keep who did what to which object and the outcome, without the \(dropped)",
                    edits: [.insert(before: index, rule: narrower)], bound: verbs.tally
                ))
            }
        }
        return result
    }

    /// Level None for routine traffic, at the top of the policy, for the producers seen.
    private func routineTraffic() -> [SuggestionCandidate] {
        var result: [SuggestionCandidate] = []
        for (entryIndex, producers) in evidence.routine {
            let entry = RoutineTraffic.builtIn[entryIndex]
            let resources = [CompiledGroupResources(group: entry.group, resources: [entry.resource])]
            let nodes = producers[.nodes] ?? VolumeTally()
            if !nodes.isEmpty {
                let rule = CompiledRule(level: .none, userGroups: [RoutineProducer.nodesGroup], verbs: entry.verbs, resources: resources)
                result.append(candidate(entry, rule: rule, who: "the nodes (group \(RoutineProducer.nodesGroup))", id: "nodes", bound: nodes))
            }
            let users = producers.filter { if case .user = $0.key { true } else { false } }
            if !users.isEmpty {
                let names = users.keys.compactMap { if case .user(let name) = $0 { name } else { nil } }.sorted()
                let rule = CompiledRule(level: .none, users: names, verbs: entry.verbs, resources: resources)
                let bound = users.values.reduce(VolumeTally(), +)
                result.append(candidate(entry, rule: rule, who: names.count == 1 ? names[0] : "\(names.count) users", id: "users", bound: bound))
            }
        }
        return result
    }

    private func candidate(_ entry: RoutineTraffic, rule: CompiledRule, who: String, id: String, bound: VolumeTally) -> SuggestionCandidate {
        SuggestionCandidate(
            id: "routine-none:\(entry.id):\(id)", kind: .routineTrafficNone,
            title: "Stop logging \(entry.title) by \(who)",
            rationale: entry.rationale,
            edits: [.insert(before: 0, rule: rule)], bound: bound
        )
    }
}
