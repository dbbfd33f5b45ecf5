import Foundation
import Testing

/// Issue 9 and README "Exit codes": one contract for every command, case by case.
struct ExitCodeTests {
    /// One row of the contract: a command line, in a directory holding the fixtures below, and
    /// the exit code it must end with.
    struct Case: CustomTestStringConvertible, Sendable {
        var situation: String
        var arguments: [String]
        var status: Int32
        var stdin: String? = nil
        var testDescription: String { "\(situation): auditsim \(arguments.joined(separator: " ")) → \(status)" }
    }

    static let cases: [Case] = [
        // check: a refused policy is its finding.
        Case(situation: "check, accepted", arguments: ["check", "good.yaml"], status: 0),
        Case(situation: "check, built-in by name", arguments: ["check", "eks"], status: 0),
        Case(situation: "check, refused", arguments: ["check", "bad.yaml"], status: 1),
        Case(situation: "check, missing file", arguments: ["check", "missing.yaml"], status: 2),
        Case(situation: "check, standard input twice", arguments: ["check", "-", "-"], status: 2, stdin: ""),
        Case(situation: "check, unknown option", arguments: ["check", "--frobnicate"], status: 2),
        // lint: a refused policy is its finding.
        Case(situation: "lint, refused", arguments: ["lint", "bad.yaml"], status: 1),
        Case(situation: "lint, built-in by name", arguments: ["lint", "eks", "--fail-on", "none"], status: 0),
        Case(situation: "lint, missing file", arguments: ["lint", "missing.yaml"], status: 2),
        Case(situation: "lint, standard input twice", arguments: ["lint", "-", "-"], status: 2, stdin: ""),
        Case(situation: "lint, unknown platform", arguments: ["lint", "good.yaml", "--platform", "mars"], status: 2),
        Case(situation: "lint, EKS's policy on EKS fails on its stale rules", arguments: ["lint", "eks", "--platform", "eks", "--fail-on", "warning"], status: 1),
        // Every other command needs a valid policy: a refused one is an input error.
        Case(situation: "explain, refused policy", arguments: ["explain", "--policy", "bad.yaml", "get", "pods"], status: 2),
        Case(situation: "explain, built-in by name", arguments: ["explain", "--policy", "eks", "get", "pods"], status: 0),
        Case(situation: "replay, refused policy", arguments: ["replay", "--policy", "bad.yaml", "rec.jsonl"], status: 2),
        Case(situation: "replay, built-in by name", arguments: ["replay", "--policy", "eks", "rec.jsonl"], status: 0),
        Case(situation: "replay, emit over its input", arguments: ["replay", "rec.jsonl", "--emit", "rec.jsonl"], status: 2),
        Case(situation: "replay, emit over the policy", arguments: ["replay", "--policy", "good.yaml", "rec.jsonl", "--emit", "good.yaml"], status: 2),
        Case(situation: "replay, policy and input both standard input", arguments: ["replay", "--policy", "-", "-"], status: 2, stdin: ""),
        Case(situation: "replay, a policy given as the input", arguments: ["replay", "good.yaml"], status: 2),
        Case(situation: "replay, an input with no event", arguments: ["replay", "-"], status: 2, stdin: ""),
        Case(situation: "replay, --threads out of range", arguments: ["replay", "rec.jsonl", "--threads", "9223372036854775807"], status: 2),
        Case(situation: "replay, a size that overflows", arguments: ["replay", "rec.jsonl", "--max-input-event-size", "9223372036854775807Gi"], status: 2),
        Case(situation: "replay, --apiserver-truncate with a size", arguments: ["replay", "--apiserver-truncate", "50000", "rec.jsonl"], status: 0),
        Case(situation: "replay, --apiserver-truncate without a size", arguments: ["replay", "rec.jsonl", "--apiserver-truncate"], status: 2),
        Case(situation: "estimate, refused policy", arguments: ["estimate", "--policy", "bad.yaml", "rec.jsonl"], status: 2),
        Case(situation: "estimate, built-in by name", arguments: ["estimate", "--policy", "eks", "rec.jsonl"], status: 0),
        Case(situation: "coverage, built-in by name", arguments: ["coverage", "--policy", "eks"], status: 0),
        Case(situation: "replay, an executable given as the input", arguments: ["replay", "/bin/ls"], status: 2),
        Case(situation: "explain, a misspelled resource", arguments: ["explain", "get", "secerts"], status: 2),
        Case(situation: "explain, an unknown verb", arguments: ["explain", "frobnicate", "pods"], status: 2),
        Case(situation: "explain, a verb no HTTP method gives", arguments: ["explain", "DELETECOLLECTION", "/metrics"], status: 2),
        Case(situation: "explain, empty request", arguments: ["explain", "", ""], status: 2),
        Case(situation: "explain, a bad escape in the URI", arguments: ["explain", "GET", "%"], status: 2),
        Case(situation: "estimate, --threads out of range", arguments: ["estimate", "rec.jsonl", "--threads", "100000"], status: 2),
        Case(situation: "diff, a corpus with no event", arguments: ["diff", "eks", "eks", "--corpus", "good.yaml"], status: 2),
        Case(situation: "estimate, HTML over its input", arguments: ["estimate", "rec.jsonl", "--html", "rec.jsonl"], status: 2),
        Case(situation: "estimate, --write-policy over the policy", arguments: ["estimate", "rec.jsonl", "--policy", "good.yaml", "--write-policy", "good.yaml"], status: 2),
        Case(situation: "estimate, --write-policy over the corpus", arguments: ["estimate", "rec.jsonl", "--policy", "good.yaml", "--write-policy", "rec.jsonl"], status: 2),
        Case(situation: "estimate, --write-policy with two policies", arguments: ["estimate", "rec.jsonl", "--policy", "good.yaml", "--policy", "eks", "--write-policy", "out.yaml"], status: 2),
        Case(situation: "estimate, --write-policy without suggestions", arguments: ["estimate", "rec.jsonl", "--no-suggestions", "--write-policy", "out.yaml"], status: 2),
        Case(situation: "diff, refused policy", arguments: ["diff", "eks", "bad.yaml"], status: 2),
        Case(situation: "diff, regression", arguments: ["diff", "eks", "quiet.yaml", "--fail-on-regression"], status: 1),
        Case(situation: "diff, no regression", arguments: ["diff", "eks", "eks", "--fail-on-regression"], status: 0),
        Case(situation: "coverage, refused policy", arguments: ["coverage", "--policy", "bad.yaml"], status: 2),
        Case(situation: "coverage, gaps", arguments: ["coverage", "--policy", "quiet.yaml", "--fail-on-gap"], status: 1),
        Case(situation: "test, refused policy", arguments: ["test", "bad.yaml", "tests.yaml"], status: 2),
        Case(situation: "test, failing case", arguments: ["test", "quiet.yaml", "tests.yaml"], status: 1),
        Case(situation: "test, passing", arguments: ["test", "eks", "tests.yaml"], status: 0),
        Case(situation: "rules, unknown check", arguments: ["rules", "AP999"], status: 2),
        Case(situation: "rules, the platform model", arguments: ["rules", "platform"], status: 0),
        Case(situation: "rules, markdown into a file", arguments: ["rules", "--markdown", "good.yaml"], status: 2),
        Case(situation: "merge, no file", arguments: ["merge"], status: 2),
        Case(situation: "merge, missing file", arguments: ["merge", "missing.json"], status: 2),
        Case(situation: "merge, not an estimate", arguments: ["merge", "good.yaml"], status: 2),
        Case(situation: "merge, refused policy", arguments: ["merge", "--policy", "bad.yaml", "-"], status: 2, stdin: "{}"),
        Case(situation: "corpus synth, invalid duration", arguments: ["corpus", "synth", "--duration", "soon"], status: 2),
        // cloudtrail: findings are printed; they fail the run only with --fail-on-findings.
        Case(situation: "cloudtrail, findings", arguments: ["cloudtrail", "trail.json"], status: 0),
        Case(situation: "cloudtrail, findings with --fail-on-findings", arguments: ["cloudtrail", "trail.json", "--fail-on-findings"], status: 1),
        Case(situation: "cloudtrail, compared with a recording", arguments: ["cloudtrail", "trail.json", "--audit", "rec.jsonl"], status: 0),
        Case(situation: "cloudtrail, missing file", arguments: ["cloudtrail", "missing.json"], status: 2),
        Case(situation: "cloudtrail, no CloudTrail event", arguments: ["cloudtrail", "good.yaml"], status: 2),
        Case(situation: "cloudtrail, an unknown cluster", arguments: ["cloudtrail", "trail.json", "--audit", "rec.jsonl", "--cluster", "other"], status: 2),
        Case(situation: "estimate, --cloudtrail", arguments: ["estimate", "rec.jsonl", "--no-suggestions", "--cloudtrail", "trail.json"], status: 0),
        Case(situation: "estimate, --cloudtrail without a CloudTrail event", arguments: ["estimate", "rec.jsonl", "--cloudtrail", "good.yaml"], status: 2),
        Case(situation: "cloudtrail, standard input twice", arguments: ["cloudtrail", "-", "--audit", "-"], status: 2, stdin: ""),
    ]

