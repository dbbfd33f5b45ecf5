import AuditPolicy
import Testing
@testable import AuditReplay

/// The observer hook: each replayed request once, then each event produced for it under each
/// policy, with sizes that add up to the report's totals and the timestamps the events carry.
@Suite("Replay observer")
struct ReplayObserverTests {
    /// Records everything it is told.
    final class Recorder: ReplayObserver {
        var requests: [ObservedRequest] = []
        var events: [(request: Int, event: ObservedEvent)] = []

        func replaying(_ request: ObservedRequest) { requests.append(request) }
        func emitted(_ event: ObservedEvent) { events.append((requests.count - 1, event)) }
    }

    /// Two requests: "a" with both stages recorded (RequestReceived and ResponseComplete, both at
    /// 12:00:00 in `GroupingTests.get`), "c" a create completed at 12:00:00.000001.
    static let lines = [GroupingTests.get("a", .requestReceived), GroupingTests.get("a", .responseComplete), GroupingTests.create("c", level: .request)]

    @Test("each request once, each event under each policy, adding up to the report")
    func observes() throws {
        let metadata = try everything(at: .metadata)
        let omitting = try testPolicy("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: [RequestReceived]
        rules:
        - level: Request
        """)
        let recorder = Recorder()
        let report = try ReplayEngine(policies: [metadata, omitting], options: ReplayOptions(scanThreads: 0))
            .run(TestLines(Self.lines), observer: recorder)
        #expect(recorder.requests.map(\.attributes.verb) == ["get", "create"])
        // Metadata writes RequestReceived and ResponseComplete for both; the second policy
        // omits RequestReceived: 4 + 2 events.
        #expect(recorder.events.map { "\($0.request):\($0.event.policyIndex):\($0.event.stage.rawValue)" } == [
            "0:0:RequestReceived", "0:0:ResponseComplete", "0:1:ResponseComplete",
            "1:0:RequestReceived", "1:0:ResponseComplete", "1:1:ResponseComplete",
        ])
        for (index, policy) in report.policies.enumerated() {
            let events = recorder.events.map(\.event).filter { $0.policyIndex == index }
            #expect(events.count == policy.events)
            #expect(events.compactMap(\.writtenSize).reduce(0, +) == policy.bytes)
            #expect(events.allSatisfy { $0.size == $0.writtenSize })
        }
        #expect(recorder.events.first?.event.decision.level == .metadata)
        #expect(recorder.events.last?.event.decision.level == .request)
    }

    /// 2024-05-01T12:00:00Z is 1,714,564,800 s after the epoch (2024-01-01 is 1,704,067,200;
    /// + 121 days of January to April = 10,454,400; + 12 h = 43,200).
    @Test("timestamps: the span of each request's recorded events, and each event's stageTimestamp")
    func timestamps() throws {
        let recorder = Recorder()
        _ = try ReplayEngine(policies: [try everything(at: .metadata)], options: ReplayOptions(scanThreads: 0))
            .run(TestLines(Self.lines), observer: recorder)
        let noon: Int64 = 1_714_564_800_000_000
        // "a" was recorded at both stages, at noon; "c" only at ResponseComplete, 1 µs later.
        #expect(recorder.requests.map(\.firstRecordedMicroseconds) == [noon, noon + 1])
        #expect(recorder.requests.map(\.lastRecordedMicroseconds) == [noon, noon + 1])
        // The create's RequestReceived is written at its requestReceivedTimestamp, its
        // ResponseComplete at its stageTimestamp.
        #expect(recorder.events.filter { $0.request == 1 }.map(\.event.stageMicroseconds) == [noon, noon + 1])
    }

    /// kube-apiserver always writes timestamps; a recording without them is re-encoded with the
    /// epoch as a placeholder, which the observer reports as no timestamp.
    @Test("a recording without timestamps has none")
    func missingTimestamps() throws {
        let line = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"x","stage":"ResponseComplete","requestURI":"/version","verb":"get","user":{"username":"u"},"responseStatus":{"metadata":{},"code":200}}"#
        let recorder = Recorder()
        _ = try ReplayEngine(policies: [try everything(at: .metadata)], options: ReplayOptions(scanThreads: 0))
            .run(TestLines([line]), observer: recorder)
        #expect(recorder.requests.count == 1)
        #expect(recorder.requests.first?.firstRecordedMicroseconds == nil)
        #expect(recorder.events.allSatisfy { $0.event.stageMicroseconds == nil })
    }
}
