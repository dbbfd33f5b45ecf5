import AuditAnalysis
import AuditLint
import AuditPolicy
import Testing

/// Issue 12, "Fixes": a misspelled field, verb, group or resource is corrected to the single
/// did-you-mean (changing what is logged, on purpose, and saying so), and a shadowed or redundant
/// rule is removed only when no request is logged differently.
struct LintFixCorrectionTests {
    static let header = "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [\"RequestReceived\"]\n"

    func fixed(_ body: String, checks: Set<String>) -> (text: String, outcome: FixOutcome) {
        let outcome = LintFixer(checks: checks).fix(PolicySource(name: "p.yaml", text: Self.header + body))
        return (String(decoding: outcome.fixed.bytes, as: UTF8.self), outcome)
    }

    @Test("fixes: a misspelled field, verb, group or resource becomes the single did-you-mean, in its quoting style", arguments: [
        ("AP010", "rules:\n  - level: Metadata\n    omitStage: [\"Panic\"]\n", "rules:\n  - level: Metadata\n    omitStages: [\"Panic\"]\n"),
        ("AP101", "rules:\n  - level: Request\n    verb: [\"get\"]\n  - level: Metadata\n", "rules:\n  - level: Request\n    verbs: [\"get\"]\n  - level: Metadata\n"),
        ("AP101", "rules:\n  - level: Request\n    resources:\n      - group: ''\n        'resource': [pods]\n  - level: Metadata\n",
         "rules:\n  - level: Request\n    resources:\n      - group: ''\n        'resources': [pods]\n  - level: Metadata\n"),
        ("AP201", "rules:\n  - level: None\n    verbs: [gte, 'lsit', \"wacth\"]\n  - level: Metadata\n",
         "rules:\n  - level: None\n    verbs: [get, 'list', \"watch\"]\n  - level: Metadata\n"),
        ("AP201", "rules:\n  - level: None\n    verbs:\n      - GET\n  - level: Metadata\n", "rules:\n  - level: None\n    verbs:\n      - get\n  - level: Metadata\n"),
        ("AP203", "rules:\n  - level: Request\n    resources:\n      - group: rbac\n  - level: Metadata\n",
         "rules:\n  - level: Request\n    resources:\n      - group: rbac.authorization.k8s.io\n  - level: Metadata\n"),
        ("AP205", "rules:\n  - level: Request\n    resources:\n      - group: \"apps\"\n        resources: [\"deploymnets/scale\", Deployments]\n  - level: Metadata\n",
         "rules:\n  - level: Request\n    resources:\n      - group: \"apps\"\n        resources: [\"deployments/scale\", deployments]\n  - level: Metadata\n"),
        ("AP205", "rules:\n  - level: Request\n    resources:\n      - group: \"\"\n        resources: [pod]\n  - level: Metadata\n",
         "rules:\n  - level: Request\n    resources:\n      - group: \"\"\n        resources: [pods]\n  - level: Metadata\n"),
    ])
    func correctsMisspelling(_ check: String, _ body: String, _ expected: String) {
        let (text, outcome) = fixed(body, checks: [check])
        #expect(text == Self.header + expected)
        #expect(!outcome.applied.isEmpty && outcome.applied.allSatisfy { $0.effect == .changesLogging && $0.checkID == check })
        #expect(outcome.applied.allSatisfy { $0.description.contains("this changes what is logged on purpose") })
        #expect(PolicyReader.read(outcome.fixed).isAccepted)
    }

    @Test("fixes: no correction when the suggestion is not certain or the rename would duplicate a key", arguments: [
        // `read` means several verbs; `bind` is no request's verb.
        ("AP201", "rules:\n  - level: None\n    verbs: [read, bind]\n  - level: Metadata\n"),
        // `resources` is already there: renaming `resource` would write the key twice.
        ("AP010", "rules:\n  - level: Request\n    resources:\n      - group: \"\"\n        resource: [pods]\n        resources: [secrets]\n  - level: Metadata\n"),
        // A selector at the wrong level is not moved.
        ("AP101", "rules:\n  - level: Request\n    resources:\n      - group: \"\"\n        verbs: [get]\n  - level: Metadata\n"),
        // A resource served by another group is not moved.
        ("AP205", "rules:\n  - level: Request\n    resources:\n      - group: \"\"\n        resources: [deployments]\n  - level: Metadata\n"),
    ])
    func leavesUncertainCorrections(_ check: String, _ body: String) {
        #expect(!fixed(body, checks: [check]).outcome.changed)
    }

    @Test("fixes: a single suggestion is one no other candidate is as close to")
    func onlyClosest() {
        #expect(Suggestions.isOnlyClosest("get", to: "gte", in: RequestVerbs.resourceVerbs))
        #expect(!Suggestions.isOnlyClosest("patch", to: "pach", in: ["patch", "pack"]))
        #expect(!Suggestions.isOnlyClosest("missing", to: "mising", in: ["other"]))
    }

    @Test("fixes: a dead or redundant rule is removed with its own comments above it; comments below it or heading the next rules stay; nothing is logged differently", arguments: [
        (
            "AP402",
            "rules:\n  # pods at Metadata\n  - level: Metadata   # same as below\n    resources:\n      - group: \"\"\n        resources: [\"pods\"]\n  # everything else\n  - level: Metadata\n",
            "rules:\n  # everything else\n  - level: Metadata\n"
        ),
        (
            "AP401",
            "rules:\n  - level: Metadata\n    resources:\n      - group: \"\"\n  # dead\n  - level: Metadata\n    verbs: [\"get\"]\n    resources:\n      - group: \"\"\n        resources: [\"pods\"]\n\n  # the rest\n  - level: None\n",
            "rules:\n  - level: Metadata\n    resources:\n      - group: \"\"\n\n  # the rest\n  - level: None\n"
        ),
        (
            "AP402",
            "rules:\n  # quiet\n  - level: None\n    users: [\"system:kube-proxy\"]\n    verbs: [\"watch\"]\n  - level: None\n    users: [\"system:kube-proxy\"]\n  - level: Metadata\n",
            "rules:\n  # quiet\n  - level: None\n    users: [\"system:kube-proxy\"]\n  - level: Metadata\n"
        ),
    ])
    func removesDeadRule(_ check: String, _ body: String, _ expected: String) throws {
        let (text, outcome) = fixed(body, checks: [check])
        #expect(text == Self.header + expected)
        #expect(outcome.applied.map(\.effect) == [.keepsEveryDecision])
        let old = try PolicyReader.read(PolicySource(name: "a", text: Self.header + body)).compile()
        let new = try PolicyReader.read(outcome.fixed).compile()
        #expect(PolicyDiff(old: old, new: new).isEmpty)
    }

    @Test("fixes: of two rules that make each other redundant, one is removed, not both; a shadowed rule with another outcome stays")
    func removalsDoNotCompound() {
        let twins = "rules:\n  - level: Metadata\n    resources:\n      - group: \"\"\n        resources: [\"pods\"]\n  - level: Metadata\n    resources:\n      - group: \"\"\n        resources: [\"pods\"]\n  - level: Request\n"
        let (text, outcome) = fixed(twins, checks: ["AP401", "AP402"])
        #expect(outcome.applied.count == 1)
        #expect(text.components(separatedBy: "resources: [\"pods\"]").count == 2)
        let lostIntent = "rules:\n  - level: Metadata\n    resources:\n      - group: \"\"\n  - level: RequestResponse\n    resources:\n      - group: \"\"\n        resources: [\"configmaps\"]\n"
        #expect(!fixed(lostIntent, checks: ["AP401"]).outcome.changed)
    }
}
