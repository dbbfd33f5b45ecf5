import AuditPolicy
import Foundation
import Testing
@testable import AuditReplay

/// Issue 11: the decision cache is keyed by the recorded bytes of a request's shape
/// (`RequestShapeKey`), not by decoded attributes. A speed-up must never change a byte, so the
/// facts the cache returns must be exactly those decided afresh, for every event of the bundled
/// corpus and of seeded random corpora whose events share users, verbs, resources and names but
/// differ in the fields the key leaves out (uid, resourceVersion, the URI of a resource request).
@Suite("Decision cache differential")
struct DecisionCacheDifferentialTests {
    /// A policy whose decisions depend on every attribute the key covers.
    static let policy = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    rules:
    - level: None
      users: ["system:kube-proxy"]
      verbs: ["watch"]
    - level: RequestResponse
      resources: [{group: "", resources: ["secrets"], resourceNames: ["a\\"b", "token"]}]
    - level: Request
      namespaces: ["kube-system"]
      verbs: ["create", "patch"]
    - level: None
      nonResourceURLs: ["/healthz*", "/version"]
    - level: Metadata
      userGroups: ["system:nodes"]
      resources: [{group: "coordination.k8s.io"}, {group: "", resources: ["pods/status", "nodes/status"]}]
    - level: Request
      resources: [{group: "apps", resources: ["deployments/scale"]}]
    - level: RequestResponse
      verbs: ["delete"]
    - level: Metadata
    """

    /// Seeded random events in log-backend form, from small pools so that shapes repeat.
    static func randomEvents(seed: UInt64, count: Int) -> [String] {
        var random = SplitMix64(seed: seed)
        let users = [
            #"{"username":"system:node:ip-10-0-0-1","groups":["system:nodes","system:authenticated"]}"#,
            #"{"username":"system:kube-proxy","groups":["system:authenticated"]}"#,
            #"{"username":"admin","uid":"42","groups":["system:masters","system:authenticated"],"extra":{"k":["v"]}}"#,
            #"{"groups":["system:unauthenticated"]}"#,
        ]
        let verbs = ["get", "list", "watch", "create", "update", "patch", "delete"]
        let resources: [(group: String, resource: String, subresource: String)] = [
            ("", "secrets", ""), ("", "pods", "status"), ("", "pods", ""), ("coordination.k8s.io", "leases", ""),
            ("apps", "deployments", "scale"), ("", "nodes", "status"),
        ]
        let namespaces = ["", "kube-system", "default"]
        let names = ["", "token", #"a\"b"#, "ip-10-0-0-1", "web-1"]
        let paths = ["/healthz", "/healthz/ready?verbose=1", "/version", "/metrics", "/a%20b"]
        var lines: [String] = []
        for index in 0..<count {
            let verb = Self.pick(verbs, &random)
            // The admin's uid and extra (not part of the key) change from event to event.
            let user = Self.pick(users, &random)
                .replacingOccurrences(of: #""uid":"42""#, with: #""uid":"\#(random.next() % 9)""#)
                .replacingOccurrences(of: #"["v"]"#, with: #"["v\#(random.next() % 9)","]"]"#)
            var line = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"id-\#(index)","stage":"ResponseComplete","#
            if random.next() % 5 == 0 {
                line += #""requestURI":"\#(Self.pick(paths, &random))","verb":"\#(verb)","user":\#(user),"#
            } else {
                let (group, resource, subresource) = Self.pick(resources, &random)
                let namespace = Self.pick(namespaces, &random)
                let name = Self.pick(names, &random)
                let prefix = group.isEmpty ? "/api/v1" : "/apis/\(group)/v1"
                let scope = namespace.isEmpty ? "" : "/namespaces/\(namespace)"
                let inURL = verb == "create" && random.next() % 2 == 0 ? "" : (name.isEmpty ? "" : "/\(name)")
                let uri = "\(prefix)\(scope)/\(resource)\(inURL)\(subresource.isEmpty ? "" : "/" + subresource)?rv=\(random.next() % 7)"
                var reference: [String] = [#""resource":"\#(resource)""#]
                if !namespace.isEmpty { reference.append(#""namespace":"\#(namespace)""#) }
                if !name.isEmpty { reference.append(#""name":"\#(name)""#) }
                if random.next() % 2 == 0 { reference.append(#""uid":"u-\#(random.next() % 1000)""#) }
                if !group.isEmpty { reference.append(#""apiGroup":"\#(group)""#) }
                reference.append(#""apiVersion":"v1""#)
                if random.next() % 2 == 0 { reference.append(#""resourceVersion":"\#(random.next() % 100_000)""#) }
                if !subresource.isEmpty { reference.append(#""subresource":"\#(subresource)""#) }
                line += #""requestURI":"\#(uri)","verb":"\#(verb)","user":\#(user),"objectRef":{\#(reference.joined(separator: ","))},"#
            }
            line += #""responseStatus":{"metadata":{},"code":200},"#
            line += #""requestReceivedTimestamp":"2026-11-01T10:00:00.000001Z","stageTimestamp":"2026-11-01T10:00:00.000002Z"}"#
            lines.append(line)
        }
        return lines
    }

    /// Checks every canonical event of `lines` through a cache of `2^slotBits` slots against a
    /// fresh decision; returns the lookups and hits.
    static func check(_ lines: [String], slotBits: Int, policies: [CompiledPolicy]) throws -> (lookups: Int, hits: Int) {
        var cache = DecisionCache(slotBits: slotBits)
        var scanner = EventScanner()
        var canonical = 0
        for line in lines {
            let bytes = Array(line.utf8)
            try bytes.withUnsafeBufferPointer { buffer in
                guard let event = try? scanner.scan(buffer), event.isCanonical else { return }
                canonical += 1
                let decoded = scanner.decoded
                let reference = decoded.objectReference(in: buffer)
                let attributes = decoded.requestAttributes(in: buffer, objectReference: reference) {
                    event.requestURI.isPresent ? GoJSONString.decodeString(UnsafeBufferPointer(rebasing: buffer[event.requestURI.start..<event.requestURI.end])) : ""
                }
                let fresh = RequestFacts(attributes: attributes, objectReference: reference, decisions: policies.map { $0.decide(attributes) })
                let cached: RequestFacts
                if let found = cache.cachedFacts(of: event, decoded: decoded, in: buffer) {
                    cached = found
                } else {
                    cache.remember(fresh)
                    cached = fresh
                }
                #expect(cached.attributes == fresh.attributes, "\(line)")
                #expect(cached.objectReference == fresh.objectReference, "\(line)")
                #expect(cached.decisions == fresh.decisions, "\(line)")
                #expect(cached.isLongRunning == fresh.isLongRunning, "\(line)")
                if cached.attributes != fresh.attributes { throw CacheMismatch() }
            }
        }
        #expect(canonical > 0)
        return cache.takeCounts()
    }

    struct CacheMismatch: Error {}

    static func pick<Element>(_ elements: [Element], _ random: inout SplitMix64) -> Element {
        elements[random.int(in: 0...(elements.count - 1))]
    }

    static func compiled() throws -> [CompiledPolicy] {
        [try testPolicy(policy).policy]
    }

    @Test("Issue 11: cached decisions equal fresh ones on random corpora", arguments: [1, 2, 3, 4, 5] as [UInt64], [0, 4, 12])
    func randomCorpora(seed: UInt64, slotBits: Int) throws {
        let counts = try Self.check(Self.randomEvents(seed: seed, count: 2_000), slotBits: slotBits, policies: Self.compiled())
        #expect(counts.lookups == 2_000)
        // The pools repeat shapes: the cache of a replay must hit.
        if slotBits == 12 { #expect(counts.hits > 200) }
    }

    @Test("Issue 11: cached decisions equal fresh ones on the bundled corpus")
    func bundledCorpus() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/eks-sample.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let counts = try Self.check(lines, slotBits: 12, policies: Self.compiled())
        #expect(counts.hits > 0)
    }

    /// The events of a lease renewal differ only in the user's uid and extra, the objectRef's uid
    /// and resourceVersion, and the URI's query: one shape.
    @Test("Issue 11: user uid and extra, objectRef uid and resourceVersion, a resource request's URI are not part of the key")
    func ignoredFields() throws {
        let lines = (0..<10).map { index in
            #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"a\#(index)","stage":"ResponseComplete","requestURI":"/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/n1?timeout=\#(index)s","verb":"update","user":{"username":"system:node:n1","uid":"\#(index)","groups":["system:nodes"],"extra":{"sessionName":["s\#(index)"],"x":["[{\"]"]}},"objectRef":{"resource":"leases","namespace":"kube-node-lease","name":"n1","uid":"u\#(index)","apiGroup":"coordination.k8s.io","apiVersion":"v1","resourceVersion":"\#(1000 + index)"},"responseStatus":{"metadata":{},"code":200},"requestReceivedTimestamp":"2026-11-01T10:00:00.000001Z","stageTimestamp":"2026-11-01T10:00:00.000002Z"}"#
        }
        let counts = try Self.check(lines, slotBits: 12, policies: Self.compiled())
        #expect(counts.lookups == 10)
        #expect(counts.hits == 9)
    }
}
