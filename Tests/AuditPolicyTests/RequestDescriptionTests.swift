import Testing
import AuditPolicy

/// Issue 9, "one request printer".
@Suite("Request description")
struct RequestDescriptionTests {
    static let alice = UserInfo(name: "alice", groups: ["dev", "system:authenticated"])

    @Test("issue 9: one kubectl-like line; all namespaces or cluster-scoped from the catalog", arguments: [
        (RequestAttributes(user: alice, verb: "get", namespace: "default", resource: "secrets", name: "db", isResourceRequest: true),
         "get secrets db -n default as alice (groups: dev, system:authenticated)"),
        (RequestAttributes(user: alice, verb: "list", apiGroup: "apps", resource: "deployments", isResourceRequest: true),
         "list deployments.apps (all namespaces) as alice (groups: dev, system:authenticated)"),
        (RequestAttributes(user: UserInfo(name: "n"), verb: "patch", resource: "nodes", subresource: "status", name: "ip-1", isResourceRequest: true),
         "patch nodes/status ip-1 (cluster-scoped) as n (no groups)"),
        (RequestAttributes(verb: "get", namespace: "team-a", resource: "namespaces", name: "team-a", isResourceRequest: true),
         "get namespaces team-a with no user (failed authentication)"),
        (RequestAttributes(verb: "list", apiGroup: "stable.example.com", resource: "crontabs", isResourceRequest: true),
         "list crontabs.stable.example.com (no namespace) with no user (failed authentication)"),
        (RequestAttributes(user: alice, verb: "get", path: "/healthz", isResourceRequest: false),
         "GET /healthz as alice (groups: dev, system:authenticated)"),
    ])
    func oneLine(_ request: RequestAttributes, _ expected: String) {
        #expect(RequestDescription.text(request) == expected)
    }

    @Test("issue 15: strings from input are escaped for the terminal")
    func escaped() {
        let request = RequestAttributes(user: UserInfo(name: "a\u{1B}[31m"), verb: "get", namespace: "d\n", resource: "secrets", name: "x\u{202E}", isResourceRequest: true)
        let text = RequestDescription.text(request)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0A || $0.value == 0x202E })
        #expect(text == #"get secrets x\u202e -n d\n as a\x1b[31m (no groups)"#)
    }
}
