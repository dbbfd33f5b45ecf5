import AuditPolicy
import Foundation
import Testing
@testable import AuditAnalysis

/// The example tests file shipped in `Policies/` keeps passing against the built-in EKS policy.
struct ShippedPolicyTestsTests {
    @Test("Policies/eks.tests.yaml passes against the built-in EKS policy")
    func eksTestsPass() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let bytes = try Data(contentsOf: root.appendingPathComponent("Policies/eks.tests.yaml"))
        let suite = try PolicyTestSuite.parse(Array(bytes), fileName: "eks.tests.yaml")
        let loaded = PolicyReader.read(BuiltInPolicy.eks.source)
        let runner = PolicyTestRunner(policy: try loaded.compile(), ruleNames: RuleNames(policy: try #require(loaded.policy), source: loaded.source))
        let results = runner.run(suite)
        #expect(results.count >= 20)
        for result in results { #expect(result.passed, "\(result.testCase.name): \(result.failures)") }
    }
}
