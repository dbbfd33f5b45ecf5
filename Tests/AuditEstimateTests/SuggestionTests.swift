import AuditAnalysis
import AuditPolicy
import AuditCorpus
import AuditReplay
import Testing
@testable import AuditEstimate

/// Suggestions on the bundled corpus: each saving is what replaying the changed policy saves,
/// and no suggestion touches the security checklist, checked here a second way (the coverage
/// report of each policy, row by row).
@Suite("Suggestions")
struct SuggestionTests {
    static func policies() throws -> [ReplayPolicy] {
        try TestPolicies.eksAndCatchAll(named: "verbose.yaml")
    }

    static let report: Result<EstimateReport, any Error> = Result {
        let bytes = BundledRecording.defaultBytes
        let options = EstimateOptions(replay: ReplayOptions(scanThreads: 0), suggestionsPerPolicy: 5)
        return try EstimateRunner(policies: try policies(), options: options).run(canReread: true) {
            RecordingReader(bytes: bytes, source: BundledRecording.name)
        }
    }

    @Test("suggestions are offered for both policies, largest billed saving first, each saving something")
    func offered() throws {
        let report = try Self.report.get()
        #expect(report.suggestions.unavailableReason == nil)
        for policy in report.suggestions.policies {
            #expect(!policy.offered.isEmpty, "\(policy.policy)")
            // Ranked by billed bytes saved: ingested bytes plus 26 per event.
            let billed = policy.offered.map { $0.saving.ingestedBytes + 26 * $0.saving.events }
            #expect(billed.allSatisfy { $0 > 0 })
            #expect(billed == billed.sorted(by: >))
        }
        let verbose = try #require(report.suggestions.policies.last)
        #expect(Set(verbose.offered.map(\.kind)).isSuperset(of: [.omitRequestReceived, .omitManagedFields]))
    }

    /// The saving of a suggestion is exactly what the changed policy writes less, replayed alone.
    @Test("each saving equals a separate replay of the changed policy")
    func savingsAreMeasured() throws {
        let report = try Self.report.get()
        let policies = try Self.policies()
        let bytes = BundledRecording.defaultBytes
        for (index, suggestions) in report.suggestions.policies.enumerated() {
            for suggestion in suggestions.offered.prefix(2) {
                #expect(!suggestion.edits.isEmpty)
                let changed = ReplayPolicy(name: "changed", policy: policies[index].policy.applying(suggestion.edits))
                let alone = try EstimateRunner(policies: [changed], options: EstimateOptions(replay: ReplayOptions(scanThreads: 0), suggestionsPerPolicy: 0))
                    .run(canReread: true) { RecordingReader(bytes: bytes, source: BundledRecording.name) }
                #expect(report.volume.policies[index].total - alone.volume.policies[0].total == suggestion.saving, "\(suggestion.id)")
            }
        }
    }

    /// Second opinion, by another route than the guard's policy diff: each checklist row's gaps
    /// under the changed policy (coverage report) were gaps under the original policy already,
    /// and a class the changed policy does not log was not logged before either.
    @Test("no suggestion opens a checklist gap or stops logging anything on the checklist")
    func neverTouchesTheChecklist() throws {
        let report = try Self.report.get()
        let policies = try Self.policies()
        var checked = 0
        for (index, suggestions) in report.suggestions.policies.enumerated() {
            let original = policies[index].policy
            let before = CoverageReport(policy: original)
            for suggestion in suggestions.offered + [suggestions.combined].compactMap({ $0 }) {
                #expect(suggestion.checklist.isSafe)
                let changed = original.applying(suggestion.edits)
                let after = CoverageReport(policy: changed)
                for (row, result) in after.checklist.enumerated() {
                    let earlier = before.checklist[row].result.gaps
                    for gap in result.result.gaps {
                        let witness = gap.requests.witness
                        #expect(earlier.contains { $0.requests.contains(witness) }, "\(suggestion.id) opens \(result.item.id) for \(gap.requests.description.text)")
                        if changed.decide(witness).level == .none {
                            #expect(original.decide(witness).level == .none, "\(suggestion.id) stops logging \(result.item.id)")
                        }
                    }
                }
                checked += 1
            }
        }
        #expect(checked >= 4)
    }

    /// On the bundled corpus the nodes renew their leases; not logging them would open
    /// CL29-403 (any authenticated request can be denied), so it is refused, with the gap named.
    @Test("stopping to log lease renewals is refused, and says which rows it would break")
    func refusesLeases() throws {
        let report = try Self.report.get()
        let eks = try #require(report.suggestions.policies.first)
        let leases = try #require(eks.refused.first { $0.kind == .routineTrafficNone })
        #expect(leases.saving.bytes > 0)
        #expect(leases.checklist.gaps.contains { $0.hasPrefix("CL29-403 ") })
    }
}
