import AuditPolicy

/// AP201: a verb kube-apiserver never gives the requests the rule can match.
struct UnknownVerb: LintRule {
    let description = RuleDescription(
        id: "AP201", name: "unknown-verb", category: .neverMatches, defaultSeverity: .error,
        summary: "A verb that kube-apiserver never gives a request (such as `GET`, `read`, `bind` or `impersonate`).",
        rationale: """
        The policy sees the verb kube-apiserver derives from the request (`pkg/endpoints/request/requestinfo.go`): \
        get, list, watch, create, update, patch, delete, deletecollection and proxy for resource \
        requests, and the lower-case HTTP method (get, post, put, patch, delete, head, options) for \
        non-resource URLs. Verbs are compared exactly, so `GET` or `Get` never match, and neither \
        do words like `read` or `write`. Verbs from RBAC and authorization (`bind`, `escalate`, \
        `impersonate`, `approve`, `sign`, `use`) are checked by authorizers, never given to a \
        request: the audited request keeps its own verb. A resource rule never sees `post`, and a \
        non-resource rule never sees `list` or `create`.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            verbs: ["GET", "read"]
            resources:
              - group: ""
                resources: ["pods"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            verbs: ["get", "list", "watch"]
            resources:
              - group: ""
                resources: ["pods"]
          - level: Metadata
        """,
        fix: "Use the verbs kube-apiserver produces, in lower case: `get`, `list`, `watch` for reads; `create`, `update`, `patch`, `delete`, `deletecollection` for writes. `--fix` corrects a misspelling that has a single did-you-mean (`GET`, `gte`), which changes what is logged on purpose: the misspelled verb matched nothing; words for several verbs (`read`) are left to you.",
        fixedExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            verbs: ["get", "read"]
            resources:
              - group: ""
                resources: ["pods"]
          - level: Metadata
        """
    )

    /// Words people write for verbs, and what they mean for resource requests.
    private static let resourceMeanings: [String: [String]] = [
        "read": ["get", "list", "watch"], "reads": ["get", "list", "watch"], "view": ["get", "list", "watch"],
        "write": ["create", "update", "patch", "delete", "deletecollection"], "writes": ["create", "update", "patch", "delete", "deletecollection"],
        "modify": ["update", "patch"], "edit": ["update", "patch"], "change": ["update", "patch"],
        "remove": ["delete"], "destroy": ["delete"], "add": ["create"], "post": ["create"], "put": ["update"],
        "head": ["get"], "gets": ["get"], "lists": ["list"], "watches": ["watch"], "creates": ["create"],
        "updates": ["update"], "patches": ["patch"], "deletes": ["delete"], "all": [],
    ]

    /// Resource verbs and the HTTP methods a non-resource request makes instead.
    private static let nonResourceMeanings: [String: [String]] = [
        "list": ["get"], "watch": ["get"], "create": ["post"], "update": ["put"], "deletecollection": ["delete"], "proxy": ["get"],
    ]

    /// Subresources people write as verbs.
    private static let subresourceWords = ["exec", "attach", "portforward", "log", "logs", "eviction", "scale", "status", "token"]

    func check(_ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (index, rule) in context.rules.enumerated() {
            let kind = RuleKind(rule)
            let valid = kind.validVerbs
            for verb in rule.verbs where !verb.value.contains("*") && !valid.contains(verb.value) {
                let (message, help) = explain(verb.value, kind: kind, valid: valid)
                findings.append(finding(
                    "\(message), so \(context.ruleName(index)) never matches it",
                    at: verb.location, end: context.end(of: verb), help: help
                ))
            }
        }
        return findings
    }

    private func explain(_ verb: String, kind: RuleKind, valid: [String]) -> (String, String) {
        if let reason = RequestVerbs.authorizationOnlyVerbs[verb] {
            return ("verb \"\(verb)\" is never a request's verb: it is \(reason)", helpForAuthorizationVerb(verb))
        }
        if valid.contains(verb.lowercased()) {
            return ("verb \"\(verb)\" is not lower case; verbs are compared exactly", "write `\(verb.lowercased())`")
        }
        let lowered = verb.lowercased()
        if kind == .nonResource, let methods = Self.nonResourceMeanings[lowered] {
            return ("verb \"\(verb)\" is a resource verb; a non-resource request's verb is its HTTP method in lower case",
                    "write \(list(methods))")
        }
        if kind != .nonResource, let meaning = Self.resourceMeanings[lowered] {
            if meaning.isEmpty { return ("verb \"\(verb)\" is not a verb", "leave `verbs` out to match every verb") }
            let lead = RequestVerbs.nonResourceVerbs.contains(lowered)
                ? "verb \"\(verb)\" is an HTTP method; resource requests have Kubernetes verbs"
                : "verb \"\(verb)\" is not a Kubernetes verb"
            return (lead, "write \(list(meaning))")
        }
        if Self.subresourceWords.contains(lowered) {
            let sub = lowered == "logs" ? "log" : lowered
            return ("\"\(verb)\" is a subresource, not a verb", "select it as a resource, e.g. `resources: [\"pods/\(sub)\"]` (exec and attach are `create` or `get`)")
        }
        if let closest = Suggestions.closest(to: verb, in: valid) {
            return ("verb \"\(verb)\" is not a verb kube-apiserver produces", "did you mean `\(closest)`?")
        }
        return ("verb \"\(verb)\" is not a verb kube-apiserver produces", "use one of \(valid.joined(separator: ", "))")
    }

    private func helpForAuthorizationVerb(_ verb: String) -> String {
        switch verb {
        case "impersonate":
            "the policy cannot select impersonation by verb; impersonated requests carry `impersonatedUser` in their events, so log them at Metadata or above"
        case "bind", "escalate":
            "select `create`, `update` and `patch` on roles, clusterroles, rolebindings and clusterrolebindings instead"
        case "approve", "sign":
            "select `update` and `patch` on certificatesigningrequests/approval and certificatesigningrequests/status instead"
        case "*":
            "leave `verbs` out to match every verb"
        default:
            "select the request's own verb (create, update, patch, ...) instead"
        }
    }

    private func list(_ verbs: [String]) -> String {
        verbs.map { "`\($0)`" }.joined(separator: ", ")
    }
}

/// Which requests a rule can match, by its fields (`pkg/audit/policy/checker.go`, `ruleMatches`).
enum RuleKind: Equatable {
    /// It lists resources or namespaces: resource requests only.
    case resource
    /// It lists only nonResourceURLs: non-resource requests only.
    case nonResource
    /// It lists neither: every request.
    case any

    init(_ rule: PolicyRule) {
        if !rule.resources.isEmpty || !rule.namespaces.isEmpty { self = .resource }
        else if !rule.nonResourceURLs.isEmpty { self = .nonResource }
        else { self = .any }
    }

    /// The verbs requests of this kind can have.
    var validVerbs: [String] {
        switch self {
        case .resource: RequestVerbs.resourceVerbs
        case .nonResource: RequestVerbs.nonResourceVerbs
        case .any: RequestVerbs.resourceVerbs + RequestVerbs.nonResourceVerbs.filter { !RequestVerbs.resourceVerbs.contains($0) }
        }
    }
}
