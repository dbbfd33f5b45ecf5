import AuditLint
import AuditPolicy
import Testing

/// What single checks say about specific values, each case naming the kube-apiserver behaviour it
/// rests on. Policies get a `- level: Metadata` catch-all appended unless they have rules after it.
struct CheckBehaviourTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var what: String
        var rules: String
        var id: String
        /// Text the finding's message or help must contain; `nil` means the check must stay silent.
        var expected: String?
        var severity: Diagnostic.Severity? = nil
        var version: Int? = nil
        var testDescription: String { what }
    }

    static func policy(_ rules: String) -> String {
        "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [\"RequestReceived\"]\nrules:\n" + rules + "\n  - level: Metadata\n"
    }

    static let cases: [Case] = [
        // requestinfo.go NewRequestInfo: verbs come from the method; compared exactly (checker.go hasString).
        Case(what: "upper-case verb", rules: "  - level: None\n    verbs: [GET]", id: "AP201", expected: "write `get`"),
        Case(what: "read is not a verb", rules: "  - level: None\n    verbs: [read]", id: "AP201", expected: "`get`, `list`, `watch`"),
        Case(what: "bind is an RBAC check", rules: "  - level: None\n    verbs: [bind]", id: "AP201", expected: "create`, `update` and `patch` on roles"),
        Case(what: "impersonate is never a request's verb", rules: "  - level: None\n    verbs: [impersonate]", id: "AP201", expected: "impersonatedUser"),
        Case(what: "post on a resource rule", rules: "  - level: None\n    verbs: [post]\n    resources: [{group: \"\"}]", id: "AP201", expected: "write `create`"),
        Case(what: "post on a non-resource rule is fine", rules: "  - level: None\n    verbs: [post]\n    nonResourceURLs: [\"/api\"]", id: "AP201", expected: nil),
        Case(what: "list on a non-resource rule", rules: "  - level: None\n    verbs: [list]\n    nonResourceURLs: [\"/api\"]", id: "AP201", expected: "write `get`"),
        Case(what: "exec is a subresource", rules: "  - level: None\n    verbs: [exec]", id: "AP201", expected: "pods/exec"),
        // checker.go hasString: no wildcards in users, groups, verbs, namespaces, names.
        Case(what: "verbs *", rules: "  - level: None\n    verbs: [\"*\"]", id: "AP105", expected: "leave `verbs` out"),
        Case(what: "namespace glob", rules: "  - level: None\n    namespaces: [\"kube-*\"]", id: "AP105", expected: "compares namespaces exactly"),
        // Groups: exact; core is "".
        Case(what: "group with version", rules: "  - level: None\n    resources: [{group: \"apps/v1\"}]", id: "AP104", expected: "write `group: \"apps\"`"),
        Case(what: "group v1", rules: "  - level: None\n    resources: [{group: \"v1\"}]", id: "AP104", expected: "core group"),
        Case(what: "group core", rules: "  - level: None\n    resources: [{group: core}]", id: "AP104", expected: "write `group: \"\"`"),
        Case(what: "short group name", rules: "  - level: None\n    resources: [{group: rbac}]", id: "AP203", expected: "rbac.authorization.k8s.io", severity: .error),
        Case(what: "unknown group may be a CRD", rules: "  - level: None\n    resources: [{group: widgets.example.com}]", id: "AP203", expected: "customResources", severity: .warning),
        Case(what: "platform model group is known", rules: "  - level: None\n    resources: [{group: cert-manager.io}]", id: "AP203", expected: nil),
        Case(what: "add-on group is known", rules: "  - level: None\n    resources: [{group: metrics.k8s.io}]", id: "AP203", expected: nil),
        Case(what: "removed group", rules: "  - level: None\n    resources: [{group: extensions}]", id: "AP204", expected: "not served since Kubernetes 1.22", severity: .warning),
        // Resources: exact names in the entry's group.
        Case(what: "deployments in core", rules: "  - level: None\n    resources: [{group: \"\", resources: [deployments]}]", id: "AP205", expected: "group: \"apps\""),
        Case(what: "short name", rules: "  - level: None\n    resources: [{group: \"\", resources: [po]}]", id: "AP205", expected: "write `pods`"),
        Case(what: "misspelled resource", rules: "  - level: None\n    resources: [{group: \"\", resources: [configmap]}]", id: "AP205", expected: "write `configmaps`"),
        Case(what: "unknown add-on resource is a warning", rules: "  - level: None\n    resources: [{group: metrics.k8s.io, resources: [services]}]", id: "AP205", expected: "has no resource", severity: .warning),
        Case(what: "removed resource", rules: "  - level: None\n    resources: [{group: policy, resources: [podsecuritypolicies]}]", id: "AP206", expected: "not served since Kubernetes 1.25"),
        Case(what: "removed resource still served in 1.24", rules: "  - level: None\n    resources: [{group: policy, resources: [podsecuritypolicies]}]", id: "AP206", expected: nil, version: 24),
        Case(what: "misspelled subresource", rules: "  - level: None\n    resources: [{group: \"\", resources: [pods/logs]}]", id: "AP207", expected: "write `pods/log`"),
        Case(what: "*/scale exists in apps", rules: "  - level: None\n    resources: [{group: apps, resources: [\"*/scale\"]}]", id: "AP207", expected: nil),
        Case(what: "*/exec does not exist in apps", rules: "  - level: None\n    resources: [{group: apps, resources: [\"*/exec\"]}]", id: "AP207", expected: "no resource of group \"apps\""),
        // checker.go ruleMatchesResource: cluster-scoped requests have namespace "".
        Case(what: "namespaces on cluster-scoped", rules: "  - level: None\n    namespaces: [kube-system]\n    resources: [{group: \"\", resources: [nodes]}]", id: "AP208", expected: "never matches", severity: .error),
        Case(what: "namespaces resource carries its own name", rules: "  - level: None\n    namespaces: [kube-system]\n    resources: [{group: \"\", resources: [namespaces]}]", id: "AP208", expected: nil),
        Case(what: "mixed scopes", rules: "  - level: None\n    namespaces: [kube-system]\n    resources: [{group: \"\", resources: [pods, nodes]}]", id: "AP208", expected: "nodes", severity: .warning),
        // requestinfo.go: /api/VERSION/RESOURCE is a resource request.
        Case(what: "resource path as URL", rules: "  - level: None\n    nonResourceURLs: [\"/api/v1/pods*\"]", id: "AP210", expected: "resource requests"),
        Case(what: "discovery prefix is fine", rules: "  - level: None\n    nonResourceURLs: [\"/apis/*\"]", id: "AP210", expected: nil),
        Case(what: "/api/v1/* reaches only resources and one document", rules: "  - level: None\n    nonResourceURLs: [\"/api/v1/*\"]", id: "AP210", expected: "resource requests"),
        Case(what: "misspelled health path", rules: "  - level: None\n    nonResourceURLs: [\"/healtz\"]", id: "AP209", expected: "/healthz"),
        // requestinfo.go: a create has no name.
        Case(what: "resourceNames with create", rules: "  - level: None\n    verbs: [create, update]\n    resources: [{group: \"\", resources: [configmaps], resourceNames: [x]}]", id: "AP211", expected: "no object name"),
        // Identities.
        Case(what: "group in users", rules: "  - level: None\n    users: [\"system:masters\"]", id: "AP301", expected: "move it to `userGroups`"),
        Case(what: "namespace SA group in users", rules: "  - level: None\n    users: [\"system:serviceaccounts:kube-system\"]", id: "AP301", expected: "userGroups"),
        Case(what: "SA user in groups", rules: "  - level: None\n    userGroups: [\"system:serviceaccount:kube-system:coredns\"]", id: "AP302", expected: "move it to `users`"),
        Case(what: "singular SA namespace in groups", rules: "  - level: None\n    userGroups: [\"system:serviceaccount:kube-system\"]", id: "AP302", expected: "system:serviceaccounts:kube-system"),
        Case(what: "kubernetes-admin in groups", rules: "  - level: None\n    userGroups: [kubernetes-admin]", id: "AP302", expected: "user name"),
        Case(what: "SA user without name", rules: "  - level: None\n    users: [\"system:serviceaccount:kube-system\"]", id: "AP303", expected: "system:serviceaccounts:kube-system"),
        Case(what: "plural SA user", rules: "  - level: None\n    users: [\"system:serviceaccounts:kube-system:coredns\"]", id: "AP303", expected: "system:serviceaccount:kube-system:coredns"),
        Case(what: "plural SA user is not called a group", rules: "  - level: None\n    users: [\"system:serviceaccounts:kube-system:coredns\"]", id: "AP301", expected: nil),
        // Loader: unknown fields are dropped (reader.go lenient decode).
        Case(what: "resource instead of resources", rules: "  - level: RequestResponse\n    resource: [{group: \"\"}]", id: "AP101", expected: "matches every request"),
        Case(what: "Verbs capitalised", rules: "  - level: None\n    Verbs: [get]", id: "AP101", expected: "matches every verb"),
        Case(what: "verbs indented into an entry", rules: "  - level: None\n    resources:\n      - group: coordination.k8s.io\n        resources: [leases]\n        verbs: [watch]", id: "AP101", expected: "outdent `verbs`"),
        Case(what: "resourceName singular", rules: "  - level: None\n    resources: [{group: \"\", resources: [configmaps], resourceName: [x]}]", id: "AP101", expected: "every object"),
        Case(what: "harmless unknown field", rules: "  - level: None\n    description: noise", id: "AP010", expected: "use a YAML comment"),
        // validation.go validateLevel / validateOmitStages.
        Case(what: "level lower case", rules: "  - level: metadata", id: "AP102", expected: "write `level: Metadata`"),
        Case(what: "level misspelled", rules: "  - level: RequestReponse", id: "AP102", expected: "write `level: RequestResponse`"),
        Case(what: "stage misspelled", rules: "  - level: None\n    omitStages: [ResponseCompleted]", id: "AP103", expected: "write `ResponseComplete`"),
        Case(what: "the generic error is replaced", rules: "  - level: metadata", id: "AP004", expected: nil),
        // Rule order.
        Case(what: "shadowed with another level", rules: "  - level: None\n    resources: [{group: \"\"}]\n  - level: Metadata\n    resources: [{group: \"\", resources: [secrets]}]", id: "AP401", expected: "never applies", severity: .error),
        Case(what: "shadowed with the same outcome", rules: "  - level: None\n    resources: [{group: \"\"}]\n  - level: None\n    resources: [{group: \"\", resources: [secrets]}]", id: "AP401", expected: "dead code", severity: .warning),
        // Volume and sensitive data.
        Case(what: "RequestResponse on reads", rules: "  - level: RequestResponse\n    resources: [{group: apps}]", id: "AP502", expected: "get and list"),
        Case(what: "RequestResponse on writes only", rules: "  - level: RequestResponse\n    verbs: [create, update, patch]\n    resources: [{group: apps}]", id: "AP502", expected: nil),
        Case(what: "core group at Request logs secret writes", rules: "  - level: Request\n    resources: [{group: \"\"}]", id: "AP601", expected: "create, update or patch secrets"),
        Case(what: "secrets caught earlier", rules: "  - level: Metadata\n    resources: [{group: \"\", resources: [secrets]}]\n  - level: RequestResponse\n    resources: [{group: \"\"}]", id: "AP601", expected: nil),
        Case(what: "token requests at RequestResponse", rules: "  - level: RequestResponse\n    resources: [{group: \"\", resources: [serviceaccounts/token]}]", id: "AP602", expected: "service account token"),
        Case(what: "token requests at Request are fine", rules: "  - level: Request\n    resources: [{group: \"\", resources: [serviceaccounts/token]}]", id: "AP602", expected: nil),
        Case(what: "wildcard group logs secrets from 1.36", rules: "  - level: RequestResponse\n    resources: [{group: \"*\"}]", id: "AP601", expected: "secrets"),
    ]

    @Test("check behaviour", arguments: cases)
    func behaviour(_ check: Case) throws {
        let result = try LintTestSupport.lint(Self.policy(check.rules), version: check.version.map { KubernetesVersion(minor: $0) })
        let own = result.findings.filter { $0.code == check.id }
        guard let expected = check.expected else {
            #expect(own.isEmpty, "\(check.id) reported: \(own.map(\.message))")
            return
        }
        let matching = own.filter { ($0.message + " " + ($0.help ?? "")).contains(expected) }
        #expect(!matching.isEmpty, "\(check.id) did not say '\(expected)'; got \(own.map { $0.message + " | " + ($0.help ?? "") })")
        if let severity = check.severity { #expect(matching.allSatisfy { $0.severity == severity }) }
    }

    @Test("a file without apiVersion is refused (AP003) and its rules are still checked")
    func missingAPIVersion() throws {
        let result = try LintTestSupport.lint("rules:\n  - level: None\n    resources: [{group: \"apps/v1beta1\"}]\n  - level: Metadata\n")
        #expect(result.findings.contains { $0.code == "AP003" && $0.severity == .error })
        #expect(result.findings.contains { $0.code == "AP104" && $0.location == SourceLocation(line: 3, column: 25) })
        #expect(!result.isAccepted)
    }

    @Test("a policy that is not a policy at all does not crash")
    func garbage() throws {
        for text in ["", "[]", "42", "rules: 7", "rules: [7]", "{", "apiVersion: audit.k8s.io/v1\nrules:\n  - resources: [{group: [x]}]\n"] {
            let result = try LintTestSupport.lint(text)
            #expect(!result.findings.isEmpty)
            #expect(!result.isAccepted)
        }
    }
}
