import AuditPolicy
import Testing
@testable import AuditReplay

/// The replay reads what the input readers give it: the same events in another format give the
/// same report.
@Suite("Replay over the input readers")
struct ReplayInputIntegrationTests {
    @Test("an EventList document replays like the same events as JSON lines")
    func eventList() throws {
        let events = [SynthesisExactnessTests.recorded, SynthesisExactnessTests.create]
        let lines = events.joined(separator: "\n") + "\n"
        let list = #"{"kind":"EventList","apiVersion":"audit.k8s.io/v1","metadata":{},"items":["# + events.joined(separator: ",") + "]}"
        let policies = [try everything(at: .requestResponse)]
        let fromLines = try ReplayEngine(policies: policies, options: ReplayOptions(scanThreads: 0))
            .run(RecordingReader(bytes: Array(lines.utf8), source: "events.jsonl", format: .jsonLines))
        let fromList = try ReplayEngine(policies: policies, options: ReplayOptions(scanThreads: 0))
            .run(RecordingReader(bytes: Array(list.utf8), source: "events.jsonl", format: .eventList))
        #expect(fromLines.policies == fromList.policies)
        #expect(fromLines.requests == 2)
        #expect(fromList.requests == 2)
    }
}
