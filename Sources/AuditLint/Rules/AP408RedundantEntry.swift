import AuditPolicy

/// AP408: an entry of a rule's list that another entry of the same list already covers.
struct RedundantEntry: LintRule {
    let description = RuleDescription(
        id: "AP408", name: "redundant-entry", category: .ruleOrder, defaultSeverity: .info,
        summary: "A list entry of a rule that another entry of the same list already covers: a repeated value, a URL under a wildcard, a resource under `*` or `res/*`, a resources entry inside a wider one.",
        rationale: """
        A rule matches when any entry of each list matches (`pkg/audit/policy/checker.go`: \
        `hasString` for users, groups, verbs and namespaces, `ruleMatchesNonResource`, \
        `ruleMatchesResource`). An entry that another entry of the same list covers (a repeated \
        value, `/healthz` next to `/health*`, `pods` next to `pods/*`, a resources entry for \
        `pods` next to one for the whole group) adds no request to the rule. It makes the list \
        longer to review, and it often shows an author who expected the narrower entry to do \
        something of its own. kube-apiserver compares a resources pattern with the joined \
        `resource/subresource`, so `pods/log` also matches a resource literally named \
        `pods/log`, which `pods/*` does not: such an entry is not reported.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: None
            verbs: ["get", "list", "get"]
            nonResourceURLs: ["/healthz*", "/healthz/ready"]
          - level: Metadata
            resources:
              - group: ""
                resources: ["pods/*", "pods"]
              - group: ""
                resources: ["pods"]
                resourceNames: ["web"]
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: None
            verbs: ["get", "list"]
            nonResourceURLs: ["/healthz*"]
          - level: Request
            resources:
              - group: ""
                resources: ["pods"]
                resourceNames: ["web"]
          - level: Metadata
            resources:
              - group: ""
                resources: ["pods/*"]
          - level: Metadata
        """,
        fix: "Delete the covered entry, or, if it was meant to be logged differently, give it a rule of its own before the wider one. `--fix` deletes it (from a `[...]` list with its comma, from a block list with its lines); the rule matches exactly the same requests.",
        fixedExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: None
            verbs: ["get", "list"]
            nonResourceURLs: ["/healthz*"]
          - level: Metadata
            resources:
              - group: ""
                resources: ["pods/*"]
          - level: Metadata
        """
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (index, rule) in context.rules.enumerated() {
            let ruleName = context.ruleName(index)
            let lists: [(String, [Located<String>], (String, String) -> Bool)] = [
                ("users", rule.users, ==), ("userGroups", rule.userGroups, ==), ("verbs", rule.verbs, ==),
                ("namespaces", rule.namespaces, ==), ("nonResourceURLs", rule.nonResourceURLs, Self.urlCovers),
            ]
            for (field, values, covers) in lists {
                for (entry, by) in Self.covered(values.map(\.value), by: covers) {
                    findings.append(finding(entry: values[entry], by: values[by], field: field, rule: ruleName, context))
                }
            }
            for group in rule.resources {
                for (entry, by) in Self.covered(group.resources.map(\.value), by: Self.resourceCovers) {
                    findings.append(finding(entry: group.resources[entry], by: group.resources[by], field: "resources", rule: ruleName, context))
                }
                for (entry, by) in Self.covered(group.resourceNames.map(\.value), by: ==) {
                    findings.append(finding(entry: group.resourceNames[entry], by: group.resourceNames[by], field: "resourceNames", rule: ruleName, context))
                }
            }
            for (entry, by) in Self.covered(rule.resources, by: Self.entryCovers) {
                let covered = rule.resources[entry], wider = rule.resources[by]
                findings.append(finding(
                    "the resources entry for group \(Self.groupText(covered.group.value)) in \(ruleName) is covered by the entry at line \(wider.location.line): it matches no request that entry does not",
                    at: covered.location, help: "delete the entry"
                ))
            }
        }
        return findings
    }

    private func finding(entry: Located<String>, by wider: Located<String>, field: String, rule: String, _ context: LintContext) -> Diagnostic {
        let reason = entry.value == wider.value
            ? "is listed again (first at line \(wider.location.line), column \(wider.location.column))"
            : "is covered by `\(wider.value)` (line \(wider.location.line))"
        return finding(
            "`\(entry.value)` in the \(field) of \(rule) \(reason): it matches no request the list does not match without it",
            at: entry.location, end: context.end(of: entry), help: "delete the entry"
        )
    }

    /// Each entry that another entry covers, with the first entry that does: one that covers it
    /// without being covered by it, or an earlier one that covers it too (of two equal entries,
    /// the later is the redundant one). Coverage is transitive, so the entries not reported
    /// cover every entry that is, and removing all of them changes nothing the list matches.
    static func covered<Entry>(_ entries: [Entry], by covers: (Entry, Entry) -> Bool) -> [(entry: Int, by: Int)] {
        guard entries.count > 1 else { return [] }
        var result: [(entry: Int, by: Int)] = []
        for entry in entries.indices {
            let by = entries.indices.first { other in
                other != entry && covers(entries[other], entries[entry]) && (other < entry || !covers(entries[entry], entries[other]))
            }
            if let by { result.append((entry, by)) }
        }
        return result
    }

    /// Whether the non-resource URL pattern `wider` matches every path `pattern` matches.
    /// Upstream: `pkg/audit/policy/checker.go`, `ruleMatchesNonResource`: a path matches a
    /// pattern equal to it, `*`, or a pattern ending in `*` whose part before the trailing stars
    /// it starts with. Every path `pattern` matches starts with its own part before the stars.
    static func urlCovers(_ wider: String, _ pattern: String) -> Bool {
        if wider == pattern || wider == "*" { return true }
        guard wider.hasSuffix("*") else { return false }
        return stem(pattern).hasPrefix(stem(wider))
    }

    private static func stem(_ pattern: String) -> Substring {
        var text = Substring(pattern)
        while text.hasSuffix("*") { text = text.dropLast() }
        return text
    }

    /// Whether the resources pattern `wider` matches every (resource, subresource) pair that
    /// `pattern` matches: each of `pattern`'s readings (``ResourcePattern/readings``, after
    /// `pkg/audit/policy/checker.go`, `ruleMatchesResource`) lies inside one of `wider`'s.
    static func resourceCovers(_ wider: String, _ pattern: String) -> Bool {
        if wider == pattern { return true }
        let outer = ResourcePattern(wider).readings
        return ResourcePattern(pattern).readings.allSatisfy { reading in outer.contains { $0.contains(reading) } }
    }

    /// Whether the resources entry `wider` matches every request `entry` matches: the same
    /// group, resources that cover each of the entry's (no resources: every resource), and no
    /// names, or names that include each of the entry's. Upstream: `ruleMatchesResource`, where
    /// an entry without resources matches its whole group (names aside). `group: "*"` (1.36+)
    /// depends on the target release and is only compared with an equal entry.
    static func entryCovers(_ wider: GroupResources, _ entry: GroupResources) -> Bool {
        guard wider.group.value == entry.group.value else { return false }
        // Names without resources are refused by validation; such entries are left alone.
        if entry.resources.isEmpty && !entry.resourceNames.isEmpty || wider.resources.isEmpty && !wider.resourceNames.isEmpty { return false }
        if wider.resources.isEmpty { return true }
        let patterns = entry.resources.isEmpty ? ["*"] : entry.resources.map(\.value)
        guard patterns.allSatisfy({ pattern in wider.resources.contains { resourceCovers($0.value, pattern) } }) else { return false }
        if wider.resourceNames.isEmpty { return true }
        let names = Set(wider.resourceNames.map(\.value))
        return !entry.resourceNames.isEmpty && entry.resourceNames.allSatisfy { names.contains($0.value) }
    }

    private static func groupText(_ group: String) -> String {
        group.isEmpty ? "\"\" (core)" : "\"\(group)\""
    }
}

extension ResourcePattern.Reading {
    /// Whether every pair of `other` is one of this reading's (`nil` is any value).
    func contains(_ other: ResourcePattern.Reading) -> Bool {
        (resource == nil || resource == other.resource) && (subresource == nil || subresource == other.subresource)
    }
}
