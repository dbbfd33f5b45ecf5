import AuditPolicy

/// AP210: a resource request path written as a non-resource URL.
struct ResourcePathURL: LintRule {
    let description = RuleDescription(
        id: "AP210", name: "resource-path-url", category: .neverMatches, defaultSeverity: .error,
        summary: "A nonResourceURLs entry is the path of resource requests, which non-resource rules never match.",
        rationale: """
        A request to `/api/v1/namespaces/default/pods` or `/apis/apps/v1/deployments` is a resource \
        request (`pkg/endpoints/request/requestinfo.go`: `/api/VERSION/...` and \
        `/apis/GROUP/VERSION/...` with a resource), and a rule with `nonResourceURLs` only matches \
        non-resource requests (`pkg/audit/policy/checker.go`, `ruleMatches`). Only discovery paths \
        such as `/api`, `/api/v1`, `/apis` and `/apis/apps/v1` are non-resource.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            nonResourceURLs: ["/api/v1/namespaces/*/secrets*"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources:
              - group: ""
                resources: ["secrets"]
          - level: Metadata
        """,
        fix: "Select resources with `resources` (and `namespaces`), not with `nonResourceURLs`."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        context.rules.flatMap { rule in
            rule.nonResourceURLs.filter { Self.isResourcePath($0.value) }.map { url in
                finding(
                    "\"\(url.value)\" is the path of resource requests; a nonResourceURLs rule never matches them",
                    at: url.location, end: context.end(of: url),
                    help: "select these requests with `resources` (group and resource) in a rule without nonResourceURLs"
                )
            }
        }
    }

    /// Whether the pattern is aimed at resource requests: its fixed part reaches into a resource
    /// (`/api/VERSION/RESOURCE...`, `/apis/GROUP/VERSION/RESOURCE...`), or it is a prefix ending in
    /// `/api/VERSION/` or `/apis/GROUP/VERSION/`, which matches nothing but resource paths and the
    /// one discovery document.
    static func isResourcePath(_ pattern: String) -> Bool {
        var fixed = Substring(pattern)
        let isPrefix = fixed.hasSuffix("*")
        while fixed.hasSuffix("*") { fixed = fixed.dropLast() }
        let segments = fixed.split(separator: "/")
        guard let first = segments.first else { return false }
        let needed: Int
        switch first {
        case "api": needed = 3
        case "apis": needed = 4
        default: return false
        }
        if segments.count >= needed { return true }
        return isPrefix && fixed.hasSuffix("/") && segments.count == needed - 1
    }
}
