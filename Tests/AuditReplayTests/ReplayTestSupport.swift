import AuditPolicy
@testable import AuditReplay

/// Batches built from JSON lines written in a test, one batch per file name.
struct TestLines: EventBatchSource {
    private var batches: [EventBatch]
    private(set) var inputs: [String] = []

    /// One input named `file` holding `lines`, one per line (line numbers from 1).
    init(_ lines: [String], file: String = "test.jsonl") {
        self.init([(file, lines)])
    }

    /// Several inputs, each with its lines.
    init(_ files: [(name: String, lines: [String])]) {
        batches = files.map { file in
            var storage: [UInt8] = []
            var records: [EventRecord] = []
            for (index, line) in file.lines.enumerated() {
                let start = storage.count
                storage.append(contentsOf: line.utf8)
                records.append(EventRecord(range: start..<storage.count, line: index + 1))
                storage.append(UInt8(ascii: "\n"))
            }
            return EventBatch(source: file.name, storage: storage, records: records)
        }
        batches.reverse()
    }

    mutating func next() throws(InputError) -> EventBatch? {
        guard let batch = batches.popLast() else { return nil }
        inputs.append(batch.source)
        return batch
    }
}

/// A compiled policy from YAML text.
func testPolicy(_ yaml: String, version: KubernetesVersion = .latest, name: String = "policy.yaml") throws -> ReplayPolicy {
    let loaded = PolicyReader.read(PolicySource(name: name, text: yaml), options: PolicyReadOptions(kubernetesVersion: version))
    return ReplayPolicy(name: name, policy: try loaded.compile())
}

/// A policy with a single rule at `level` for every request, and nothing omitted.
func everything(at level: Level, omitManagedFields: Bool = false, version: KubernetesVersion = .latest) throws -> ReplayPolicy {
    try testPolicy("""
    apiVersion: audit.k8s.io/v1
    kind: Policy
    omitManagedFields: \(omitManagedFields)
    rules:
    - level: \(level.rawValue)
    """, version: version)
}

/// The result of replaying lines: the report and the emitted lines of the first policy.
struct TestReplay {
    var report: ReplayReport
    var emitted: [String]

    init(_ source: TestLines, policies: [ReplayPolicy], options: ReplayOptions = ReplayOptions(scanThreads: 0)) throws {
        var lines: [String] = []
        report = try ReplayEngine(policies: policies, options: options).run(source) { line in
            lines.append(String(decoding: line, as: UTF8.self))
        }
        emitted = lines
    }

    /// The first policy's replay.
    var policy: PolicyReplay { report.policies[0] }

    /// Events of the first policy by stage name.
    func events(at stage: Stage) -> Int { policy.stages.first { $0.stage == stage }?.events ?? 0 }
}

/// The UTF-8 length of a string.
func byteCount(_ text: String) -> Int { text.utf8.count }
