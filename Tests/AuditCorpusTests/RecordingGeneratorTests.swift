import Foundation
import Testing
@testable import AuditCorpus
@testable import AuditReplay

/// The generated recording: deterministic, identical to the committed Corpus/eks-sample.jsonl,
/// and shaped as kube-apiserver's log backend writes events at level RequestResponse with
/// no omitted stages.
struct RecordingGeneratorTests {
    /// The bundled corpus, generated once for the suite.
    static let bundled = BundledRecording.defaultBytes
    static let lines: [[UInt8]] = bundled.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map(Array.init)
    nonisolated(unsafe) static let events: [[String: Any]] = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }

    /// audit.k8s.io/v1 Event's JSON members in struct order (pkg/apis/audit/v1/types.go).
    static let eventFieldOrder = [
        "kind", "apiVersion", "level", "auditID", "stage", "requestURI", "verb", "user", "impersonatedUser",
        "authenticationMetadata", "sourceIPs", "userAgent", "objectRef", "responseStatus", "requestObject", "responseObject",
        "requestReceivedTimestamp", "stageTimestamp", "annotations",
    ]

    static var repositoryCorpus: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/eks-sample.jsonl")
    }

    @Test("Corpus/eks-sample.jsonl is byte-identical to what the generator makes with the bundled settings")
    func committedFileMatches() throws {
        let committed = try Data(contentsOf: Self.repositoryCorpus)
        #expect(committed.count == Self.bundled.count)
        #expect(Array(committed) == Self.bundled, "regenerate it: auditsim corpus synth --out Corpus/eks-sample.jsonl")
    }

    @Test("the same settings give the same bytes; another seed gives other bytes")
    func determinism() {
        func bytes(_ seed: UInt64) -> [UInt8] {
            var output: [UInt8] = []
            RecordingGenerator.generate(RecordingConfiguration(seed: seed, nodes: 2, durationSeconds: 60)) { output += $0 }
            return output
        }
        #expect(bytes(7) == bytes(7))
        #expect(bytes(7) != bytes(8))
    }

    @Test("every line is one JSON object")
    func linesAreJSON() {
        #expect(!Self.lines.isEmpty)
        #expect(Self.events.count == Self.lines.count)
    }

    @Test("members appear in Event struct order, kind and apiVersion first, level RequestResponse")
    func fieldOrder() throws {
        for line in Self.lines {
            let keys = try #require(Self.topLevelKeys(line))
            let positions = keys.map { Self.eventFieldOrder.firstIndex(of: $0) ?? -1 }
            #expect(!positions.contains(-1), "unknown member in \(keys)")
            #expect(positions == positions.sorted(), "out of order: \(keys)")
            #expect(Array(keys.prefix(5)) == ["kind", "apiVersion", "level", "auditID", "stage"])
        }
        #expect(Self.events.allSatisfy { $0["kind"] as? String == "Event" && $0["apiVersion"] as? String == "audit.k8s.io/v1" && $0["level"] as? String == "RequestResponse" })
    }

    @Test("RequestReceived carries no status, bodies, annotations or impersonated user (filters/audit.go: logged before the handler)")
    func requestReceivedStage() {
        let received = Self.events.filter { $0["stage"] as? String == "RequestReceived" }
        #expect(!received.isEmpty)
        for event in received {
            for member in ["responseStatus", "requestObject", "responseObject", "annotations", "impersonatedUser"] {
                #expect(event[member] == nil, "\(member) in RequestReceived \(event["auditID"] ?? "")")
            }
            #expect(event["stageTimestamp"] as? String == event["requestReceivedTimestamp"] as? String)
        }
    }

    @Test("ResponseStarted only for long-running requests and failed authentication (LongRunningRequestCheck, WithFailedAuthenticationAudit)")
    func responseStartedStage() {
        let longRunningSubresources: Set = ["exec", "attach", "portforward", "log", "proxy"]
        let started = Self.events.filter { $0["stage"] as? String == "ResponseStarted" }
        #expect(!started.isEmpty)
        for event in started {
            let verb = event["verb"] as? String ?? ""
            let subresource = (event["objectRef"] as? [String: Any])?["subresource"] as? String ?? ""
            let failedAuthentication = (event["user"] as? [String: Any])?.isEmpty == true
            #expect(verb == "watch" || verb == "proxy" || longRunningSubresources.contains(subresource) || failedAuthentication)
            if !failedAuthentication {
                #expect(event["responseObject"] == nil && event["requestObject"] == nil)
            }
        }
    }

    @Test("failed authentication: one ResponseStarted event, empty user, 401 (authn_audit.go, Unauthorized handler)")
    func failedAuthentication() {
        let failed = Self.events.filter { ($0["user"] as? [String: Any])?.isEmpty == true }
        #expect(!failed.isEmpty)
        let failedIDs = Set(failed.compactMap { $0["auditID"] as? String })
        #expect(Self.events.filter { failedIDs.contains($0["auditID"] as? String ?? "") }.count == failed.count)
        for event in failed {
            #expect(event["stage"] as? String == "ResponseStarted")
            #expect((event["responseStatus"] as? [String: Any])?["code"] as? Int == 401)
            #expect(event["annotations"] == nil)
        }
    }

    @Test("streams have no response body: watch, log, exec (the handler writes no object)")
    func streamsWithoutBodies() {
        for event in Self.events where event["stage"] as? String == "ResponseComplete" {
            let subresource = (event["objectRef"] as? [String: Any])?["subresource"] as? String ?? ""
            if event["verb"] as? String == "watch" || subresource == "log" || subresource == "exec" {
                #expect(event["responseObject"] == nil)
            }
        }
    }

    @Test("the stages of one request agree on URI, verb and user")
    func stagesAgree() {
        var first: [String: [String: Any]] = [:]
        for event in Self.events {
            guard let id = event["auditID"] as? String else { continue }
            if let earlier = first[id] {
                #expect(earlier["requestURI"] as? String == event["requestURI"] as? String)
                #expect(earlier["verb"] as? String == event["verb"] as? String)
                #expect((earlier["user"] as? [String: Any])?["username"] as? String == (event["user"] as? [String: Any])?["username"] as? String)
                #expect(earlier["requestReceivedTimestamp"] as? String == event["requestReceivedTimestamp"] as? String)
            } else {
                first[id] = event
            }
        }
    }

    @Test("timestamps are MicroTime (six fractional digits, UTC), in write order, within the recording's five minutes")
    func timestamps() throws {
        let pattern = try Regex(#"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$"#)
        var previous = ""
        for event in Self.events {
            let stage = try #require(event["stageTimestamp"] as? String)
            let received = try #require(event["requestReceivedTimestamp"] as? String)
            #expect(stage.wholeMatch(of: pattern) != nil && received.wholeMatch(of: pattern) != nil)
            #expect(received <= stage)
            #expect(previous <= stage)
            previous = stage
        }
        #expect(Self.events.first?["stageTimestamp"] as? String ?? "" >= "2026-11-01T10:00:00.000000Z")
        #expect(previous < "2026-11-01T10:05:00.000000Z")
    }

    @Test("no raw < > & anywhere: Go escapes them in strings and embedded bodies alike")
    func htmlEscaping() {
        #expect(!Self.bundled.contains(UInt8(ascii: "<")))
        #expect(!Self.bundled.contains(UInt8(ascii: ">")))
        #expect(!Self.bundled.contains(UInt8(ascii: "&")))
        #expect(String(decoding: Self.bundled, as: UTF8.self).contains(#"\u003c"#))
    }

    @Test("events over CloudWatch's limits: one over 256 KiB (262,144 bytes) but under 1 MB, one over 1 MB (1,048,576 bytes)")
    func oversizeEvents() {
        let sizes = Self.lines.map(\.count)
        #expect(sizes.contains { $0 > 262_144 && $0 < 1_048_576 })
        #expect(sizes.contains { $0 > 1_048_576 })
    }

    @Test("the traffic the corpus documents is all there")
    func trafficCoverage() {
        func any(_ predicate: ([String: Any]) -> Bool) -> Bool { Self.events.contains(where: predicate) }
        func user(_ event: [String: Any]) -> String { (event["user"] as? [String: Any])?["username"] as? String ?? "" }
        func groups(_ event: [String: Any]) -> [String] { (event["user"] as? [String: Any])?["groups"] as? [String] ?? [] }
        func ref(_ event: [String: Any], _ key: String) -> String { (event["objectRef"] as? [String: Any])?[key] as? String ?? "" }
        func code(_ event: [String: Any]) -> Int { (event["responseStatus"] as? [String: Any])?["code"] as? Int ?? 0 }
        let uri = { (event: [String: Any]) in event["requestURI"] as? String ?? "" }

        #expect(any { user($0).hasPrefix("system:node:ip-") && groups($0).contains("system:nodes") && ref($0, "namespace") == "kube-node-lease" && $0["verb"] as? String == "update" })
        #expect(any { user($0).hasPrefix("system:node:") && ref($0, "resource") == "nodes" && ref($0, "subresource") == "status" && $0["verb"] as? String == "patch" })
        #expect(any { user($0) == "system:kube-controller-manager" && ref($0, "resource") == "leases" })
        #expect(any { user($0) == "system:kube-scheduler" && ref($0, "subresource") == "binding" })
        #expect(any { user($0) == "system:serviceaccount:kube-system:coredns" && $0["verb"] as? String == "watch" && ref($0, "resource") == "endpointslices" })
        #expect(any { user($0) == "system:serviceaccount:kube-system:aws-node" && ref($0, "resource") == "eniconfigs" })
        #expect(any { user($0) == "system:serviceaccount:kube-system:aws-node" && ref($0, "resource") == "pods" && $0["verb"] as? String == "patch" })
        #expect(any { user($0) == "system:serviceaccount:kube-system:kube-proxy" && ref($0, "resource") == "services" })
        #expect(any { user($0).hasPrefix("system:serviceaccount:kube-system:") && user($0).hasSuffix("-controller") && ref($0, "resource") == "replicasets" })
        #expect(any { user($0).hasPrefix("eks:") })
        #expect(any { groups($0).contains("system:masters") && $0["verb"] as? String == "patch" && ref($0, "resource") == "deployments" })
        #expect(any { ref($0, "subresource") == "exec" && uri($0).contains("command=") })
        #expect(any { ref($0, "resource") == "secrets" && $0["verb"] as? String == "get" && $0["responseObject"] != nil })
        #expect(any { ref($0, "name") == "aws-auth" && ref($0, "namespace") == "kube-system" && $0["verb"] as? String == "patch" })
        #expect(any { ref($0, "resource") == "rolebindings" && $0["verb"] as? String == "create" })
        #expect(any { ref($0, "resource") == "clusterroles" && $0["verb"] as? String == "create" })
        #expect(any { code($0) == 403 })
        #expect(any { $0["impersonatedUser"] != nil })
        #expect(any { ref($0, "resource") == "serviceaccounts" && ref($0, "subresource") == "token" })
        #expect(any { user($0) == "system:anonymous" })
    }

    @Test("a byte budget stops after the line that reaches it")
    func byteBudget() {
        var output: [UInt8] = []
        let summary = RecordingGenerator.generate(RecordingConfiguration(seed: 3, nodes: 3, durationSeconds: nil), maxBytes: 200_000) { output += $0 }
        #expect(summary.bytes == output.count)
        #expect(output.count >= 200_000)
        #expect(output.last == UInt8(ascii: "\n"))
        let lastLine = output.dropLast().split(separator: UInt8(ascii: "\n")).last?.count ?? 0
        #expect(output.count - lastLine - 1 < 200_000)
        #expect(summary.events == output.filter { $0 == UInt8(ascii: "\n") }.count)
    }

    @Test("the corpus reads back through RecordingReader, plain and gzip-compressed, one record per line")
    func readsBack() throws {
        let compressed = try GzipCompressor.gzip(Self.bundled, level: 1)
        for bytes in [Self.bundled, compressed] {
            var reader = RecordingReader(bytes: bytes, source: "corpus", batchBytes: 256 << 10)
            var records = 0
            var largest = 0
            while let batch = try reader.next() {
                records += batch.records.count
                largest = max(largest, batch.records.map(\.range.count).max() ?? 0)
            }
            #expect(records == Self.lines.count)
            #expect(largest == Self.lines.map(\.count).max())
        }
    }

    /// The top-level member names of a JSON object, in order.
    static func topLevelKeys(_ line: [UInt8]) -> [String]? {
        line.withUnsafeBytes { bytes -> [String]? in
            var keys: [String] = []
            var index = JSONScan.skipWhitespace(bytes, from: 0)
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
            index += 1
            while true {
                index = JSONScan.skipWhitespace(bytes, from: index, commas: true)
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: "}") { return keys }
                guard let keyEnd = JSONScan.stringEnd(bytes, openingQuote: index) else { return nil }
                keys.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(index + 1)..<(keyEnd - 1)]), as: UTF8.self))
                let valueStart = JSONScan.skipWhitespace(bytes, from: keyEnd + 1)
                guard case .complete(let valueEnd) = JSONScan.valueEnd(bytes, from: valueStart, atEndOfInput: true) else { return nil }
                index = valueEnd
            }
        }
    }
}
