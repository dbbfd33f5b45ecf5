import AuditLint
import AuditPolicy
import Testing

/// `# auditsim:ignore ID reason` comments: where they apply, and the findings about them.
struct SuppressionTests {
    @Test("scanner: own-line comments target the next YAML line, trailing ones their own line")
    func scanner() {
        let text = """
        rules:
          # auditsim:ignore AP501 noisy but wanted
          - level: Metadata # auditsim:ignore AP503,AP502 both fine here
            users: ["a#b"]  # auditsim:ignore
          - level: None # not a suppression: auditsim:ignore AP501 x
        """
        let found = SuppressionScanner.scan(PolicySource(name: "p", text: text))
        #expect(found.count == 3)
        #expect(found[0].ids == ["AP501"] && found[0].reason == "noisy but wanted" && found[0].targetLine == 3)
        #expect(found[1].ids == ["AP503", "AP502"] && found[1].targetLine == 3 && found[1].location == SourceLocation(line: 3, column: 21))
        #expect(found[2].ids.isEmpty && found[2].targetLine == 4)
    }

    static let policy = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    rules:
      # auditsim:ignore AP201 our wrapper sends upper-case verbs through a proxy
      - level: None
        verbs: ["GET"]
      - level: Metadata
    """

    @Test("a comment above a rule silences findings inside the rule")
    func aboveRule() throws {
        let result = try LintTestSupport.lint(Self.policy)
        #expect(!LintTestSupport.ids(result).contains("AP201"))
        #expect(result.suppressed.map(\.code) == ["AP201"])
        #expect(!LintTestSupport.ids(result).contains("AP090") && !LintTestSupport.ids(result).contains("AP091"))
    }

    @Test("a suppression without a reason still applies, and is reported (AP090)")
    func withoutReason() throws {
        let result = try LintTestSupport.lint(Self.policy.replacingOccurrences(of: " our wrapper sends upper-case verbs through a proxy", with: ""))
        #expect(!LintTestSupport.ids(result).contains("AP201"))
        #expect(result.findings.contains { $0.code == "AP090" && $0.location?.line == 4 })
    }

    @Test("an unused or unknown suppression is info (AP091)")
    func unused() throws {
        let unused = try LintTestSupport.lint(Self.policy.replacingOccurrences(of: "AP201", with: "AP601"))
        #expect(unused.findings.contains { $0.code == "AP091" && $0.severity == .info && $0.message.contains("silences nothing") })
        #expect(LintTestSupport.ids(unused).contains("AP201"))
        let unknown = try LintTestSupport.lint(Self.policy.replacingOccurrences(of: "AP201", with: "AP2O1"))
        #expect(unknown.findings.contains { $0.code == "AP091" && $0.message.contains("unknown check AP2O1 (did you mean AP201?)") })
    }
}
