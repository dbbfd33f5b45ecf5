import AuditLint
import AuditPolicy
import Foundation
import Testing

/// Issue 12, "Fixes": `lint --fix` edits the original text, fixes only what is certain, and keeps
/// a fix only when the fixed policy passes `check` and loses nothing for the security checklist.
struct LintFixTests {
    static let fixable = LintRules.all.map(\.description).filter { LintFixer.fixableCheckIDs.contains($0.id) }

    func fixed(_ text: String, name: String = "policy.yaml") -> FixOutcome {
        LintFixer().fix(PolicySource(name: name, text: text))
    }

    @Test("fixes: each fixable check documents its fix, and the documented after-example is what --fix makes of the reported example", arguments: fixable)
    func documentedFixRuns(_ rule: RuleDescription) throws {
        let after = try #require(rule.fixedExample, "\(rule.id) fixes findings but documents no fixedExample")
        let outcome = LintFixer(checks: [rule.id]).fix(PolicySource(name: "policy.yaml", text: rule.badExample))
        #expect(String(decoding: outcome.fixed.bytes, as: UTF8.self) == after)
        let fixes = outcome.applied.filter { $0.checkID == rule.id }
        #expect(!fixes.isEmpty)
        // Each fix removes its finding; findings the fix cannot settle (a verb like `read`) stay.
        let before = try LintTestSupport.lint(rule.badExample).findings.filter { $0.code == rule.id }.map(\.message)
        let again = try LintTestSupport.lint(after).findings.filter { $0.code == rule.id }.map(\.message)
        #expect(again.count < before.count, "\(rule.id) still reported after its fix: \(again)")
        #expect(again.allSatisfy(before.contains))
    }

    @Test("fixes: only fixable checks have an after-example")
    func afterExamplesBelongToFixableChecks() {
        let documented = Set(LintRules.all.map(\.description).filter { $0.fixedExample != nil }.map(\.id))
        #expect(documented == LintFixer.fixableCheckIDs)
        #expect(LintFixer.fixableCheckIDs == ["AP002", "AP010", "AP101", "AP201", "AP203", "AP204", "AP205", "AP401", "AP402", "AP408", "AP501", "AP503"])
    }

    @Test("fixes: comments, key order, quoting and blank lines survive; only the fixed bytes change")
    func editsKeepTheRestOfTheText() {
        let original = """
        # policy header
        apiVersion: audit.k8s.io/v1
        kind: Policy

        rules:
          # the first rule
          - level: Metadata   # keep me
            verbs: [ "get",   off ]   # odd spacing
          - level: None
        """
        let outcome = fixed(original)
        let expected = """
        # policy header
        apiVersion: audit.k8s.io/v1
        kind: Policy

        omitStages: ["RequestReceived"]
        rules:
          # the first rule
          - level: Metadata   # keep me
            verbs: [ "get",   "off" ]   # odd spacing
        """
        #expect(String(decoding: outcome.fixed.bytes, as: UTF8.self) == expected)
        // The final `level: None` rule is redundant (the no-match default is None): removed.
        #expect(outcome.applied.map(\.checkID) == ["AP002", "AP501", "AP402"])
    }

    @Test("fixes: a boolean where a list or a boolean is expected is not quoted (quoting would not make it decode)", arguments: [
        "    verbs: on\n",               // a list is expected
        "    omitManagedFields: yes\n",  // a boolean is right here
    ])
    func booleansOnlyInStringFields(_ line: String) {
        let text = "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]\nrules:\n  - level: Metadata\n" + line
        #expect(!fixed(text).applied.contains { $0.checkID == "AP002" })
    }

    @Test("fixes: RequestReceived joins an existing flow list of omitStages, on the policy or on one rule", arguments: [
        ("omitStages: []\nrules:\n  - level: Metadata\n", "omitStages: [\"RequestReceived\"]\nrules:\n  - level: Metadata\n"),
        ("omitStages: [Panic]\nrules:\n  - level: Metadata\n", "omitStages: [\"RequestReceived\", Panic]\nrules:\n  - level: Metadata\n"),
        (
            "rules:\n  - level: Metadata\n    verbs: [get]\n    omitStages: [RequestReceived]\n  - level: Metadata\n    omitStages: [Panic]\n",
            "rules:\n  - level: Metadata\n    verbs: [get]\n    omitStages: [RequestReceived]\n  - level: Metadata\n    omitStages: [\"RequestReceived\", Panic]\n"
        ),
    ])
    func requestReceivedJoinsList(_ body: String, _ expected: String) {
        let header = "apiVersion: audit.k8s.io/v1\nkind: Policy\n"
        #expect(String(decoding: fixed(header + body).fixed.bytes, as: UTF8.self) == header + expected)
    }

