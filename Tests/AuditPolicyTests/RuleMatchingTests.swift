import Testing
@testable import AuditPolicy

/// Every branch of kube-apiserver's rule matching (`pkg/audit/policy/checker.go`, `ruleMatches`,
/// `ruleMatchesResource`, `ruleMatchesNonResource`, `pathMatches`), one case per behaviour.
struct RuleMatchingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var pins: String
        var rule: CompiledRule
        var request: RequestAttributes
        var matches: Bool
        var testDescription: String { pins }
    }

    static let alice = UserInfo(name: "alice", groups: ["dev", "system:authenticated"])

    static func resource(
        _ verb: String, _ resource: String, sub: String = "", group: String = "", namespace: String = "default",
        name: String = "", user: UserInfo? = alice
    ) -> RequestAttributes {
        RequestAttributes(user: user, verb: verb, namespace: namespace, apiGroup: group, apiVersion: "v1",
                          resource: resource, subresource: sub, name: name, path: "/x", isResourceRequest: true)
    }

    static func nonResource(_ verb: String, _ path: String, user: UserInfo? = alice) -> RequestAttributes {
        RequestAttributes(user: user, verb: verb, path: path, isResourceRequest: false)
    }

    static func entry(_ group: String, _ resources: [String] = [], names: [String] = []) -> CompiledGroupResources {
        CompiledGroupResources(group: group, resources: resources, resourceNames: names)
    }

    static let cases: [Case] = [
        // ruleMatches: users / userGroups / verbs
        Case(pins: "a rule with no selectors matches every request", rule: CompiledRule(level: .metadata), request: resource("get", "pods"), matches: true),
        Case(pins: "a rule with no selectors matches a request without a user", rule: CompiledRule(level: .metadata), request: nonResource("get", "/healthz", user: nil), matches: true),
        Case(pins: "users: the user's name must be listed", rule: CompiledRule(level: .metadata, users: ["alice"]), request: resource("get", "pods"), matches: true),
        Case(pins: "users: another name does not match", rule: CompiledRule(level: .metadata, users: ["bob"]), request: resource("get", "pods"), matches: false),
        Case(pins: "users: a request without a user never matches", rule: CompiledRule(level: .metadata, users: [""]), request: resource("get", "pods", user: nil), matches: false),
        Case(pins: "users: an empty name listed matches a user with an empty name", rule: CompiledRule(level: .metadata, users: [""]), request: resource("get", "pods", user: UserInfo(name: "")), matches: true),
        Case(pins: "users: names compare byte for byte (no case folding)", rule: CompiledRule(level: .metadata, users: ["Alice"]), request: resource("get", "pods"), matches: false),
        Case(pins: "users: names compare byte for byte (no Unicode normalization)", rule: CompiledRule(level: .metadata, users: ["caf\u{E9}"]), request: resource("get", "pods", user: UserInfo(name: "cafe\u{301}")), matches: false),
        Case(pins: "userGroups: any one group listed matches", rule: CompiledRule(level: .metadata, userGroups: ["ops", "dev"]), request: resource("get", "pods"), matches: true),
        Case(pins: "userGroups: no group in common", rule: CompiledRule(level: .metadata, userGroups: ["ops"]), request: resource("get", "pods"), matches: false),
        Case(pins: "userGroups: a request without a user never matches", rule: CompiledRule(level: .metadata, userGroups: ["system:unauthenticated"]), request: resource("get", "pods", user: nil), matches: false),
        Case(pins: "users and userGroups must both hold", rule: CompiledRule(level: .metadata, users: ["alice"], userGroups: ["ops"]), request: resource("get", "pods"), matches: false),
        Case(pins: "verbs: exact match", rule: CompiledRule(level: .metadata, verbs: ["get"]), request: resource("get", "pods", name: "a"), matches: true),
        Case(pins: "verbs: case-sensitive", rule: CompiledRule(level: .metadata, verbs: ["GET"]), request: resource("get", "pods", name: "a"), matches: false),
        Case(pins: "verbs apply to non-resource requests too", rule: CompiledRule(level: .metadata, verbs: ["get"]), request: nonResource("post", "/healthz"), matches: false),
        // resource vs non-resource rules
        Case(pins: "namespaces make a resource rule, which never matches non-resource requests", rule: CompiledRule(level: .metadata, namespaces: [""]), request: nonResource("get", "/healthz"), matches: false),
        Case(pins: "resources make a resource rule, which never matches non-resource requests", rule: CompiledRule(level: .metadata, resources: [entry("")]), request: nonResource("get", "/api"), matches: false),
        Case(pins: "nonResourceURLs make a non-resource rule, which never matches resource requests", rule: CompiledRule(level: .metadata, nonResourceURLs: ["*"]), request: resource("get", "pods"), matches: false),
        Case(pins: "resources win over nonResourceURLs when both are set (the resource branch is taken first)", rule: CompiledRule(level: .metadata, resources: [entry("")], nonResourceURLs: ["/healthz"]), request: resource("get", "pods"), matches: true),
        // namespaces
        Case(pins: "namespaces: the request's namespace must be listed", rule: CompiledRule(level: .metadata, namespaces: ["kube-system"]), request: resource("get", "pods", namespace: "kube-system"), matches: true),
        Case(pins: "namespaces: another namespace does not match", rule: CompiledRule(level: .metadata, namespaces: ["kube-system"]), request: resource("get", "pods"), matches: false),
        Case(pins: "namespaces: \"\" selects cluster-scoped requests", rule: CompiledRule(level: .metadata, namespaces: [""]), request: resource("get", "nodes", namespace: ""), matches: true),
        Case(pins: "namespaces: \"*\" is not a wildcard", rule: CompiledRule(level: .metadata, namespaces: ["*"]), request: resource("get", "pods"), matches: false),
        Case(pins: "namespaces only: any resource in the namespace", rule: CompiledRule(level: .metadata, namespaces: ["default"]), request: resource("get", "anything", group: "x.io"), matches: true),
        // groups
        Case(pins: "group \"\" is the core group", rule: CompiledRule(level: .metadata, resources: [entry("")]), request: resource("get", "pods"), matches: true),
        Case(pins: "group \"\" does not match other groups", rule: CompiledRule(level: .metadata, resources: [entry("")]), request: resource("get", "deployments", group: "apps"), matches: false),
        Case(pins: "group with no resources matches every resource of the group", rule: CompiledRule(level: .metadata, resources: [entry("apps")]), request: resource("get", "deployments", sub: "scale", group: "apps"), matches: true),
        Case(pins: "group \"*\" matches every group (1.36)", rule: CompiledRule(level: .metadata, resources: [entry("*", ["deployments"])]), request: resource("get", "deployments", group: "apps"), matches: true),
        Case(pins: "any entry may match", rule: CompiledRule(level: .metadata, resources: [entry("apps", ["x"]), entry("", ["pods"])]), request: resource("get", "pods"), matches: true),
        // resources
        Case(pins: "resource matches without subresource", rule: CompiledRule(level: .metadata, resources: [entry("", ["pods"])]), request: resource("get", "pods"), matches: true),
        Case(pins: "plain resource does not match its subresources", rule: CompiledRule(level: .metadata, resources: [entry("", ["pods"])]), request: resource("create", "pods", sub: "exec"), matches: false),
        Case(pins: "resource/subresource matches exactly", rule: CompiledRule(level: .metadata, resources: [entry("", ["pods/exec"])]), request: resource("create", "pods", sub: "exec"), matches: true),
        Case(pins: "resource/subresource does not match the plain resource", rule: CompiledRule(level: .metadata, resources: [entry("", ["pods/exec"])]), request: resource("get", "pods"), matches: false),
        Case(pins: "* matches any resource", rule: CompiledRule(level: .metadata, resources: [entry("", ["*"])]), request: resource("get", "secrets"), matches: true),
        Case(pins: "* also matches subresources", rule: CompiledRule(level: .metadata, resources: [entry("", ["*"])]), request: resource("get", "pods", sub: "log"), matches: true),
        Case(pins: "*/sub matches that subresource of any resource", rule: CompiledRule(level: .metadata, resources: [entry("apps", ["*/scale"])]), request: resource("update", "deployments", sub: "scale", group: "apps"), matches: true),
        Case(pins: "*/sub does not match another subresource", rule: CompiledRule(level: .metadata, resources: [entry("apps", ["*/scale"])]), request: resource("update", "deployments", sub: "status", group: "apps"), matches: false),
        Case(pins: "*/sub does not match a request without subresource", rule: CompiledRule(level: .metadata, resources: [entry("", ["*/status"])]), request: resource("get", "pods"), matches: false),
        Case(pins: "res/* matches every subresource of res", rule: CompiledRule(level: .metadata, resources: [entry("", ["pods/*"])]), request: resource("get", "pods", sub: "log"), matches: true),
        Case(pins: "res/* also matches res itself", rule: CompiledRule(level: .metadata, resources: [entry("", ["pods/*"])]), request: resource("get", "pods"), matches: true),
        Case(pins: "res/* does not match another resource", rule: CompiledRule(level: .metadata, resources: [entry("", ["pods/*"])]), request: resource("get", "podtemplates"), matches: false),
        Case(pins: "*/* only matches a literal * resource", rule: CompiledRule(level: .metadata, resources: [entry("", ["*/*"])]), request: resource("get", "pods", sub: "log"), matches: false),
        Case(pins: "*/* matches resource \"*\" literally", rule: CompiledRule(level: .metadata, resources: [entry("", ["*/*"])]), request: resource("get", "*", sub: "x"), matches: true),
        Case(pins: "resource names compare byte for byte", rule: CompiledRule(level: .metadata, resources: [entry("", ["Pods"])]), request: resource("get", "pods"), matches: false),
        // resourceNames
        Case(pins: "resourceNames: a listed name matches", rule: CompiledRule(level: .metadata, resources: [entry("", ["configmaps"], names: ["aws-auth"])]), request: resource("update", "configmaps", namespace: "kube-system", name: "aws-auth"), matches: true),
        Case(pins: "resourceNames: another name does not match", rule: CompiledRule(level: .metadata, resources: [entry("", ["configmaps"], names: ["aws-auth"])]), request: resource("update", "configmaps", name: "other"), matches: false),
        Case(pins: "resourceNames: a create carries no name, so it never matches", rule: CompiledRule(level: .metadata, resources: [entry("", ["configmaps"], names: ["aws-auth"])]), request: resource("create", "configmaps", name: ""), matches: false),
        Case(pins: "resourceNames: a list has no name", rule: CompiledRule(level: .metadata, resources: [entry("", ["configmaps"], names: ["aws-auth"])]), request: resource("list", "configmaps"), matches: false),
        Case(pins: "resourceNames apply to subresource patterns too", rule: CompiledRule(level: .metadata, resources: [entry("", ["pods/*"], names: ["web"])]), request: resource("get", "pods", sub: "log", name: "web"), matches: true),
        Case(pins: "resourceNames \"\" matches a request without a name", rule: CompiledRule(level: .metadata, resources: [entry("", ["pods"], names: [""])]), request: resource("list", "pods"), matches: true),
        // non-resource URLs
        Case(pins: "nonResourceURLs: * matches every path", rule: CompiledRule(level: .metadata, nonResourceURLs: ["*"]), request: nonResource("get", "/anything"), matches: true),
        Case(pins: "nonResourceURLs: exact path", rule: CompiledRule(level: .metadata, nonResourceURLs: ["/version"]), request: nonResource("get", "/version"), matches: true),
        Case(pins: "nonResourceURLs: exact path does not match a longer one", rule: CompiledRule(level: .metadata, nonResourceURLs: ["/version"]), request: nonResource("get", "/version/"), matches: false),
        Case(pins: "nonResourceURLs: a trailing * is a prefix match", rule: CompiledRule(level: .metadata, nonResourceURLs: ["/healthz*"]), request: nonResource("get", "/healthz/etcd"), matches: true),
        Case(pins: "nonResourceURLs: /api* matches /apis/... (plain string prefix)", rule: CompiledRule(level: .metadata, nonResourceURLs: ["/api*"]), request: nonResource("get", "/apis/apps"), matches: true),
        Case(pins: "nonResourceURLs: /healthz/* does not match /healthz", rule: CompiledRule(level: .metadata, nonResourceURLs: ["/healthz/*"]), request: nonResource("get", "/healthz"), matches: false),
        Case(pins: "nonResourceURLs: every trailing * is trimmed (strings.TrimRight)", rule: CompiledRule(level: .metadata, nonResourceURLs: ["/a**"]), request: nonResource("get", "/ab"), matches: true),
        Case(pins: "nonResourceURLs: no wildcard in the middle", rule: CompiledRule(level: .metadata, nonResourceURLs: ["/a*b"]), request: nonResource("get", "/axb"), matches: false),
    ]

    @Test(arguments: cases)
    func matching(_ testCase: Case) {
        #expect(testCase.rule.matches(testCase.request) == testCase.matches)
        #expect((testCase.rule.firstMismatch(testCase.request) == nil) == testCase.matches)
    }

    @Test("group \"*\" is literal before 1.36 (checker.go gained the wildcard in 1.36)")
    func wildcardGroupBefore136() {
        let rule = CompiledRule(level: .metadata, resources: [Self.entry("*")])
        #expect(rule.matches(Self.resource("get", "deployments", group: "apps"), wildcardGroup: false) == false)
        #expect(rule.matches(Self.resource("get", "things", group: "*"), wildcardGroup: false) == true)
    }

    @Test("the first reason given is the first check kube-apiserver makes")
    func mismatchOrder() {
        let rule = CompiledRule(level: .metadata, users: ["bob"], verbs: ["list"], namespaces: ["x"])
        #expect(rule.firstMismatch(Self.resource("get", "pods")) == .user("alice"))
        let noUsers = CompiledRule(level: .metadata, verbs: ["list"], namespaces: ["x"])
        #expect(noUsers.firstMismatch(Self.resource("get", "pods")) == .verb("get"))
        #expect(noUsers.firstMismatch(Self.resource("list", "pods")) == .namespace("default"))
    }
}
