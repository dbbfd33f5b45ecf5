import AuditAnalysis
import AuditPolicy
@testable import AuditReplay
import Testing

/// Issue 9, property: for random requests, explain's request builder, a policy test file,
/// `explain --batch` (attributes, and METHOD URI) and replay's attribute extraction from a recorded
/// event all reach the same decision. (Here because this target sees every library.)
@Suite("Request paths agree")
struct RequestPathsAgreementTests {
    /// Who asks: the identity options of explain, and the same identity as a test file writes it.
    enum Identity {
        case user(String, [String]), serviceAccount(String, String), node(String), defaultUser

        var user: UserInfo {
            switch self {
            case .user(let name, let groups): RequestIdentity.authenticated(name, groups: groups)
            case .serviceAccount(let namespace, let name): RequestIdentity.serviceAccount(namespace: namespace, name: name)
            case .node(let name): RequestIdentity.node(name)
            case .defaultUser: RequestIdentity.defaultUser
            }
        }

        var testFileFields: String {
            switch self {
            case .user(let name, let groups): "user: \"\(name)\"" + (groups.isEmpty ? "" : ", groups: [\(groups.map { "\"\($0)\"" }.joined(separator: ", "))]")
            case .serviceAccount(let namespace, let name): "user: \"system:serviceaccount:\(namespace):\(name)\""
            case .node(let name): "user: \"system:node:\(name)\", groups: [\"system:nodes\"]"
            case .defaultUser: ""
            }
        }
    }

    static let policy: CompiledPolicy = {
        let text = """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            userGroups: ["system:serviceaccounts:kube-system"]
          - level: RequestResponse
            userGroups: ["system:nodes"]
            verbs: ["patch", "update"]
          - level: Request
            users: ["alice"]
            namespaces: ["kube-system"]
          - level: None
            resources: [{group: "", resources: ["events"]}]
          - level: Metadata
            resources: [{group: "", resources: ["secrets", "configmaps", "pods/exec"]}]
          - level: Request
            userGroups: ["system:serviceaccounts"]
            verbs: ["get", "list", "watch"]
          - level: RequestResponse
            resources: [{group: "apps"}, {group: "rbac.authorization.k8s.io", resources: ["*/*"]}]
          - level: Metadata
            omitStages: [RequestReceived]
        """
        return try! PolicyReader.read(PolicySource(name: "p.yaml", text: text)).compile()
    }()

    static func pick<T>(_ values: [T], _ random: inout SplitMix64) -> T { values[random.int(in: 0...(values.count - 1))] }

    static let identities: [Identity] = [
        .defaultUser, .user("alice", []), .user("bob", ["dev"]), .user("system:serviceaccount:kube-system:foo", []),
        .serviceAccount("kube-system", "coredns"), .serviceAccount("default", "app"), .node("ip-10-0-1-5"),
    ]

    /// The HTTP method and URI of a kubectl-style request (requestinfo.go, read backwards).
    static func uri(_ request: RequestAttributes) -> (String, String) {
        var path = request.apiGroup.isEmpty ? "/api/\(request.apiVersion)" : "/apis/\(request.apiGroup)/\(request.apiVersion)"
        if request.apiGroup.isEmpty, request.resource == "namespaces", !request.name.isEmpty {
            path += "/namespaces/\(request.name)"
        } else {
            if !request.namespace.isEmpty { path += "/namespaces/\(request.namespace)" }
            path += "/\(request.resource)"
            if !request.name.isEmpty { path += "/\(request.name)" }
        }
        if !request.subresource.isEmpty { path += "/\(request.subresource)" }
        let method = ["get": "GET", "list": "GET", "watch": "GET", "create": "POST", "update": "PUT", "patch": "PATCH",
                      "delete": "DELETE", "deletecollection": "DELETE"][request.verb] ?? "GET"
        return (method, path + (request.verb == "watch" ? "?watch=true" : ""))
    }

    static func json(_ text: String) -> String { "\"" + text + "\"" }

    final class Recorder: ReplayObserver {
        var requests: [RequestAttributes] = []
        func replaying(_ request: ObservedRequest) { requests.append(request.attributes) }
        func emitted(_ event: ObservedEvent) {}
    }

    struct Lines: EventBatchSource {
        var batch: EventBatch?
        var inputs: [String] { ["mem"] }
        mutating func next() throws(InputError) -> EventBatch? { defer { batch = nil }; return batch }
    }

    @Test("issue 9: explain, test files, batch and replay reach the same decision for random requests", arguments: Array(UInt64(1)...40))
    func samePathSameDecision(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let builder = RequestBuilder(version: .latest)
        let resources = APICatalog.builtIn.served(in: .latest).filter { $0.origin == .kubernetes }
        for index in 0..<10 {
            let resource = Self.pick(resources, &random)
            let subresource = Self.pick([""] + resource.subresources, &random)
            let verbs = subresource.isEmpty ? resource.verbs : resource.verbs(ofSubresource: subresource)
            guard !verbs.isEmpty else { continue }
            let verb = Self.pick(verbs, &random)
            let collection = ["list", "watch", "deletecollection"].contains(verb) || verb == "create" && subresource.isEmpty
            let name = collection && subresource.isEmpty ? "" : Self.pick(["web-0", "team-a", "db"], &random)
            let namespace = Self.pick(["default", "kube-system"], &random)
            let identity = Self.pick(Self.identities, &random)
            let kubectl = KubectlRequest(verb: verb, resource: resource.qualifiedName + (subresource.isEmpty ? "" : "/\(subresource)"), name: name, namespace: namespace)
            let context = "seed \(seed) #\(index): \(verb) \(kubectl.resource) \(name) -n \(namespace)"

            // explain
            let explained = try builder.build(kubectl, user: identity.user)
            let expected = Self.policy.decide(explained)

            // a test file
            var fields = ["verb: \(verb)", "resource: \(kubectl.resource)", "namespace: \(namespace)"]
            if !name.isEmpty { fields.append("name: \(name)") }
            let identityFields = identity.testFileFields
            let testFile = "tests:\n  - name: t\n    request: {\(fields.joined(separator: ", "))\(identityFields.isEmpty ? "" : ", " + identityFields)}\n    expect: {level: None}\n"
            let fromTestFile = try PolicyTestSuite.parse(Array(testFile.utf8), fileName: "t.yaml").cases[0].request
            #expect(fromTestFile == explained, "\(context)")

            // batch: literal attributes, and METHOD URI
            let user = explained.user ?? UserInfo(name: "")
            let groups = "[" + user.groups.map(Self.json).joined(separator: ",") + "]"
            let literal = "{\"user\":\(Self.json(user.name)),\"groups\":\(groups),\"verb\":\(Self.json(explained.verb)),\"namespace\":\(Self.json(explained.namespace)),"
                + "\"apiGroup\":\(Self.json(explained.apiGroup)),\"apiVersion\":\(Self.json(explained.apiVersion)),\"resource\":\(Self.json(explained.resource)),"
                + "\"subresource\":\(Self.json(explained.subresource)),\"name\":\(Self.json(explained.name))}"
            #expect(Self.policy.decide(try BatchRequest.parse(Array(literal.utf8)).attributes) == expected, "\(context)")
            let (method, uri) = Self.uri(explained)
            let viaURI = "{\"user\":\(Self.json(user.name)),\"groups\":\(groups),\"method\":\(Self.json(method)),\"uri\":\(Self.json(uri))}"
            #expect(Self.policy.decide(try BatchRequest.parse(Array(viaURI.utf8)).attributes) == expected, "\(context): \(method) \(uri)")

            // replay of the recorded event
            let objectRef = "{\"resource\":\(Self.json(explained.resource)),\"namespace\":\(Self.json(explained.namespace)),\"name\":\(Self.json(explained.name)),"
                + "\"apiGroup\":\(Self.json(explained.apiGroup)),\"apiVersion\":\(Self.json(explained.apiVersion))"
                + (explained.subresource.isEmpty ? "" : ",\"subresource\":\(Self.json(explained.subresource))") + "}"
            let event = "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\",\"auditID\":\"a\",\"stage\":\"ResponseComplete\","
                + "\"requestURI\":\(Self.json(uri)),\"verb\":\(Self.json(explained.verb)),\"user\":{\"username\":\(Self.json(user.name)),\"groups\":\(groups)},"
                + "\"objectRef\":\(objectRef),\"responseStatus\":{\"metadata\":{},\"code\":200},"
                + "\"requestReceivedTimestamp\":\"2024-05-01T12:00:00.000000Z\",\"stageTimestamp\":\"2024-05-01T12:00:00.000001Z\"}"
            let storage = Array(event.utf8)
            let recorder = Recorder()
            _ = try ReplayEngine(policies: [ReplayPolicy(name: "p", policy: Self.policy)], options: ReplayOptions(scanThreads: 0))
                .run(Lines(batch: EventBatch(source: "t.jsonl", storage: storage, records: [EventRecord(range: 0..<storage.count, line: 1)])), observer: recorder)
            #expect(recorder.requests.count == 1, "\(context)")
            #expect(recorder.requests.first.map(Self.policy.decide) == expected, "\(context): replayed as \(recorder.requests.first.map { RequestDescription.text($0) } ?? "nothing")")
        }
    }
}
