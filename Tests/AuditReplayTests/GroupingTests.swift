import AuditPolicy
import Foundation
import Testing
@testable import AuditReplay

/// Stages grouped by auditID, each request replayed once, and lower-bound sizes.
@Suite("Grouping and lower bounds")
struct GroupingTests {
    /// One stage of a `get configmaps` request, as the log backend writes it.
    static func get(_ id: String, _ stage: Stage, level: Level = .metadata) -> String {
        let status = stage == .requestReceived ? "" : #""responseStatus":{"metadata":{},"code":200},"#
        let annotations = stage == .requestReceived ? "}" : #","annotations":{"authorization.k8s.io/decision":"allow"}}"#
        return #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":""# + level.rawValue + #"","auditID":""# + id + #"","stage":""# + stage.rawValue
            + #"","requestURI":"/api/v1/namespaces/default/configmaps/c","verb":"get","user":{"username":"u"},"objectRef":{"resource":"configmaps","namespace":"default","name":"c","apiVersion":"v1"},"#
            + status + #""requestReceivedTimestamp":"2024-05-01T12:00:00.000000Z","stageTimestamp":"2024-05-01T12:00:00.000000Z""# + annotations
    }

    /// One stage of a `create configmaps` request recorded at `level`.
    static func create(_ id: String, level: Level) -> String {
        let body = level >= .request ? #""requestObject":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c"}},"# : ""
        let response = level == .requestResponse ? #""responseObject":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c","uid":"x"}},"# : ""
        return #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":""# + level.rawValue + #"","auditID":""# + id
            + #"","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/default/configmaps","verb":"create","user":{"username":"u"},"objectRef":{"resource":"configmaps","namespace":"default","name":"c","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":201},"#
            + body + response + #""requestReceivedTimestamp":"2024-05-01T12:00:00.000000Z","stageTimestamp":"2024-05-01T12:00:00.000001Z"}"#
    }

