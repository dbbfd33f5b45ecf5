import Foundation
import Testing

/// Issue 12, "Living with findings", from the command line: concise output, --verbose, the
/// baseline files, --fix and --fix --diff.
struct LintFindingsCLITests {
    static let policy = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    # reads are noisy
    rules:
      - level: RequestResponse   # bodies
        verbs: [on, "get"]
        resources:
          - group: "apps"
      - level: Metadata
    """

    static let accepted = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    rules:
      - level: None
        verbs: ["GET"]
      - level: Metadata
    """

    func scratch(_ files: [String: String]) throws -> URL {
        let directory = try CommandLineRunner.scratchDirectory()
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return directory
    }

    @Test("concise: one line per finding, FILE:LINE:COL: severity[ID] headline, and nothing else")
    func concise() throws {
        let directory = try scratch(["p.yaml": Self.accepted])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CommandLineRunner.run(["lint", "--format", "concise", "p.yaml"], in: directory)
        #expect(run.status == 1)
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.contains("p.yaml:5:13: error[AP201] verb \"GET\" is not lower case; verbs are compared exactly, so rules[0] (line 4) never matches it"))
        #expect(lines.allSatisfy { $0.hasPrefix("p.yaml:") && !$0.contains("note:") })
    }

    @Test("capping: by default at most 5 notes and how many more; --verbose shows them all")
    func verbose() throws {
        let capped = try CommandLineRunner.run(["lint", "--format", "github", "--fail-on", "none", "eks"])
        let full = try CommandLineRunner.run(["lint", "--format", "github", "--fail-on", "none", "--verbose", "eks"])
        #expect(capped.status == 0 && full.status == 0)
        let longest = { (output: String) in output.split(separator: "\n").map(\.count).max() ?? 0 }
        #expect(longest(capped.standardOutput) <= longest(full.standardOutput))
        #expect(!full.standardOutput.contains("more (--verbose)"))
        let notes = capped.standardOutput.split(separator: "\n").map { $0.components(separatedBy: "%0Anote: ").count - 1 }
        #expect(notes.allSatisfy { $0 <= 6 })
    }

    @Test("baseline: --write-baseline then --baseline passes; a new finding fails; a fixed one is listed")
    func baselineRoundTrip() throws {
        let directory = try scratch(["p.yaml": Self.accepted])
        defer { try? FileManager.default.removeItem(at: directory) }
        let write = try CommandLineRunner.run(["lint", "--write-baseline", "base.json", "p.yaml"], in: directory)
        #expect(write.status == 1)  // today's findings still print and fail
        let same = try CommandLineRunner.run(["lint", "--baseline", "base.json", "p.yaml"], in: directory)
        #expect(same.status == 0, "\(same.standardOutput)\(same.standardError)")
        #expect(same.standardOutput.contains("baseline: "))
        let shifted = "# moved down\n\n" + Self.accepted.replacingOccurrences(of: "\"GET\"", with: "\"get\"") + "\n    verbs: [\"gets\"]\n"
        try shifted.write(to: directory.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let changed = try CommandLineRunner.run(["lint", "--baseline", "base.json", "--format", "concise", "p.yaml"], in: directory)
        #expect(changed.status == 1)
        #expect(changed.standardOutput.contains("error[AP201] verb \"gets\""))
        #expect(!changed.standardOutput.contains("error[AP201] verb \"GET\""))
        #expect(changed.standardOutput.contains("AP201 no longer reported"))
    }

    @Test("baseline: usage and file errors exit 2; the baseline never overwrites an input", arguments: [
        (["lint", "--baseline", "missing.json", "p.yaml"], "missing.json"),
        (["lint", "--baseline", "p.yaml", "p.yaml"], "not a baseline"),
        (["lint", "--write-baseline", "p.yaml", "p.yaml"], "p.yaml"),
        (["lint", "--baseline", "a.json", "--write-baseline", "b.json", "p.yaml"], "cannot be used together"),
        (["lint", "--diff", "p.yaml"], "--diff needs --fix"),
        (["lint", "--fix", "eks"], "add --diff"),
    ])
    func errors(_ arguments: [String], _ message: String) throws {
        let directory = try scratch(["p.yaml": Self.accepted])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CommandLineRunner.run(arguments, in: directory)
        #expect(run.status == 2)
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(try String(contentsOf: directory.appendingPathComponent("p.yaml"), encoding: .utf8) == Self.accepted)
    }

    @Test("fixes: --fix --diff prints a diff that patch applies, exits 1, and writes nothing")
    func fixDiff() throws {
        let directory = try scratch(["p.yaml": Self.policy])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CommandLineRunner.run(["lint", "--fix", "--diff", "p.yaml"], in: directory)
        #expect(run.status == 1)
        #expect(run.standardOutput.hasPrefix("--- a/p.yaml\n+++ b/p.yaml\n@@ "))
        #expect(run.standardOutput.contains("-    verbs: [on, \"get\"]\n+    omitManagedFields: true\n+    verbs: [\"on\", \"get\"]\n"))
        #expect(try String(contentsOf: directory.appendingPathComponent("p.yaml"), encoding: .utf8) == Self.policy)
        try run.standardOutput.write(to: directory.appendingPathComponent("fix.patch"), atomically: true, encoding: .utf8)
        let patched = try CommandLineRunner.runShell("cp p.yaml q.yaml && patch -s q.yaml < fix.patch && auditsim lint --fix --diff q.yaml", in: directory)
        #expect(patched.status == 0 && patched.standardOutput.isEmpty, "\(patched.standardOutput)\(patched.standardError)")
    }

    @Test("fixes: --fix writes the file; it passes check, keeps comments, and diff --fail-on-regression against the original exits 0")
    func fixWrites() throws {
        let directory = try scratch(["p.yaml": Self.policy])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CommandLineRunner.run(["lint", "--fix", "--fail-on", "none", "p.yaml"], in: directory)
        #expect(run.status == 0)
        #expect(run.standardError.contains("p.yaml: fixed AP002: quote `on`"))
        let fixed = try String(contentsOf: directory.appendingPathComponent("p.yaml"), encoding: .utf8)
        #expect(fixed.contains("# reads are noisy") && fixed.contains("# bodies") && fixed.contains("verbs: [\"on\", \"get\"]"))
        #expect(!run.standardOutput.contains("AP002"))  // what is left is linted after fixing
        #expect(try CommandLineRunner.run(["check", "p.yaml"], in: directory).status == 0)
        // Without a misspelling, whose correction changes what is logged on purpose (tested below).
        let clean = Self.accepted.replacingOccurrences(of: "\"GET\"", with: "\"get\"")
        let second = try scratch(["a.yaml": clean, "b.yaml": clean])
        defer { try? FileManager.default.removeItem(at: second) }
        #expect(try CommandLineRunner.run(["lint", "--fix", "--fail-on", "none", "b.yaml"], in: second).status == 0)
        #expect(try CommandLineRunner.run(["diff", "a.yaml", "b.yaml", "--fail-on-regression"], in: second).status == 0)
        #expect(try String(contentsOf: second.appendingPathComponent("b.yaml"), encoding: .utf8) != clean)
    }

    @Test("fixes: a misspelled verb is corrected and says that what is logged changes on purpose; a redundant rule's removal keeps diff --fail-on-regression at 0")
    func correctionsAndRemovals() throws {
        let typo = "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [\"RequestReceived\"]\nrules:\n  - level: None\n    verbs: [\"gte\"]\n    resources:\n      - group: \"\"\n        resources: [\"events\"]\n  - level: Metadata\n"
        let redundant = "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [\"RequestReceived\"]\nrules:\n  # pods\n  - level: Metadata\n    resources:\n      - group: \"\"\n        resources: [\"pods\"]\n  # the rest\n  - level: Metadata\n"
        let directory = try scratch(["typo.yaml": typo, "redundant.yaml": redundant, "original.yaml": redundant])
        defer { try? FileManager.default.removeItem(at: directory) }
        let corrected = try CommandLineRunner.run(["lint", "--fix", "--fail-on", "none", "typo.yaml"], in: directory)
        #expect(corrected.status == 0, "\(corrected.standardError)")
        #expect(corrected.standardError.contains("typo.yaml: fixed AP201: correct the misspelled verb \"gte\" to \"get\"; this changes what is logged on purpose"))
        #expect(try String(contentsOf: directory.appendingPathComponent("typo.yaml"), encoding: .utf8) == typo.replacingOccurrences(of: "gte", with: "get"))
        // The point of the change: gets of events are no longer logged, and diff says so.
        try typo.write(to: directory.appendingPathComponent("typo-original.yaml"), atomically: true, encoding: .utf8)
        #expect(try CommandLineRunner.run(["diff", "typo-original.yaml", "typo.yaml"], in: directory).standardOutput.contains("get"))
        let removed = try CommandLineRunner.run(["lint", "--fix", "redundant.yaml"], in: directory)
        #expect(removed.status == 0, "\(removed.standardOutput)\(removed.standardError)")
        #expect(removed.standardError.contains("redundant.yaml: fixed AP402: remove rules[0]"))
        #expect(try String(contentsOf: directory.appendingPathComponent("redundant.yaml"), encoding: .utf8)
            == "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [\"RequestReceived\"]\nrules:\n  # the rest\n  - level: Metadata\n")
        let diff = try CommandLineRunner.run(["diff", "original.yaml", "redundant.yaml", "--fail-on-regression"], in: directory)
        #expect(diff.status == 0, "\(diff.standardOutput)")
        #expect(try CommandLineRunner.run(["check", "redundant.yaml"], in: directory).status == 0)
    }
}

