import AuditPolicy
import Foundation
import Testing
@testable import AuditReplay

/// Event sizes against CloudWatch's limit and kube-apiserver's own truncation, at the edges.
@Suite("Size limits")
struct SizeLimitTests {
    // A recorded `update` at Request level, in three pieces around its two padding points.
    static let head = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Request","auditID":"s1","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/default/configmaps/big","verb":"update","user":{"username":"admin"},"userAgent":"kubectl"#
    static let middle = #"","objectRef":{"resource":"configmaps","namespace":"default","name":"big","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"requestObject":{"data":{"a":"b"#
    static let tail = #""}},"requestReceivedTimestamp":"2024-05-01T12:00:00.000000Z","stageTimestamp":"2024-05-01T12:00:00.000001Z","annotations":{"authorization.k8s.io/decision":"allow"}}"#
    static let fixedSize = byteCount(head + middle + tail)

    /// The event padded to exactly `size` bytes, either in its userAgent (which truncation cannot
    /// remove) or in its request body (which it can).
    static func event(size: Int, padBody: Bool = false) -> String {
        let padding = String(repeating: "x", count: size - fixedSize)
        let line = padBody ? head + middle + padding + tail : head + padding + middle + tail
        precondition(byteCount(line) == size)
        return line
    }

    /// Replays at Request level with only ResponseComplete, so that the emitted event is the
    /// recorded line itself and its size is the line's length.
    static func replay(_ lines: [String], maxEventSize: Int, apiServerTruncate: Int? = nil, level: Level = .request) throws -> TestReplay {
        let policy = try testPolicy("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: \(level.rawValue)
          omitStages: [RequestReceived]
        """)
        let limits = SizeLimits(maxEventSize: maxEventSize, apiServerTruncateMaxEventSize: apiServerTruncate)
        return try TestReplay(TestLines(lines), policies: [policy], options: ReplayOptions(limits: limits, scanThreads: 0))
    }

    @Test("an event is over the limit only when it is longer than the limit", arguments: [
        (2_000, 1_999, false), (2_000, 2_000, false), (2_000, 2_001, true),
        (SizeLimits.defaultMaxEventSize, SizeLimits.defaultMaxEventSize - 1, false),
        (SizeLimits.defaultMaxEventSize, SizeLimits.defaultMaxEventSize, false),
        (SizeLimits.defaultMaxEventSize, SizeLimits.defaultMaxEventSize + 1, true),
    ])
    func limitEdge(limit: Int, size: Int, oversize: Bool) throws {
        let replay = try Self.replay([Self.event(size: size)], maxEventSize: limit)
        #expect(replay.emitted.map(byteCount) == [size])
        #expect(replay.policy.oversize.events == (oversize ? 1 : 0))
        #expect(replay.policy.oversize.arriveCut == (oversize ? 1 : 0))
        if oversize {
            let offender = try #require(replay.policy.oversize.offenders.first)
            #expect(offender.size == size)
            // What arrives is cut to exactly the limit, ending in [Truncated...]: no longer JSON.
            #expect(offender.arrivedBytes == limit)
            #expect(!offender.arrivesAsValidJSON)
            #expect(offender.file == "test.jsonl" && offender.line == 1)
            #expect(offender.request == "update configmaps big -n default as admin (no groups)")
            #expect(offender.auditID == "s1")
        }
    }

    @Test("what arrives of an oversize event: the first limit - 14 bytes, then [Truncated...]")
    func arrivingMessage() {
        let event = Array(Self.event(size: 1_001).utf8)
        let arrived = CloudWatchTruncation.arrivingMessage(event, limit: 1_000)
        #expect(arrived.count == 1_000)
        #expect(Array(arrived[..<986]) == Array(event[..<986]))
        #expect(String(decoding: arrived[986...], as: UTF8.self) == "[Truncated...]")
        // At or under the limit nothing changes.
        #expect(CloudWatchTruncation.arrivingMessage(Array(event[..<1_000]), limit: 1_000) == Array(event[..<1_000]))
    }

    @Test("events over CloudWatch's 1 MiB limit are always counted", arguments: [(1_048_576, 0), (1_048_577, 1)])
    func overOneMebibyte(size: Int, counted: Int) throws {
        let replay = try Self.replay([Self.event(size: size)], maxEventSize: 2_000_000)
        #expect(replay.policy.oversize.overCloudWatchMaxEventSize == counted)
        #expect(replay.policy.oversize.events == 0)
    }

    /// kube-apiserver measures the encoded event with its trailing newline (truncate.go, calcSize
    /// over json.Encoder output), so a line of exactly the maximum is already too large.
    @Test("kube-apiserver truncates from a line of exactly its maximum", arguments: [(1_999, false), (2_000, true), (2_001, true)])
    func apiServerTruncationEdge(size: Int, truncated: Bool) throws {
        let line = Self.event(size: size, padBody: true)
        let replay = try Self.replay([line], maxEventSize: 262_144, apiServerTruncate: 2_000)
        let summary = try #require(replay.policy.apiServerTruncation)
        #expect(summary.truncatedEvents == (truncated ? 1 : 0))
        #expect(summary.droppedEvents == 0)
        if truncated {
            // truncate.go, truncate: requestObject and responseObject dropped, the annotation
            // audit.k8s.io/truncated added to the map (written in sorted key order).
            let requestObject = #","requestObject":{"data":{"a":"b"# + String(repeating: "x", count: size - Self.fixedSize) + #""}}"#
            let withoutBody = line.replacingOccurrences(of: requestObject, with: "")
            let expected = withoutBody.replacingOccurrences(
                of: #""annotations":{"authorization.k8s.io/decision":"allow"}"#,
                with: #""annotations":{"audit.k8s.io/truncated":"true","authorization.k8s.io/decision":"allow"}"#
            )
            #expect(replay.emitted == [expected])
            #expect(replay.policy.bytes == byteCount(expected))
            #expect(summary.bytesRemoved == size - byteCount(expected))
        } else {
            #expect(replay.emitted == [line])
        }
    }

    @Test("an event still too large without its bodies is dropped")
    func droppedWhenStillTooLarge() throws {
        let replay = try Self.replay([Self.event(size: 3_000)], maxEventSize: 2_500, apiServerTruncate: 2_000)
        let summary = try #require(replay.policy.apiServerTruncation)
        #expect(summary.droppedEvents == 1)
        #expect(summary.truncatedEvents == 0)
        #expect(replay.emitted.isEmpty)
        #expect(replay.policy.events == 0)
        // It was over the CloudWatch limit as written, but nothing arrives.
        let offender = try #require(replay.policy.oversize.offenders.first)
        #expect(offender.apiServerAction == "dropped")
        #expect(offender.arrivedBytes == 0)
        #expect(replay.policy.oversize.arriveCut == 0)
    }

    @Test("at Metadata level there is nothing to drop: a too-large event is dropped")
    func metadataLevelDropped() throws {
        let replay = try Self.replay([Self.event(size: 2_500)], maxEventSize: 262_144, apiServerTruncate: 2_000, level: .metadata)
        let summary = try #require(replay.policy.apiServerTruncation)
        #expect(summary.droppedEvents == 1)
        #expect(replay.emitted.isEmpty)
    }

    @Test("an event truncated by kube-apiserver under the CloudWatch limit arrives whole")
    func truncationSavesTheEvent() throws {
        let replay = try Self.replay([Self.event(size: 5_000, padBody: true)], maxEventSize: 3_000, apiServerTruncate: 2_000)
        let offender = try #require(replay.policy.oversize.offenders.first)
        #expect(offender.size == 5_000)
        #expect(offender.apiServerAction == "truncated")
        let after = try #require(offender.sizeAfterAPIServerTruncation)
        #expect(offender.arrivedBytes == after)
        #expect(offender.arrivesAsValidJSON)
        #expect(replay.policy.oversize.arriveCut == 0)
        #expect(replay.emitted.map(byteCount) == [after])
    }
}