    @Test("the stages of a request are replayed once, interleaved with other requests")
    func stagesOfOneRequest() throws {
        let lines = [
            Self.get("a", .requestReceived), Self.get("b", .requestReceived),
            Self.get("b", .responseComplete), Self.get("a", .responseComplete),
        ]
        let replay = try TestReplay(TestLines(lines), policies: [try everything(at: .metadata)])
        #expect(replay.report.rawEvents == 4)
        #expect(replay.report.requests == 2)
        #expect(replay.report.incompleteRequests == 0)
        #expect(replay.report.duplicateEvents == 0)
        // Each request emits RequestReceived and ResponseComplete, grouped: b completes first.
        #expect(replay.emitted == [Self.get("b", .requestReceived), Self.get("b", .responseComplete),
                                   Self.get("a", .requestReceived), Self.get("a", .responseComplete)])
    }

    @Test("stages split across inputs are grouped")
    func acrossInputs() throws {
        let source = TestLines([("one.jsonl", [Self.get("a", .requestReceived)]), ("two.jsonl", [Self.get("a", .responseComplete)])])
        let replay = try TestReplay(source, policies: [try everything(at: .metadata)])
        #expect(replay.report.requests == 1)
        #expect(replay.report.inputs == ["one.jsonl", "two.jsonl"])
    }

    @Test("a repeated stage and a copy arriving after its request are counted, not replayed")
    func duplicates() throws {
        let lines = [
            Self.get("a", .requestReceived), Self.get("a", .requestReceived),
            Self.get("a", .responseComplete), Self.get("a", .responseComplete), Self.get("a", .requestReceived),
        ]
        let replay = try TestReplay(TestLines(lines), policies: [try everything(at: .metadata)])
        #expect(replay.report.rawEvents == 5)
        #expect(replay.report.requests == 1)
        #expect(replay.report.duplicateEvents == 3)
        #expect(replay.emitted.count == 2)
    }

    @Test("a request without its last stage is replayed from what was recorded, as a lower bound")
    func incomplete() throws {
        let replay = try TestReplay(TestLines([Self.get("a", .requestReceived)]), policies: [try everything(at: .metadata)])
        #expect(replay.report.requests == 1)
        #expect(replay.report.incompleteRequests == 1)
        #expect(replay.policy.lowerBound.requests == 1)
        #expect(replay.policy.lowerBound.events == 2)
    }

    @Test("the window is bounded: the oldest waiting request is replayed when it is full")
    func boundedWindow() throws {
        var options = ReplayOptions(scanThreads: 0)
        options.maxWaitingRequests = 2
        let lines = ["a", "b", "c", "d"].map { Self.get($0, .requestReceived) } + ["a", "b", "c", "d"].map { Self.get($0, .responseComplete) }
        let replay = try TestReplay(TestLines(lines), policies: [try everything(at: .metadata)], options: options)
        // a and b are evicted (replayed incomplete) when c and d arrive; their ResponseComplete
        // copies then arrive late and are counted as duplicates; c and d complete normally.
        #expect(replay.report.requests == 4)
        #expect(replay.report.incompleteRequests == 2)
        #expect(replay.report.duplicateEvents == 2)
        #expect(replay.report.rawEvents == 8)
    }

    /// Whether a replay at `decided` of a create recorded at `recorded` is a lower bound.
    @Test("a body the decided level includes but the recording lacks makes the size a lower bound", arguments: [
        (Level.metadata, Level.request, true),
        (Level.metadata, Level.requestResponse, true),
        (Level.request, Level.requestResponse, true),
        (Level.request, Level.request, false),
        (Level.requestResponse, Level.request, false),
        (Level.requestResponse, Level.requestResponse, false),
        (Level.metadata, Level.metadata, false),
    ])
    func lowerBoundByLevel(recorded: Level, decided: Level, lowerBound: Bool) throws {
        let replay = try TestReplay(TestLines([Self.create("x", level: recorded)]), policies: [try everything(at: decided)])
        #expect(replay.policy.lowerBound.requests == (lowerBound ? 1 : 0))
    }

    @Test("requests without bodies are exact at any level: a get's request, a watch's response, a non-resource URL")
    func noBodyNoLowerBound() throws {
        // A get has no request body (handlers/get.go never logs one): at Request it is exact; at
        // RequestResponse its response object is missing from a Metadata recording.
        let get = try TestReplay(TestLines([Self.get("a", .responseComplete)]), policies: [try everything(at: .request)])
        #expect(get.policy.lowerBound.requests == 0)
        let getResponse = try TestReplay(TestLines([Self.get("a", .responseComplete)]), policies: [try everything(at: .requestResponse)])
        #expect(getResponse.policy.lowerBound.requests == 1)
        // A watch streams its response: no response body at any level.
        let watch = Self.get("w", .responseComplete).replacingVerb("get", with: "watch")
        let watchReplay = try TestReplay(TestLines([watch]), policies: [try everything(at: .requestResponse)])
        #expect(watchReplay.policy.lowerBound.requests == 0)
        // Non-resource requests never log bodies.
        let health = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"h","stage":"ResponseComplete","requestURI":"/readyz","verb":"get","user":{"username":"system:anonymous","groups":["system:unauthenticated"]},"responseStatus":{"metadata":{},"code":200},"requestReceivedTimestamp":"2024-05-01T12:00:00.000000Z","stageTimestamp":"2024-05-01T12:00:00.000000Z"}"#
        let healthReplay = try TestReplay(TestLines([health]), policies: [try everything(at: .requestResponse)])
        #expect(healthReplay.policy.lowerBound.requests == 0)
    }

    @Test("a recording truncated by kube-apiserver lacks its bodies: a lower bound")
    func recordedTruncated() throws {
        let line = Self.create("t", level: .metadata)
            .replacingVerb("Metadata", with: "RequestResponse")
            .replacingTail(#""stageTimestamp":"2024-05-01T12:00:00.000001Z"}"#, with: #""stageTimestamp":"2024-05-01T12:00:00.000001Z","annotations":{"audit.k8s.io/truncated":"true"}}"#)
        let replay = try TestReplay(TestLines([line]), policies: [try everything(at: .requestResponse)])
        #expect(replay.policy.lowerBound.requests == 1)
    }
}

private extension String {
    /// The string with the first quoted occurrence of `old` replaced by `new`.
    func replacingVerb(_ old: String, with new: String) -> String {
        guard let range = range(of: "\"\(old)\"") else { return self }
        return replacingCharacters(in: range, with: "\"\(new)\"")
    }

    func replacingTail(_ old: String, with new: String) -> String {
        guard hasSuffix(old) else { return self }
        return String(dropLast(old.count)) + new
    }
}
