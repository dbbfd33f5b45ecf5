import AuditPolicy
import Foundation
import Testing
@testable import AuditReplay

/// The report: several policies side by side, per-rule tallies, emission, and independence from
/// the number of threads.
@Suite("Replay report")
struct ReplayReportTests {
    static let lines = [
        GroupingTests.get("a", .responseComplete),
        SynthesisExactnessTests.recorded,
        SynthesisExactnessTests.create,
        MalformedLineTests.valid,
    ]

    static let eksLike = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    omitStages: [RequestReceived]
    rules:
    - level: None
      nonResourceURLs: ["/version"]
    - level: RequestResponse
      resources:
      - group: ""
        resources: ["configmaps"]
        resourceNames: ["aws-auth"]
    - level: Metadata
      resources:
      - group: ""
        resources: ["configmaps"]
    """

    @Test("several policies are replayed in one pass, side by side")
    func sideBySide() throws {
        let first = try testPolicy(Self.eksLike, name: "a.yaml")
        let second = try everything(at: .requestResponse)
        let replay = try TestReplay(TestLines(Self.lines), policies: [first, second])
        #expect(replay.report.policies.map(\.policy) == ["a.yaml", "policy.yaml"])
        let a = replay.report.policies[0], b = replay.report.policies[1]
        // a.yaml: /version matches rule 1 (None), aws-auth rule 2, the get of configmap c rule 3,
        // the pod create no rule (None by default).
        #expect(a.rules.map(\.requests) == [1, 1, 1])
        #expect(a.rules.map(\.line) == [5, 7, 12])
        #expect(a.defaultRequests == 1)
        #expect(a.events == 2)
        #expect(a.stages.first { $0.stage == .requestReceived }?.events == 0)
        // The catch-all emits RequestReceived and ResponseComplete for all four requests.
        #expect(b.events == 8)
        #expect(b.levels.first { $0.level == .requestResponse }?.requests == 4)
        #expect(b.bytes > a.bytes)
    }

    @Test("tallies add up: events and bytes by stage, level and rule equal the totals")
    func talliesAddUp() throws {
        let replay = try TestReplay(TestLines(Self.lines), policies: [try testPolicy(Self.eksLike)])
        let policy = replay.policy
        #expect(policy.stages.map(\.events).reduce(0, +) == policy.events)
        #expect(policy.stages.map(\.bytes).reduce(0, +) == policy.bytes)
        #expect(policy.levels.map(\.bytes).reduce(0, +) == policy.bytes)
        #expect(policy.rules.map(\.bytes).reduce(0, +) == policy.bytes)
        #expect(policy.levels.map(\.requests).reduce(0, +) == replay.report.requests)
        #expect(replay.emitted.map(byteCount).reduce(0, +) == policy.bytes)
    }

    @Test("emitted events are the first policy's, one per emitted stage, each valid JSON")
    func emitted() throws {
        let replay = try TestReplay(TestLines(Self.lines), policies: [try testPolicy(Self.eksLike), try everything(at: .requestResponse)])
        #expect(replay.emitted.count == replay.report.policies[0].events)
        for line in replay.emitted {
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(line.utf8)) }
        }
        #expect(replay.emitted.contains(SynthesisExactnessTests.recorded))
    }

    @Test("the report does not depend on the number of scanning threads", arguments: [1, 2, 4])
    func threadsDoNotMatter(threads: Int) throws {
        // Many small batches so that several are in flight at once.
        var files: [(name: String, lines: [String])] = []
        for file in 0..<20 {
            files.append(("f\(file).jsonl", (0..<30).flatMap { index -> [String] in
                let id = "r\(file)-\(index)"
                return [GroupingTests.get(id, .requestReceived), GroupingTests.get(id, .responseComplete), "bad \(index)"]
            }))
        }
        let policies = [try testPolicy(Self.eksLike), try everything(at: .request)]
        let single = try TestReplay(TestLines(files), policies: policies)
        let parallel = try TestReplay(TestLines(files), policies: policies, options: ReplayOptions(scanThreads: threads, batchesInFlight: 3))
        #expect(parallel.report == single.report)
        #expect(parallel.emitted == single.emitted)
        #expect(single.report.requests == 600)
        #expect(single.report.malformed.count == 600)
    }

    /// A source whose second batch fails, as a truncated gzip stream does.
    struct FailingSource: EventBatchSource {
        var served = false
        var inputs: [String] { ["broken.jsonl.gz"] }
        mutating func next() throws(InputError) -> EventBatch? {
            if served { throw InputError(file: "broken.jsonl.gz", reason: "truncated gzip stream") }
            served = true
            var lines = TestLines([GroupingTests.get("a", .responseComplete)])
            return try lines.next()
        }
    }

    @Test("an input error stops the replay and names the file, with or without threads", arguments: [0, 2])
    func inputErrors(threads: Int) throws {
        let engine = ReplayEngine(policies: [try everything(at: .metadata)], options: ReplayOptions(scanThreads: threads))
        #expect(throws: InputError(file: "broken.jsonl.gz", reason: "truncated gzip stream")) {
            try engine.run(FailingSource())
        }
    }

    @Test("the JSON report has stable field names")
    func jsonFieldNames() throws {
        let replay = try TestReplay(TestLines(Self.lines), policies: [try testPolicy(Self.eksLike)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try #require(try JSONSerialization.jsonObject(with: try encoder.encode(replay.report)) as? [String: Any])
        #expect(Set(object.keys) == ["inputs", "rawEvents", "requests", "incompleteRequests", "duplicateEvents", "reencodedEvents", "malformed", "repairs", "limits", "policies"])
        let repairs = try #require(object["repairs"] as? [String: Any])
        #expect(Set(repairs.keys) == ["cutLines", "replayedCutLines", "eventsWithoutTimestamps", "auditIDCollisions", "v1beta1Events", "v1alpha1Events", "rebuiltResponseStatuses"])
        let policies = try #require(object["policies"] as? [[String: Any]])
        #expect(Set(policies[0].keys) == ["policy", "events", "bytes", "stages", "levels", "rules", "defaultRequests", "lowerBound", "oversize"])
        let decoded = try JSONDecoder().decode(ReplayReport.self, from: try encoder.encode(replay.report))
        #expect(decoded == replay.report)
    }
}
