import AuditPolicy
import Testing
@testable import AuditAnalysis

/// Table-driven cases for patterns where a request-space engine is easy to get wrong. Each case
/// states the upstream behaviour it pins (`pkg/audit/policy/checker.go`); the expected match is
/// written from upstream's code, and both the engine and the evaluator must agree with it.
struct TrickyPatternTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var pins: String
        var rule: CompiledRule
        var request: RequestAttributes
        var minor: Int = 36
        var matches: Bool
        var testDescription: String { pins }
    }

    static let alice = UserInfo(name: "alice", groups: ["dev", "system:authenticated"])

    static func resource(_ verb: String, _ resource: String, sub: String = "", group: String = "", namespace: String = "default", name: String = "", user: UserInfo? = alice) -> RequestAttributes {
        RequestAttributes(user: user, verb: verb, namespace: namespace, apiGroup: group, apiVersion: "v1", resource: resource,
                          subresource: sub, name: name, path: "/x", isResourceRequest: true)
    }

    static func path(_ path: String, user: UserInfo? = alice) -> RequestAttributes {
        RequestAttributes(user: user, verb: "get", path: path, isResourceRequest: false)
    }

    static func rule(_ group: String, _ resources: [String], names: [String] = [], verbs: [String] = []) -> CompiledRule {
        CompiledRule(level: .request, verbs: verbs, resources: [CompiledGroupResources(group: group, resources: resources, resourceNames: names)])
    }

    static let cases: [Case] = [
        Case(pins: "*/* does not match a resource without a subresource", rule: rule("", ["*/*"]), request: resource("get", "pods", name: "a"), matches: false),
        Case(pins: "*/* matches any resource whose subresource is the literal *", rule: rule("", ["*/*"]), request: resource("get", "pods", sub: "*", name: "a"), matches: true),
        Case(pins: "*/* matches the literal resource * (resource + \"/*\")", rule: rule("", ["*/*"]), request: resource("list", "*"), matches: true),
        Case(pins: "*/* does not match pods/exec", rule: rule("", ["*/*"]), request: resource("create", "pods", sub: "exec", name: "a"), matches: false),
        Case(pins: "res/* matches the resource itself", rule: rule("", ["pods/*"]), request: resource("list", "pods"), matches: true),
        Case(pins: "res/* matches its subresources", rule: rule("", ["pods/*"]), request: resource("create", "pods", sub: "exec", name: "a"), matches: true),
        Case(pins: "res/* does not match a longer resource name", rule: rule("", ["pods/*"]), request: resource("list", "podsx"), matches: false),
        Case(pins: "a plain resource does not match its subresources", rule: rule("", ["pods"]), request: resource("get", "pods", sub: "log", name: "a"), matches: false),
        Case(pins: "*/sub matches that subresource of any resource", rule: rule("", ["*/status"]), request: resource("patch", "nodes", sub: "status", name: "a"), matches: true),
        Case(pins: "*/sub does not match the resource itself", rule: rule("", ["*/status"]), request: resource("patch", "nodes", name: "a"), matches: false),
        Case(pins: "a/b/c matches resource a with subresource b/c", rule: rule("", ["a/b/c"]), request: resource("get", "a", sub: "b/c", name: "x"), matches: true),
        Case(pins: "a/b/c matches resource a/b with subresource c", rule: rule("", ["a/b/c"]), request: resource("get", "a/b", sub: "c", name: "x"), matches: true),
        Case(pins: "resourceNames match the request's name", rule: rule("", ["configmaps"], names: ["aws-auth"]), request: resource("update", "configmaps", namespace: "kube-system", name: "aws-auth"), matches: true),
        Case(pins: "resourceNames never match a create: it has no name yet", rule: rule("", ["configmaps"], names: ["aws-auth"], verbs: ["create"]), request: resource("create", "configmaps"), matches: false),
        Case(pins: "resourceNames match a create of a subresource, which has the parent's name", rule: rule("", ["pods/exec"], names: ["web-0"]), request: resource("create", "pods", sub: "exec", name: "web-0"), matches: true),
        Case(pins: "group * matches every group from 1.36", rule: rule("*", ["deployments"]), request: resource("get", "deployments", group: "apps", name: "a"), matches: true),
        Case(pins: "group * is a literal group before 1.36", rule: rule("*", ["deployments"]), request: resource("get", "deployments", group: "apps", name: "a"), minor: 35, matches: false),
        Case(pins: "group * before 1.36 matches the literal group *", rule: rule("*", ["deployments"]), request: resource("get", "deployments", group: "*", name: "a"), minor: 35, matches: true),
        Case(pins: "/api* matches /apis (a prefix, not a path segment)", rule: CompiledRule(level: .request, nonResourceURLs: ["/api*"]), request: path("/apis"), matches: true),
        Case(pins: "/apis does not match /apis/apps (exact)", rule: CompiledRule(level: .request, nonResourceURLs: ["/apis"]), request: path("/apis/apps"), matches: false),
        Case(pins: "/healthz/* does not match /healthz", rule: CompiledRule(level: .request, nonResourceURLs: ["/healthz/*"]), request: path("/healthz"), matches: false),
        Case(pins: "/** is a prefix of every path (all trailing stars trimmed)", rule: CompiledRule(level: .request, nonResourceURLs: ["/**"]), request: path("/metrics"), matches: true),
        Case(pins: "a star inside a pattern is literal", rule: CompiledRule(level: .request, nonResourceURLs: ["/a*b"]), request: path("/ab"), matches: false),
        Case(pins: "userGroups never match a request with no user", rule: CompiledRule(level: .request, userGroups: ["system:unauthenticated"]), request: path("/healthz", user: nil), matches: false),
        Case(pins: "users and userGroups both hold", rule: CompiledRule(level: .request, users: ["alice"], userGroups: ["dev"]), request: path("/healthz"), matches: true),
        Case(pins: "users and userGroups: the group fails", rule: CompiledRule(level: .request, users: ["alice"], userGroups: ["ops"]), request: path("/healthz"), matches: false),
        Case(pins: "names compare byte for byte, not by Unicode equivalence", rule: CompiledRule(level: .request, users: ["caf\u{E9}"]), request: path("/x", user: UserInfo(name: "cafe\u{301}")), matches: false),
        Case(pins: "namespaces \"\" selects cluster-scoped requests", rule: CompiledRule(level: .request, namespaces: [""]), request: resource("get", "nodes", namespace: "", name: "a"), matches: true),
        Case(pins: "a resource rule never matches a non-resource request", rule: CompiledRule(level: .request, namespaces: ["default"]), request: path("/healthz"), matches: false),
    ]

    @Test("the engine's class of the request agrees with upstream", arguments: cases)
    func engineAgrees(_ testCase: Case) {
        let policy = CompiledPolicy(rules: [testCase.rule], omitStages: [], omitManagedFields: false, kubernetesVersion: KubernetesVersion(minor: testCase.minor))
        #expect((policy.matchingRuleIndex(testCase.request) == 0) == testCase.matches, "the evaluator disagrees with upstream")
        let map = PolicyMap(policy: policy)
        // The exact split covers every request, even those kube-apiserver never produces (a `/`
        // inside a path segment), which the displayed classes leave out.
        let classified = map.space.classify(testCase.request)
        let pieces = map.pieces.filter { map.space.contains($0.cube, classified) }
        #expect(pieces.count == 1)
        #expect((pieces.first?.rule == 0) == testCase.matches)
    }

    @Test("a rule limited to creates by name matches no request that can occur")
    func createWithNamesIsUnreachable() {
        let policy = CompiledPolicy(rules: [Self.rule("", ["configmaps"], names: ["aws-auth"], verbs: ["create"]), CompiledRule(level: .metadata)],
                                    omitStages: [], omitManagedFields: false, kubernetesVersion: .latest)
        let shadowed = RuleReachability.shadowedRules(in: policy)
        #expect(shadowed.map(\.ruleIndex) == [0])
        #expect(shadowed.first?.reason == .matchesNoRequest)
    }
}
