import AuditAnalysis
import AuditPolicy
import AuditReplay

/// Turns candidates into suggestions: checks each against the security checklist (largest upper
/// bound first), then replays every checked change, and the offered changes together, over the
/// corpus again, so that each saving is measured, not guessed.
///
/// Suggestions are ranked by billed bytes saved (`VolumeTally.ingestedBytes` plus the per-event
/// overhead): an event over the size limit is billed for the limit, so shrinking it from 1 MiB to
/// 600 KiB saves nothing, and is not offered.
struct SuggestionEvaluator {
    let policies: [ReplayPolicy]
    let options: EstimateOptions

    /// Refused changes shown per policy, so a reader sees what the checklist costs.
    static let refusedShown = 3
    /// Candidates checked per policy at most (each check is an exact diff of two policies).
    static let checksPerPolicy = 40

    /// One change to measure.
    private struct Plan {
        var policyIndex: Int
        var candidate: SuggestionCandidate
        var check: ChecklistCheck
        var policy: CompiledPolicy
        var isSafe: Bool { check.isSafe }
    }

    func evaluate<Source: EventBatchSource>(volume: EstimateVolume, evidence: [SuggestionEvidence], _ makeSource: () throws -> Source) throws -> SuggestionReport {
        let checklistGuard = ChecklistGuard(checklist: options.checklist)
        var plans: [Plan] = []
        for (index, replayPolicy) in policies.enumerated() {
            plans += checkedPlans(for: index, policy: replayPolicy.policy, evidence: evidence[index], checklistGuard: checklistGuard)
        }
        var results = policies.map { PolicySuggestions(policy: $0.name, offered: [], combined: nil, refused: []) }
        guard !plans.isEmpty else { return SuggestionReport(policies: results) }
        // Every safe change of a policy together is measured in the same pass: it is the
        // combination offered whenever each of them saves something (the usual case).
        let hoped = policies.indices.compactMap { index in
            combination(of: plans.filter { $0.policyIndex == index && $0.isSafe }.map(\.candidate), policyIndex: index, checklistGuard: checklistGuard)
        }
        let totals = try measure(plans + hoped, makeSource)
        for (plan, total) in zip(plans, totals) {
            let suggestion = self.suggestion(plan, saving: volume.policies[plan.policyIndex].total - total, volume: volume)
            if !plan.isSafe {
                results[plan.policyIndex].refused.append(suggestion)
            } else if billed(suggestion.saving) > 0 {
                results[plan.policyIndex].offered.append(suggestion)
            }
        }
        var measured: [Int: Suggestion] = [:]
        for (plan, total) in zip(hoped, totals.dropFirst(plans.count)) {
            measured[plan.policyIndex] = suggestion(plan, saving: volume.policies[plan.policyIndex].total - total, volume: volume)
        }

        // Where a checked change saved nothing, the combination of the offered ones is measured
        // in one more pass.
        var remeasure: [Plan] = []
        for index in results.indices {
            results[index].offered.sort { (billed($0.saving), $1.id) > (billed($1.saving), $0.id) }
            let offered = results[index].offered
            guard offered.count >= 2 else { continue }
            let checked = plans.filter { $0.policyIndex == index && $0.isSafe }.map(\.candidate.id)
            if Set(checked) == Set(offered.map(\.id)), let combined = measured[index] {
                results[index].combined = combined
            } else if let plan = combination(of: offered.map { SuggestionCandidate(id: $0.id, kind: $0.kind, title: $0.title, rationale: $0.rationale, edits: $0.edits, bound: $0.saving) },
                                             policyIndex: index, checklistGuard: checklistGuard) {
                remeasure.append(plan)
            }
        }
        if !remeasure.isEmpty {
            for (plan, total) in zip(remeasure, try measure(remeasure, makeSource)) {
                results[plan.policyIndex].combined = suggestion(plan, saving: volume.policies[plan.policyIndex].total - total, volume: volume)
            }
        }
        // Each change is safe alone; a combination is checked again all the same, and refused
        // (shown with its gaps) if the changes together open one.
        for index in results.indices {
            if let combined = results[index].combined, !combined.checklist.isSafe {
                results[index].combined = nil
                results[index].refused.append(combined)
            }
        }
        return SuggestionReport(policies: results)
    }