    @Test(arguments: cases)
    func exitCodeFollowsTheContract(_ row: Case) throws {
        let directory = try Self.fixtures()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try Self.snapshot(directory)
        let result = try CommandLineRunner.run(row.arguments, in: directory, input: row.stdin)
        #expect(result.status == row.status, "stderr: \(result.standardError)")
        if row.status == 2 { #expect(!result.standardError.isEmpty, "an input error says why") }
        // No command may change its inputs.
        #expect(try Self.snapshot(directory) == before)
    }

    @Test(arguments: ["check", "lint", "rules", "explain get pods", "replay", "coverage", "diff eks eks", "test eks tests.yaml", "estimate", "cloudtrail trail.json"])
    func failedWriteToStandardOutputIsAnError(command: String) throws {
        let directory = try Self.fixtures()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandLineRunner.runShell("auditsim \(command) > /dev/full", in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains("No space left on device"))
    }

    /// Issue 13: shard summaries merge (exit 0); summaries made under other prices do not (exit 2).
    @Test(arguments: [
        ("auditsim estimate --shard --format json --no-suggestions rec.jsonl > a.json && auditsim merge a.json a.json", Int32(0)),
        ("auditsim estimate --shard --format json --no-suggestions rec.jsonl > a.json && auditsim estimate --format json --no-suggestions --top 3 rec.jsonl > b.json && auditsim merge a.json b.json", Int32(2)),
        ("auditsim estimate --shard rec.jsonl", Int32(2)),
        ("auditsim replay --shard --format json rec.jsonl > r.json && auditsim merge r.json r.json --format json > m.json", Int32(0)),
        ("auditsim replay --shard rec.jsonl", Int32(2)),
    ])
    func mergeOfShardSummaries(command: String, status: Int32) throws {
        let directory = try Self.fixtures()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandLineRunner.runShell(command, in: directory)
        #expect(result.status == status, "stderr: \(result.standardError)")
    }

    /// Issue 9: output names real sources, never the project's internal seed numbers.
    @Test(arguments: [["coverage"], ["lint", "eks", "--fail-on", "none"], ["rules", "AP702"]])
    func outputCitesRealSourcesNotSeedNumbers(arguments: [String]) throws {
        let result = try CommandLineRunner.run(arguments)
        #expect(!result.standardOutput.contains("seed 00"))
        #expect(!result.standardOutput.contains("seed article"))
    }

    @Test func closedPipeEndsQuietlyWith141() throws {
        let directory = try Self.fixtures()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandLineRunner.runShell(
            "auditsim corpus synth --duration 5m | auditsim replay --emit /dev/stdout - | head -c 10 >/dev/null; echo \"${PIPESTATUS[1]}\"",
            in: directory)
        #expect(result.standardOutput == "141\n")
        #expect(result.standardError.isEmpty)
    }

    /// A directory with a good and a refused policy, a quiet policy, a tests file, a CloudTrail log file and a recording.
    static func fixtures() throws -> URL {
        let directory = try CommandLineRunner.scratchDirectory()
        func write(_ name: String, _ text: String) throws {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("good.yaml", "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n")
        try write("bad.yaml", "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n    verbs: [on]\n")
        try write("quiet.yaml", "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: None\n")
        try write("tests.yaml", """
            tests:
              - name: secrets are logged at Metadata
                request: {verb: get, resource: secrets, name: db, namespace: default, user: alice}
                expect: {level: Metadata}

            """)
        // A CloudTrail log file: a cluster created, then a cluster-wide admin policy granted (a finding).
        try write("trail.json", """
            {"Records":[{"eventTime":"2026-11-01T00:00:00Z","eventSource":"eks.amazonaws.com","eventName":"CreateCluster","awsRegion":"us-west-2",\
            "recipientAccountId":"111122223333","userIdentity":{"arn":"arn:aws:iam::111122223333:user/admin"},"requestParameters":{"name":"prod",\
            "logging":{"clusterLogging":[{"types":["audit"],"enabled":true}]}}},{"eventTime":"2026-11-01T00:10:00Z","eventSource":"eks.amazonaws.com",\
            "eventName":"AssociateAccessPolicy","awsRegion":"us-west-2","recipientAccountId":"111122223333","userIdentity":{"arn":"arn:aws:iam::111122223333:user/admin"},\
            "requestParameters":{"name":"prod","principalArn":"arn:aws:iam::111122223333:role/ci",\
            "policyArn":"arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy","accessScope":{"type":"cluster"}}}]}

            """)
        let synth = try CommandLineRunner.run(["corpus", "synth", "--duration", "30s", "--out", "rec.jsonl"], in: directory)
        try #require(synth.status == 0, "corpus synth failed: \(synth.standardError)")
        return directory
    }

    /// The names, sizes and contents of the files in `directory`.
    static func snapshot(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }
}
