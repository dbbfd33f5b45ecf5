import AuditPolicy

/// AP209: a non-resource URL no API server serves.
struct UnservedURL: LintRule {
    let description = RuleDescription(
        id: "AP209", name: "unserved-url", category: .neverMatches, defaultSeverity: .warning,
        summary: "A non-resource URL that kube-apiserver does not serve, so only requests answered 404 match it.",
        rationale: """
        kube-apiserver serves a fixed set of non-resource paths: API discovery under `/api` and \
        `/apis`, `/healthz`, `/livez`, `/readyz` and their checks, `/version`, `/metrics`, \
        `/openapi/v2`, `/openapi/v3`, the service account issuer documents, `/logs` and \
        `/debug/...`. The swagger documents (`/swagger*`, `/swaggerapi`) were removed by 1.14, \
        yet still appear in many policies. A pattern that matches none of them only matches \
        requests answered 404 (often scanners), which is rarely what was meant.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            nonResourceURLs: ["/healtz", "/swagger*"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            nonResourceURLs: ["/healthz*", "/livez*", "/readyz*"]
          - level: Metadata
        """,
        fix: "Use a path kube-apiserver serves (the help line suggests the nearest one), or remove the stale entry."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for rule in context.rules {
            for url in rule.nonResourceURLs where url.value.hasPrefix("/") && !ResourcePathURL.isResourcePath(url.value) {
                let end = context.end(of: url)
                switch NonResourcePaths.reach(of: url.value, in: context.version) {
                case .served: continue
                case .removed(let release):
                    findings.append(finding(
                        "\"\(url.value)\" matches only paths kube-apiserver stopped serving in 1.\(release); requests to them are answered 404",
                        at: url.location, end: end, help: "remove this stale entry"
                    ))
                case .unserved:
                    let bare = String(url.value.reversed().drop { $0 == "*" }.reversed())
                    let closest = Suggestions.closest(to: bare, in: NonResourcePaths.servedPaths(in: context.version))
                    findings.append(finding(
                        "kube-apiserver serves no path matching \"\(url.value)\"\(closest.map { " (did you mean \"\($0)\"?)" } ?? ""); only requests answered 404 match it",
                        at: url.location, end: end,
                        help: closest.map { "write `\($0)\(url.value.hasSuffix("*") ? "*" : "")`" } ?? "remove it, unless another server behind this API server answers it"
                    ))
                }
            }
        }
        return findings
    }
}