    @Test("fixes: RequestReceived joins a block list of omitStages as its own first line, at the items' indentation", arguments: [
        ("omitStages:\n  - Panic\nrules:\n  - level: Metadata\n", "omitStages:\n  - RequestReceived\n  - Panic\nrules:\n  - level: Metadata\n"),
        ("omitStages:\n- Panic # keep\nrules:\n  - level: Metadata\n", "omitStages:\n- RequestReceived\n- Panic # keep\nrules:\n  - level: Metadata\n"),
        (
            "rules:\n  - level: Metadata\n    verbs: [get]\n    omitStages: [RequestReceived]\n  - level: Metadata\n    omitStages:\n      - Panic\n      - ResponseStarted\n",
            "rules:\n  - level: Metadata\n    verbs: [get]\n    omitStages: [RequestReceived]\n  - level: Metadata\n    omitStages:\n      - RequestReceived\n      - Panic\n      - ResponseStarted\n"
        ),
    ])
    func requestReceivedJoinsBlockList(_ body: String, _ expected: String) {
        let header = "apiVersion: audit.k8s.io/v1\nkind: Policy\n"
        #expect(String(decoding: fixed(header + body).fixed.bytes, as: UTF8.self) == header + expected)
    }

    @Test("fixes: a flow-style policy or a flow-style rule is left alone (no certain edit)", arguments: [
        "{apiVersion: audit.k8s.io/v1, kind: Policy, rules: [{level: Metadata}]}\n",
        "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n    verbs: [get]\n    omitStages: [RequestReceived]\n  - {level: Metadata}\n",
    ])
    func uncertainLayoutsAreLeftAlone(_ text: String) {
        let outcome = fixed(text)
        #expect(!outcome.changed)
    }

    @Test("fixes: every fixed real policy is accepted (or was refused before) and loses no checklist row", arguments: GoldenOutputTests.policies)
    func realPoliciesStayValid(_ name: String) throws {
        let url = LintTestSupport.fixtures.appendingPathComponent(name)
        let source = PolicySource(name: name, bytes: Array(try Data(contentsOf: url)))
        let outcome = LintFixer().fix(source)
        let before = PolicyReader.read(source), after = PolicyReader.read(outcome.fixed)
        if before.isAccepted { #expect(after.isAccepted) }
        #expect(outcome.rejected.isEmpty, "\(name): \(outcome.rejected.map(\.description))")
        if outcome.changed { #expect(!UnifiedDiff.render(old: source, new: outcome.fixed).isEmpty) }
    }

    @Test("fixes: an unserved group's entry is removed with its lines and comments after it stay; a rule's only entry is kept")
    func unservedGroupEntry() {
        let header = "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]\nrules:\n  - level: Request\n    resources:\n"
        let several = header + "      - group: \"extensions\"\n        resources: [\"ingresses\"]\n      # keep this comment\n      - group: \"apps\"\n  - level: Metadata\n"
        let outcome = LintFixer(checks: ["AP204"]).fix(PolicySource(name: "p.yaml", text: several))
        #expect(String(decoding: outcome.fixed.bytes, as: UTF8.self) == header + "      # keep this comment\n      - group: \"apps\"\n  - level: Metadata\n")
        let only = header + "      - group: \"extensions\"\n  - level: Metadata\n"
        #expect(!LintFixer(checks: ["AP204"]).fix(PolicySource(name: "p.yaml", text: only)).changed)
    }

    @Test("fixes: suppressed findings are not fixed")
    func suppressedFindingsStay() {
        let text = """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        # auditsim:ignore AP501 we need RequestReceived for latency analysis
        rules:
          - level: Metadata
        """
        #expect(!fixed(text).changed)
    }
}
