import AuditLint
import AuditPolicy
import Foundation
import Testing

/// Lint output for real policies, reviewed by hand and committed beside them
/// (Fixtures/NAME.yaml → Fixtures/NAME.lint.txt; the built-in EKS policy → eks-builtin.lint.txt, and
/// linted for the EKS platform → eks-builtin.platform-eks.lint.txt).
/// Regenerate with Scripts/update-lint-golden.sh after reviewing every changed finding.
struct GoldenOutputTests {
    static let policies: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: LintTestSupport.fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
    }()

    @Test("fixtures exist")
    func fixturesExist() {
        #expect(Self.policies.count >= 10)
    }

    @Test("text output matches the reviewed golden file", arguments: policies)
    func matchesGolden(_ name: String) throws {
        let url = LintTestSupport.fixtures.appendingPathComponent(name)
        let source = PolicySource(name: name, bytes: Array(try Data(contentsOf: url)))
        let rendered = LintTextReport.render([Linter().lint(source)])
        let golden = try String(contentsOf: url.deletingPathExtension().appendingPathExtension("lint.txt"), encoding: .utf8)
        #expect(rendered == golden, "\(name): output differs from \(name.replacingOccurrences(of: ".yaml", with: ".lint.txt"))")
    }

    @Test("the built-in EKS policy's findings match the reviewed golden file")
    func eksMatchesGolden() throws {
        let rendered = LintTextReport.render([Linter().lint(BuiltInPolicy.eks.source)])
        let golden = try String(contentsOf: LintTestSupport.fixtures.appendingPathComponent("eks-builtin.lint.txt"), encoding: .utf8)
        #expect(rendered == golden)
    }

    @Test("lint --platform eks on the built-in EKS policy matches the reviewed golden file")
    func eksOnEKSMatchesGolden() throws {
        let rendered = LintTextReport.render([Linter().lint(BuiltInPolicy.eks.source, configuration: LintConfiguration(platform: .eks))])
        let golden = try String(contentsOf: LintTestSupport.fixtures.appendingPathComponent("eks-builtin.platform-eks.lint.txt"), encoding: .utf8)
        #expect(rendered == golden)
    }
}
