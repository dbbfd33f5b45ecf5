import AuditLint
import AuditPolicy
import Testing

/// Issue 12, "Fixes" (remove an entry that is redundant): AP408 reports a list entry that another
/// entry of the same list covers, and `--fix` removes it without changing any decision.
struct RedundantEntryTests {
    static let header = "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [\"RequestReceived\"]\nrules:\n"

    func redundant(_ rules: String) throws -> [String] {
        try LintTestSupport.lint(Self.header + rules + "  - level: Metadata\n").findings.filter { $0.code == "AP408" }.map(\.message)
    }

    @Test("redundant entries: each covered entry is reported once, naming what covers it", arguments: [
        // a repeated value: the later one is reported
        ("  - level: None\n    verbs: [\"get\", \"list\", \"get\"]\n", ["`get` in the verbs of rules[0] (line 5) is listed again (first at line 6, column 13)"]),
        ("  - level: None\n    users: [a, b]\n    userGroups: [g, g]\n    namespaces: [\"\", \"\"]\n", ["`g` in the userGroups", "`` in the namespaces"]),
        // a URL under a trailing wildcard; `*` covers every URL
        ("  - level: None\n    nonResourceURLs: [\"/healthz/ready\", \"/healthz*\"]\n", ["`/healthz/ready` in the nonResourceURLs of rules[0] (line 5) is covered by `/healthz*`"]),
        ("  - level: None\n    nonResourceURLs: [\"/api*\", \"/api/v1*\", \"*\"]\n", ["`/api*`", "`/api/v1*`"]),
        // resources: `*`, `res/*` (the resource itself and every subresource), `*/sub`
        ("  - level: None\n    resources:\n      - group: \"\"\n        resources: [\"pods/*\", \"pods\", \"*/scale\", \"services\"]\n", ["`pods` in the resources"]),
        ("  - level: None\n    resources:\n      - group: \"\"\n        resources: [\"pods/log\", \"*\", \"pods\"]\n", ["`pods/log` in the resources", "`pods` in the resources"]),
        ("  - level: None\n    resources:\n      - group: \"\"\n        resources: [\"pods\"]\n        resourceNames: [x, x]\n", ["`x` in the resourceNames"]),
        // a resources entry inside a wider one of the same group
        ("  - level: None\n    resources:\n      - group: \"\"\n        resources: [\"pods\"]\n      - group: \"\"\n", ["the resources entry for group \"\" (core) in rules[0] (line 5) is covered by the entry at line 9"]),
        ("  - level: None\n    resources:\n      - group: apps\n        resources: [\"deployments\"]\n        resourceNames: [a]\n      - group: apps\n        resources: [\"deployments\", \"daemonsets\"]\n",
         ["the resources entry for group \"apps\" in rules[0] (line 5) is covered by the entry at line 10"]),
    ])
    func reported(_ rules: String, _ expected: [String]) throws {
        let messages = try redundant(rules)
        #expect(messages.count == expected.count, "\(messages)")
        for (message, prefix) in zip(messages, expected) { #expect(message.hasPrefix(prefix), "\(message)") }
    }

    @Test("redundant entries: entries that each match something of their own are not reported", arguments: [
        "  - level: None\n    verbs: [get, list]\n    users: [\"a\", \"A\"]\n",
        // `pods/log` also matches a resource literally named `pods/log`, which neither `pods/*` nor
        // `*/log` matches; `*/*` is no wildcard pair
        "  - level: None\n    resources:\n      - group: \"\"\n        resources: [\"pods/*\", \"pods/log\", \"*/log\", \"*/*\", \"services\"]\n",
        // `/healthz*` does not cover `/health`; a URL without a star covers only itself
        "  - level: None\n    nonResourceURLs: [\"/healthz*\", \"/health\", \"/version\", \"/version/\"]\n",
        // names narrow the wider-looking entry; different groups never cover each other
        "  - level: None\n    resources:\n      - group: \"\"\n        resources: [\"pods\"]\n        resourceNames: [a]\n      - group: \"\"\n        resources: [\"pods\"]\n        resourceNames: [b]\n      - group: apps\n",
        "  - level: None\n    resources:\n      - group: \"*\"\n      - group: apps\n",
    ])
    func notReported(_ rules: String) throws {
        #expect(try redundant(rules).isEmpty)
    }

    @Test("redundant entries: --fix removes each covered entry from flow and block lists, and no decision changes", arguments: [
        ("  - level: None\n    verbs: [\"get\", \"list\", \"get\"]\n", "  - level: None\n    verbs: [\"get\", \"list\"]\n"),
        ("  - level: None\n    verbs: [get,  get, list]\n", "  - level: None\n    verbs: [get, list]\n"),
        ("  - level: None\n    nonResourceURLs: [\"/healthz/ready\", \"/healthz*\"]\n", "  - level: None\n    nonResourceURLs: [\"/healthz*\"]\n"),
        ("  - level: None\n    verbs:\n      - get\n      # reads\n      - get\n      - list\n", "  - level: None\n    verbs:\n      - get\n      # reads\n      - list\n"),
        ("  - level: None\n    resources:\n      - group: \"\"\n        resources: [\"pods\"]\n      - group: \"\"\n", "  - level: None\n    resources:\n      - group: \"\"\n"),
    ])
    func fixed(_ rules: String, _ expected: String) throws {
        let outcome = LintFixer(checks: ["AP408"]).fix(PolicySource(name: "p.yaml", text: Self.header + rules + "  - level: Metadata\n"))
        #expect(String(decoding: outcome.fixed.bytes, as: UTF8.self) == Self.header + expected + "  - level: Metadata\n")
        #expect(outcome.rejected.isEmpty)
        #expect(try redundant(expected).isEmpty)
    }

    @Test("redundant entries: a comment between flow entries is not removed with one of them")
    func flowCommentsStay() {
        let text = Self.header + "  - level: None\n    verbs: [get, # reads\n      get]\n  - level: Metadata\n"
        #expect(!LintFixer(checks: ["AP408"]).fix(PolicySource(name: "p.yaml", text: text)).changed)
    }
}
