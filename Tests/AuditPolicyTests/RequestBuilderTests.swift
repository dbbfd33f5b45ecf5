import Testing
@testable import AuditPolicy

/// Issue 9, "one request builder": identities, catalog checks and the kubectl form.
@Suite("Request builder")
struct RequestBuilderTests {
    static let builder = RequestBuilder(version: .latest)

    struct IdentityCase: Sendable, CustomStringConvertible {
        var user: String
        var groups: [String]
        var expected: [String]
        var description: String { "\(user) \(groups)" }
    }

    /// Impersonation (k8s.io/apiserver `WithImpersonation`) completes the named identity.
    @Test("issue 9: service-account identities get system:serviceaccounts and system:serviceaccounts:NS", arguments: [
        IdentityCase(user: "system:serviceaccount:kube-system:foo", groups: [],
                     expected: ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"]),
        // Groups named explicitly replace the service-account groups, as impersonation does.
        IdentityCase(user: "system:serviceaccount:kube-system:foo", groups: ["dev"], expected: ["dev", "system:authenticated"]),
        // Not a valid service-account name (SplitUsername): no service-account groups.
        IdentityCase(user: "system:serviceaccount:kube-system", groups: [], expected: ["system:authenticated"]),
        IdentityCase(user: "system:serviceaccount:Kube_System:foo", groups: [], expected: ["system:authenticated"]),
        IdentityCase(user: "system:serviceaccount:a:b:c", groups: [], expected: ["system:authenticated"]),
        IdentityCase(user: "alice", groups: [], expected: ["system:authenticated"]),
        IdentityCase(user: "alice", groups: ["system:authenticated", "dev"], expected: ["system:authenticated", "dev"]),
        IdentityCase(user: "alice", groups: ["system:unauthenticated"], expected: ["system:unauthenticated"]),
        IdentityCase(user: "system:anonymous", groups: [], expected: ["system:unauthenticated"]),
        IdentityCase(user: "system:node:ip-1", groups: ["system:nodes"], expected: ["system:nodes", "system:authenticated"]),
    ])
    func impersonatedIdentity(_ testCase: IdentityCase) {
        #expect(RequestIdentity.authenticated(testCase.user, groups: testCase.groups).groups == testCase.expected)
    }

    @Test("issue 9: --as-sa NS:NAME and --as-node NAME")
    func serviceAccountAndNode() {
        #expect(RequestIdentity.serviceAccount(namespace: "kube-system", name: "coredns")
            == UserInfo(name: "system:serviceaccount:kube-system:coredns",
                        groups: ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"]))
        #expect(RequestIdentity.node("ip-10-0-1-5") == UserInfo(name: "system:node:ip-10-0-1-5", groups: ["system:nodes", "system:authenticated"]))
        #expect(RequestIdentity.serviceAccountReference("kube-system:coredns")?.name == "coredns")
        for bad in ["kube-system", "kube-system:", ":x", "a:b:c", "Kube:x", "a.b:x"] {
            #expect(RequestIdentity.serviceAccountReference(bad) == nil, "\(bad)")
        }
    }

    struct RefusalCase: Sendable, CustomStringConvertible {
        var words: [String]
        var apiGroup: String?
        var message: String
        var description: String { words.joined(separator: " ") }
    }

    @Test("issue 9: unknown resources, subresources and verbs are errors with a did-you-mean", arguments: [
        RefusalCase(words: ["get", "secerts"], message: "unknown resource \"secerts\" in kube-apiserver 1.36: did you mean secrets?"),
        RefusalCase(words: ["frobnicate", "pods"], message: "unknown verb \"frobnicate\""),
        RefusalCase(words: ["gett", "pods", "web-0"], message: "did you mean get?"),
        RefusalCase(words: ["DELETECOLLECTION", "/metrics"], message: "unknown HTTP method \"DELETECOLLECTION\""),
        RefusalCase(words: ["get", "serviceaccounts/token", "app"], message: "kube-apiserver serves no get of serviceaccounts/token"),
        RefusalCase(words: ["get", "configmaps/status", "app"], message: "unknown subresource \"status\" of configmaps"),
        RefusalCase(words: ["get", "pods/exex", "web-0"], message: "did you mean exec?"),
        RefusalCase(words: ["get", "tokenreviews"], message: "kube-apiserver serves no list of tokenreviews.authentication.k8s.io"),
        RefusalCase(words: ["impersonate", "pods", "web-0"], message: "is never a request's verb"),
        RefusalCase(words: ["get", "deploymnets", "web"], apiGroup: "apps", message: "did you mean deployments?"),
        RefusalCase(words: ["get", "pods/status"], message: "needs the object's NAME"),
        RefusalCase(words: ["create", "pods", "web-0"], message: "has no name when the policy is evaluated"),
        RefusalCase(words: ["get", "podsecuritypolicies"], message: "removed in Kubernetes 1.25"),
    ])
    func refusals(_ testCase: RefusalCase) {
        let options = KubectlRequest(verb: "", resource: "", apiGroup: testCase.apiGroup)
        #expect(throws: RequestInputError.self) { try Self.builder.build(words: testCase.words, options: options, user: nil) }
        do {
            _ = try Self.builder.build(words: testCase.words, options: options, user: nil)
        } catch {
            #expect(error.message.contains(testCase.message), "\(error.message)")
        }
    }

    @Test("issue 15: explain \"\" \"\" and explain GET % are input errors", arguments: [["", ""], ["GET", "%"], ["get"], ["a", "b", "c", "d"], ["get", "pods/"], ["get", "/x"]])
    func emptyAndMalformed(_ words: [String]) {
        #expect(throws: RequestInputError.self) { try Self.builder.build(words: words, options: KubectlRequest(verb: "", resource: ""), user: nil) }
    }

    @Test("issue 9: custom resources outside the catalog and --allow-unknown are accepted as given")
    func customAndUnknown() throws {
        let crd = try Self.builder.build(KubectlRequest(verb: "get", resource: "crontabs", name: "c", apiGroup: "stable.example.com"), user: nil)
        #expect(crd.apiGroup == "stable.example.com" && crd.resource == "crontabs" && crd.namespace == "default")
        let dotted = try Self.builder.build(KubectlRequest(verb: "get", resource: "crontabs.stable.example.com/status", name: "c"), user: nil)
        #expect(dotted.apiGroup == "stable.example.com" && dotted.subresource == "status")
        let loose = RequestBuilder(version: .latest, allowsUnknown: true)
        let anything = try loose.build(words: ["frobnicate", "secerts", "x"], options: KubectlRequest(verb: "", resource: ""), user: nil)
        #expect(anything.verb == "frobnicate" && anything.resource == "secerts")
        #expect(try loose.build(words: ["DELETECOLLECTION", "/metrics"], options: KubectlRequest(verb: "", resource: ""), user: nil).verb == "deletecollection")
    }

    struct FormCase: Sendable, CustomStringConvertible {
        var request: KubectlRequest
        var verb: String, namespace: String, group: String, resource: String
        var description: String { "\(request.verb) \(request.resource) \(request.name)" }
    }

    @Test("kubectl form: get without a name lists, scope from the catalog, namespaces are their own namespace", arguments: [
        FormCase(request: KubectlRequest(verb: "get", resource: "po"), verb: "list", namespace: "default", group: "", resource: "pods"),
        FormCase(request: KubectlRequest(verb: "get", resource: "pods", allNamespaces: true), verb: "list", namespace: "", group: "", resource: "pods"),
        FormCase(request: KubectlRequest(verb: "get", resource: "nodes", name: "n", namespace: "x"), verb: "get", namespace: "", group: "", resource: "nodes"),
        FormCase(request: KubectlRequest(verb: "delete", resource: "ns", name: "team-a"), verb: "delete", namespace: "team-a", group: "", resource: "namespaces"),
        FormCase(request: KubectlRequest(verb: "patch", resource: "deployments.apps/scale", name: "web", namespace: "prod"), verb: "patch", namespace: "prod", group: "apps", resource: "deployments"),
        FormCase(request: KubectlRequest(verb: "proxy", resource: "services", name: "web"), verb: "proxy", namespace: "default", group: "", resource: "services"),
    ])
    func kubectlForm(_ testCase: FormCase) throws {
        let built = try Self.builder.build(testCase.request, user: nil)
        #expect([built.verb, built.namespace, built.apiGroup, built.resource] == [testCase.verb, testCase.namespace, testCase.group, testCase.resource])
    }
}
