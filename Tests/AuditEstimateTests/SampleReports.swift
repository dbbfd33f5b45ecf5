import AuditPolicy
import AuditReplay
@testable import AuditEstimate

/// Reports built by hand, for the output formats: two policies, a day's timeline, a suggestion.
enum SampleReports {
    /// 2023-11-14T22:13:20Z.
    static let start: Int64 = 1_700_000_000_000_000

    static func tally(_ events: Int, _ bytes: Int) -> VolumeTally {
        VolumeTally(events: events, bytes: bytes, ingestedBytes: bytes)
    }

    static func policy(_ name: String, scale: Int) -> PolicyVolume {
        let rules = [
            RuleVolume(index: 0, line: 8, level: .requestResponse, requests: 40 * scale, tally: tally(40 * scale, 900_000 * scale)),
            RuleVolume(index: 1, line: 17, level: .none, requests: 100, tally: tally(0, 0)),
            RuleVolume(index: 2, line: 23, level: .metadata, requests: 60 * scale, tally: tally(60 * scale, 100_000 * scale)),
        ]
        var timeline = Timeline()
        for minute in 0..<60 {
            timeline.add(atMicroseconds: start + Int64(minute) * 60_000_000, tally(scale * 100 / 60, scale * 1_000_000 / 60 + minute * 10))
        }
        let total = tally(100 * scale, 1_000_000 * scale)
        return PolicyVolume(
            policy: name, total: total,
            stages: BreakdownTable(["ResponseComplete": total]),
            levels: [LevelVolume(level: .none, requests: 100), LevelVolume(level: .metadata, requests: 60 * scale, tally: rules[2].tally),
                     LevelVolume(level: .request), LevelVolume(level: .requestResponse, requests: 40 * scale, tally: rules[0].tally)],
            rules: rules,
            resources: BreakdownTable(["configmaps": tally(30 * scale, 700_000 * scale), "pods": tally(10 * scale, 200_000 * scale),
                                       "leases.coordination.k8s.io": tally(60 * scale, 100_000 * scale)]),
            verbs: BreakdownTable(["update": tally(70 * scale, 600_000 * scale), "get": tally(30 * scale, 400_000 * scale)]),
            users: BreakdownTable(["system:node:ip-10-0-1-1": tally(60 * scale, 100_000 * scale), "alice <a&b>": tally(40 * scale, 900_000 * scale)]),
            identities: BreakdownTable(["system:node:*": tally(60 * scale, 100_000 * scale), "alice <a&b>": tally(40 * scale, 900_000 * scale)]),
            namespaces: BreakdownTable(["kube-node-lease": tally(60 * scale, 100_000 * scale), "default": tally(40 * scale, 900_000 * scale)]),
            timeline: timeline,
            oversize: OversizeCounts(events: scale, arriveCut: scale, overCloudWatchMaxEventSize: 0)
        )
    }

    /// Two policies over one hour of timestamps; the second writes half as much.
    static func twoPolicies() -> EstimateReport {
        let volume = EstimateVolume(
            inputs: ["audit.jsonl"], rawEvents: 500, requests: 300, incompleteRequests: 0, duplicateEvents: 0, malformedLines: 2,
            span: ObservedSpan(firstMicroseconds: start, lastMicroseconds: start + 3_600_000_000), limits: SizeLimits(),
            policies: [policy("eks.yaml", scale: 2), policy("tuned.yaml", scale: 1)]
        )
        let assumptions = EstimateAssumptions()
        let scale = EstimateScale(span: volume.span, durationSeconds: nil)
        let saving = tally(40, 300_000)
        let suggestion = Suggestion(
            id: "omit-managed-fields:rule-0", kind: .omitManagedFields, policy: "eks.yaml",
            title: "Set omitManagedFields in rule #0 (line 8)", rationale: "managedFields <are> large",
            change: ["In rule #0 (line 8), add:", "  omitManagedFields: true"], saving: saving,
            projection: VolumeProjection(from: volume.policies[0].total - saving, to: volume.policies[0].total, scale: scale, assumptions: assumptions),
            checklist: ChecklistCheck(rowsChecked: 33, changedRequestClasses: 4, gaps: [])
        )
        let refused = Suggestion(
            id: "routine-none:lease-renewals:nodes", kind: .routineTrafficNone, policy: "eks.yaml",
            title: "Stop logging lease renewals by the nodes", rationale: "routine", change: ["At the top of rules, insert:"],
            saving: tally(120, 200_000),
            projection: VolumeProjection(from: volume.policies[0].total - tally(120, 200_000), to: volume.policies[0].total, scale: scale, assumptions: assumptions),
            checklist: ChecklistCheck(rowsChecked: 33, changedRequestClasses: 1, gaps: ["CL29-403 Denied requests (403): any user in group system:nodes: not logged (level None)"])
        )
        let suggestions = SuggestionReport(policies: [
            PolicySuggestions(policy: "eks.yaml", offered: [suggestion], combined: nil, refused: [refused]),
            PolicySuggestions(policy: "tuned.yaml", offered: [], combined: nil, refused: []),
        ])
        return EstimateReport(volume: volume, assumptions: assumptions, suggestions: suggestions)
    }
}