    /// All `candidates` of a policy applied together, checked; `nil` for fewer than two.
    private func combination(of candidates: [SuggestionCandidate], policyIndex: Int, checklistGuard: ChecklistGuard) -> Plan? {
        guard candidates.count >= 2 else { return nil }
        let original = policies[policyIndex].policy
        // A narrower rule inserted before a rule that another change edits gets that edit too.
        let edits = candidates.flatMap(\.edits).harmonized()
        let changed = original.applying(edits)
        let candidate = SuggestionCandidate(
            id: "combined", kind: .combined, title: "All \(candidates.count) changes above",
            rationale: "the savings overlap where two changes touch the same events, so this is measured, not summed; "
                + "a rule inserted before a rule that another change edits gets that edit too",
            edits: edits, bound: VolumeTally()
        )
        return Plan(policyIndex: policyIndex, candidate: candidate, check: checklistGuard.check(old: original, new: changed), policy: changed)
    }

    /// The candidates of one policy checked against the checklist, largest upper bound first,
    /// until enough are offered and refused.
    private func checkedPlans(for index: Int, policy: CompiledPolicy, evidence: SuggestionEvidence, checklistGuard: ChecklistGuard) -> [Plan] {
        var offered: [Plan] = []
        var refused: [Plan] = []
        for candidate in SuggestionGenerator(policy: policy, evidence: evidence).candidates().prefix(Self.checksPerPolicy) {
            if offered.count >= options.suggestionsPerPolicy, refused.count >= Self.refusedShown { break }
            let changed = policy.applying(candidate.edits)
            let check = checklistGuard.check(old: policy, new: changed)
            if check.isSafe, offered.count < options.suggestionsPerPolicy {
                offered.append(Plan(policyIndex: index, candidate: candidate, check: check, policy: changed))
            } else if !check.isSafe, refused.count < Self.refusedShown {
                refused.append(Plan(policyIndex: index, candidate: candidate, check: check, policy: changed))
            }
        }
        return offered + refused
    }

    /// Each changed policy's total over the corpus, in one replay of all of them.
    private func measure<Source: EventBatchSource>(_ plans: [Plan], _ makeSource: () throws -> Source) throws -> [VolumeTally] {
        let changed = plans.map { ReplayPolicy(name: policies[$0.policyIndex].name + " + " + $0.candidate.id, policy: $0.policy) }
        let observer = AccumulatingObserver(VolumeAccumulator(policies: changed, maxEventSize: options.replay.limits.maxEventSize, detailed: false))
        let replayed = try ReplayEngine(policies: changed, options: options.replay).run(try makeSource(), observer: observer)
        return observer.accumulator.finish(report: replayed).volume.policies.map(\.total)
    }

    private func suggestion(_ plan: Plan, saving: VolumeTally, volume: EstimateVolume) -> Suggestion {
        let candidate = plan.candidate
        let scale = EstimateScale(span: volume.span, durationSeconds: options.assumptions.durationSeconds, auditLogOff: options.assumptions.auditLogOff ?? [])
        return Suggestion(
            id: candidate.id, kind: candidate.kind, policy: policies[plan.policyIndex].name, title: candidate.title,
            rationale: candidate.rationale, change: PolicyEditText.lines(candidate.edits, in: policies[plan.policyIndex].policy), saving: saving,
            projection: VolumeProjection(from: volume.policies[plan.policyIndex].total - saving, to: volume.policies[plan.policyIndex].total, scale: scale,
                                         assumptions: options.assumptions),
            checklist: plan.check, edits: candidate.edits
        )
    }

    /// The billed bytes of a tally.
    private func billed(_ tally: VolumeTally) -> Int {
        options.assumptions.prices.billedBytes(tally)
    }
}
