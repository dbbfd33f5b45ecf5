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
        let second = try scratch(["a.yaml": Self.accepted, "b.yaml": Self.accepted])
        defer { try? FileManager.default.removeItem(at: second) }
        #expect(try CommandLineRunner.run(["lint", "--fix", "--fail-on", "none", "b.yaml"], in: second).status == 0)
        #expect(try CommandLineRunner.run(["diff", "a.yaml", "b.yaml", "--fail-on-regression"], in: second).status == 0)
        #expect(try String(contentsOf: second.appendingPathComponent("b.yaml"), encoding: .utf8) != Self.accepted)
    }
}