/// Issue 12, "Apply the savings", from the command line: `estimate --write-policy`.
struct WritePolicyCLITests {
    @Test("apply the savings: --write-policy writes the commented policy, which check accepts and diff --fail-on-regression passes; an output that is an input is refused")
    func writePolicy() throws {
        let directory = try CommandLineRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let policy = "apiVersion: audit.k8s.io/v1\nkind: Policy\n# everything, loudly\nrules:\n  - level: RequestResponse   # the catch-all\n"
        try policy.write(to: directory.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let run = try CommandLineRunner.run(["estimate", "--policy", "p.yaml", "--write-policy", "tuned.yaml"], in: directory)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("wrote tuned.yaml: p.yaml with "))
        let tuned = try String(contentsOf: directory.appendingPathComponent("tuned.yaml"), encoding: .utf8)
        #expect(tuned.contains("# everything, loudly\n") && tuned.contains("  - level: RequestResponse   # the catch-all\n"))
        #expect(tuned.contains("# auditsim estimate: ") && tuned.contains(" GB a month, "))
        #expect(try CommandLineRunner.run(["check", "tuned.yaml"], in: directory).status == 0)
        let diff = try CommandLineRunner.run(["diff", "p.yaml", "tuned.yaml", "--fail-on-regression"], in: directory)
        #expect(diff.status == 0, "\(diff.standardOutput)")
        #expect(diff.standardOutput.contains("security checklist: no regression"))
        let over = try CommandLineRunner.run(["estimate", "--policy", "p.yaml", "--write-policy", "p.yaml"], in: directory)
        #expect(over.status == 2)
        #expect(try String(contentsOf: directory.appendingPathComponent("p.yaml"), encoding: .utf8) == policy)
    }
}
