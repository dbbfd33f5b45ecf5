import AuditPolicy

/// AP004: kube-apiserver's validation refuses a value.
struct ValidationError: LintRule {
    let description = RuleDescription(
        id: LoaderCode.validation, name: "invalid-value", category: .loading, defaultSeverity: .error,
        summary: "kube-apiserver's validation refuses a value, so it does not start.",
        rationale: """
        After decoding, kube-apiserver validates the policy (`pkg/apis/audit/validation`): every rule \
        needs one of the four levels, non-resource URLs must start with `/` and may only end in `*`, \
        a rule cannot select both resources and non-resource URLs, API groups must be DNS \
        subdomains (`*` only from Kubernetes 1.36), `resourceNames` need `resources`, and stages \
        must be spelled exactly. Any error stops kube-apiserver from starting. Checks AP102 to AP104 \
        report the most common of these errors with a more specific fix.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            nonResourceURLs: ["healthz"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            nonResourceURLs: ["/healthz"]
          - level: Metadata
        """,
        fix: "Change the value as the message says; the help line gives the nearest valid value."
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        context.content.fieldErrors.map { error in
            finding(
                error.message, at: error.location, end: span(error, context),
                notes: ["kube-apiserver refuses the policy and does not start"],
                help: help(for: error, context)
            )
        }
    }

    private func span(_ error: FieldError, _ context: LintContext) -> SourceLocation? {
        guard error.renderedValue != nil, !error.field.hasSuffix("nonResourceURLs"), !error.field.hasSuffix("resourceNames") else { return nil }
        guard let line = context.source.line(error.location.line) else { return nil }
        let scalars = Array(line.unicodeScalars)
        let start = error.location.column - 1
        guard start < scalars.count else { return nil }
        var index = start
        if scalars[start] == "\"" || scalars[start] == "'" {
            return context.end(of: "", at: error.location)
        }
        while index < scalars.count, !" ,]}#".unicodeScalars.contains(scalars[index]) { index += 1 }
        return SourceLocation(line: error.location.line, column: index + 1)
    }

    private func help(for error: FieldError, _ context: LintContext) -> String? {
        let field = error.field
        if field.hasSuffix(".level") {
            return error.kind == .required
                ? "add a level: `level: Metadata` (or None, Request, RequestResponse)"
                : "use one of None, Metadata, Request, RequestResponse (spelled exactly, with that case)"
        }
        if field.hasSuffix(".resources.group") {
            if error.renderedValue == "\"*\"" {
                return "`group: \"*\"` is accepted from Kubernetes 1.36 on (the target is \(context.version)); list the groups instead"
            }
            return "API groups are lower-case DNS names without a version, such as `apps` or `rbac.authorization.k8s.io`; the core group is `\"\"`"
        }
        if field.hasSuffix(".resources.resourceNames") {
            return "add the resources the names belong to: `resources: [\"configmaps\"]`"
        }
        if error.detail.contains("both regular resources and non-resource URLs") {
            return "split it into two rules: one with resources or namespaces, one with nonResourceURLs"
        }
        if error.detail.contains("must begin with a '/'") {
            return "start the URL with `/`, as in `/healthz`"
        }
        if error.detail.contains("must be the final character") {
            return "a `*` may only end the pattern, as in `/apis/*`"
        }
        if field.contains("omitStages") {
            return "use RequestReceived, ResponseStarted, ResponseComplete or Panic (spelled exactly)"
        }
        return nil
    }
}
