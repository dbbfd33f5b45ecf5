import AuditPolicy

/// Draws for random cases, on the shared SplitMix64 so every case can be replayed from its seed.
extension SplitMix64 {
    mutating func int(_ range: ClosedRange<Int>) -> Int { int(in: range) }

    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func some<T>(_ values: [T], max: Int = 3) -> [T] {
        (0..<int(1...max)).map { _ in pick(values) }
    }
}

/// Random policies and requests drawn from small pools of values, so that rules overlap and
/// requests hit every literal a rule names, plus values no rule names. The pools hold the tricky
/// cases: `*/*`, `res/*`, `*/sub`, patterns with several slashes, `group: "*"`, `/api*` against
/// `/apis`, canonically equivalent but byte-different names, empty strings.
enum RandomPolicies {
    static let users = ["alice", "bob", "system:kube-proxy", "kubelet", "system:anonymous", "caf\u{E9}", "cafe\u{301}", ""]
    static let groups = ["system:nodes", "system:masters", "dev", "ops", "system:authenticated", "system:unauthenticated"]
    static let verbs = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "proxy", "post", "head"]
    static let namespaces = ["default", "kube-system", "", "team-a"]
    static let apiGroups = ["", "apps", "rbac.authorization.k8s.io", "*", "metrics.k8s.io"]
    static let resourcePatterns = [
        "pods", "pods/exec", "pods/*", "*", "*/status", "*/*", "configmaps", "nodes", "nodes/status", "secrets",
        "deployments", "deployments/scale", "a/b/c", "*/", "/x", "serviceaccounts/token", "pods/log",
    ]
    static let names = ["aws-auth", "web-0", "", "x"]
    static let pathPatterns = ["/healthz*", "/healthz", "/version", "/api*", "/apis", "/apis/*", "*", "/debug/*", "/**", "/a*b", "/debug/pprof/*"]

    static let requestResources = ["pods", "configmaps", "nodes", "secrets", "deployments", "a", "a/b", "*", "", "widgets", "serviceaccounts"]
    static let requestSubresources = ["", "exec", "status", "scale", "*", "b/c", "c", "log", "token", "x"]
    static let requestPaths = ["/healthz", "/healthz/etcd", "/version", "/api", "/apis", "/apis/apps", "/debug/pprof/profile", "/debug", "/a*b", "/ab", "/metrics", "", "*", "/x"]
    static let requestGroups = ["", "apps", "rbac.authorization.k8s.io", "*", "metrics.k8s.io", "stable.example.com"]

    static func policy(_ random: inout SplitMix64, maxRules: Int = 8) -> CompiledPolicy {
        let rules = (0..<random.int(1...maxRules)).map { _ in rule(&random) }
        return CompiledPolicy(
            rules: rules,
            omitStages: stages(&random),
            omitManagedFields: random.chance(30),
            kubernetesVersion: KubernetesVersion(minor: random.chance(50) ? 35 : 36)
        )
    }

    static func stages(_ random: inout SplitMix64) -> StageSet {
        StageSet(Stage.allCases.filter { _ in random.chance(25) })
    }

    static func rule(_ random: inout SplitMix64) -> CompiledRule {
        var rule = CompiledRule(level: random.pick(Level.allCases))
        if random.chance(20) { rule.users = random.some(users) }
        if random.chance(20) { rule.userGroups = random.some(groups) }
        if random.chance(50) { rule.verbs = random.some(verbs) }
        switch random.int(0...3) {
        case 0: break
        case 1: rule.nonResourceURLs = random.some(pathPatterns)
        default:
            if random.chance(30) { rule.namespaces = random.some(namespaces) }
            if random.chance(85) {
                rule.resources = (0..<random.int(1...3)).map { _ in
                    var entry = CompiledGroupResources(group: random.pick(apiGroups))
                    if random.chance(80) { entry.resources = random.some(resourcePatterns) }
                    if random.chance(25) { entry.resourceNames = random.some(names) }
                    return entry
                }
            }
            if random.chance(10) { rule.nonResourceURLs = random.some(pathPatterns) }
        }
        rule.omitStages = stages(&random)
        if random.chance(40) { rule.omitManagedFields = random.chance(50) }
        return rule
    }

    /// A random request; `realistic` keeps to requests kube-apiserver can produce (see
    /// `PolicyMapPropertyTests.isRealistic`).
    static func request(_ random: inout SplitMix64, realistic: Bool = true) -> RequestAttributes {
        var user: UserInfo?
        if random.chance(85) {
            let name = random.chance(80) ? random.pick(users) : "zed"
            var memberships = random.chance(20) ? [] : random.some(groups + ["other-group"], max: 3)
            if realistic {
                memberships = name == "system:anonymous" ? ["system:unauthenticated"] : memberships.filter { $0 != "system:unauthenticated" }
            }
            user = UserInfo(name: name, groups: memberships)
        }
        let verb = random.chance(90) ? random.pick(verbs) : "frobnicate"
        if random.chance(25) {
            return RequestAttributes(user: user, verb: verb, path: random.pick(requestPaths), isResourceRequest: false)
        }
        var subresource = random.pick(requestSubresources)
        var resource = random.pick(requestResources)
        var name = random.pick(names + ["db", "web-1"])
        if realistic {
            if subresource.contains("/") { subresource = "status" }
            if resource.contains("/") { resource = "pods" }
            if ["list", "watch", "deletecollection"].contains(verb) { subresource = "" }
            if !subresource.isEmpty || verb == "get", name.isEmpty { name = "web-1" }
            if verb == "deletecollection" || (verb == "create" && subresource.isEmpty) { name = "" }
        }
        return RequestAttributes(
            user: user, verb: verb, namespace: random.pick(namespaces + ["prod"]), apiGroup: random.pick(requestGroups),
            apiVersion: "v1", resource: resource, subresource: subresource, name: name,
            path: "/x", isResourceRequest: true
        )
    }
}
