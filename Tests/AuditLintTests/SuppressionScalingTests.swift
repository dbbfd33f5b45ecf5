import AuditLint
import AuditPolicy
import Testing

/// Issue 15, bounded memory and time: suppression comments are read in one pass.
struct SuppressionScalingTests {
    @Test("Ignore comments: 100,000 consecutive comments all target the one rule below them")
    func ignoreCommentsLinearScan() {
        let count = 100_000
        var lines = ["apiVersion: audit.k8s.io/v1", "kind: Policy", "rules:"]
        lines += Array(repeating: "  # auditsim:ignore AP403 reason", count: count)
        lines.append("  - level: Metadata")
        let suppressions = SuppressionScanner.scan(PolicySource(name: "p.yaml", text: lines.joined(separator: "\n")))
        #expect(suppressions.count == count)
        #expect(suppressions.allSatisfy { $0.targetLine == count + 4 })
    }
}
