import AuditPolicy
import Testing
@testable import AuditAnalysis

/// Issue 9: test files build requests with the shared builder, and example requests are ones
/// kube-apiserver serves.
@Suite("Request realism")
struct RequestRealismTests {
    @Test("issue 9: a test file's service account is in system:serviceaccounts:NS (failed before: Metadata)")
    func serviceAccountGroupsInTestFiles() throws {
        let loaded = PolicyReader.read(PolicySource(name: "p.yaml", text: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            userGroups: ["system:serviceaccounts:kube-system"]
          - level: Metadata
        """))
        let policy = try loaded.compile()
        let suite = try PolicyTestSuite.parse(Array("""
        tests:
          - name: kube-system service accounts are not logged
            user: system:serviceaccount:kube-system:foo
            request: {verb: get, resource: pods, name: web-0, namespace: kube-system}
            expect: {level: None}
          - name: other service accounts are
            request: {verb: list, resource: secrets, user: "system:serviceaccount:default:app"}
            expect: {level: Metadata}
        """.utf8), fileName: "t.yaml")
        let results = PolicyTestRunner(policy: policy, ruleNames: RuleNames(policy: try #require(loaded.policy), source: loaded.source)).run(suite)
        #expect(results.map(\.passed) == [true, true])
        #expect(suite.cases[0].request.user?.groups == ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"])
    }

    @Test("issue 9: a test file naming an unknown resource or verb is an error at its line, with a did-you-mean", arguments: [
        ("request: {verb: get, resource: secerts, name: x}", "did you mean secrets?"),
        ("request: {verb: gett, resource: pods, name: x}", "did you mean get?"),
        ("request: DELETECOLLECTION /metrics", "unknown HTTP method"),
        ("request: {method: GET, uri: \"/api/v1/namespaces/d/configmaps/c/status\"}", "unknown subresource \"status\" of configmaps"),
    ])
    func unknownNamesInTestFiles(_ request: String, _ message: String) {
        let text = "tests:\n  - name: a\n    \(request)\n    expect: {level: None}\n"
        do {
            _ = try PolicyTestSuite.parse(Array(text.utf8), fileName: "t.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.location?.line == 3)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    /// Whether kube-apiserver serves the request's verb and subresource for its resource (catalog
    /// resources only), and whether a non-resource request's verb is an HTTP method.
    static func isServed(_ request: RequestAttributes) -> Bool {
        guard request.isResourceRequest else { return RequestVerbs.nonResourceVerbs.contains(request.verb) }
        guard let resource = APICatalog.builtIn.served(in: .latest).first(where: { $0.group == request.apiGroup && $0.name == request.resource }) else {
            // Outside the catalog: only a custom resource of a group the catalog does not serve, with a CRD's subresources.
            return !APICatalog.builtIn.groups(in: .latest).contains(request.apiGroup) && ["", "status", "scale"].contains(request.subresource)
        }
        if request.subresource.isEmpty { return resource.verbs.contains(request.verb) || request.verb == "proxy" }
        return resource.verbs(ofSubresource: request.subresource).contains(request.verb)
    }

    /// Served requests of the class that differ from the witness only in verb, group, resource and subresource.
    static func servedAlternative(in requests: RequestClass, like witness: RequestAttributes) -> RequestAttributes? {
        if !witness.isResourceRequest {
            return RequestVerbs.nonResourceVerbs.lazy.map { verb in var other = witness; other.verb = verb; return other }.first(where: requests.contains)
        }
        for resource in APICatalog.builtIn.served(in: .latest) {
            for subresource in [""] + resource.subresources {
                for verb in subresource.isEmpty ? resource.verbs : resource.verbs(ofSubresource: subresource) {
                    var other = witness
                    (other.verb, other.apiGroup, other.apiVersion, other.resource, other.subresource) = (verb, resource.group, resource.version, resource.name, subresource)
                    let collection = ["list", "watch", "deletecollection"].contains(verb) || verb == "create" && subresource.isEmpty
                    for name in collection ? [""] : [witness.name.isEmpty ? "example" : witness.name] {
                        other.name = name
                        if requests.contains(other) { return other }
                    }
                }
            }
        }
        return nil
    }

    @Test("issue 9: every example request is one kube-apiserver serves, whenever its class holds one", arguments: Array(UInt64(1)...120))
    func witnessesAreServed(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let policy = RandomPolicies.policy(&random)
        let map = PolicyMap(policy: policy)
        for entry in map.entries where !Self.isServed(entry.requests.witness) {
            let alternative = Self.servedAlternative(in: entry.requests, like: entry.requests.witness)
            #expect(alternative == nil, "seed \(seed): \(RequestDescription.text(entry.requests.witness)) in \(entry.requests.description.text); served: \(alternative.map { RequestDescription.text($0) } ?? "")")
        }
    }
}
