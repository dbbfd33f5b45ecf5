import AuditPolicy

/// Runs the checks on policy files.
///
/// ```swift
/// let result = Linter().lint(PolicySource(name: "policy.yaml", bytes: bytes))
/// for finding in result.findings { print(finding.message) }
/// ```
public struct Linter: Sendable {
    /// The checks that run (subject to the configuration).
    public var rules: [any LintRule]

    public init(rules: [any LintRule] = LintRules.all) {
        self.rules = rules
    }

    /// Lints one policy file.
    ///
    /// - Parameters:
    ///   - version: the Kubernetes release; when `nil`, the configuration's, else the newest.
    ///   - corpus: traffic measured by a replay, for volume checks.
    public func lint(
        _ source: PolicySource, configuration: LintConfiguration = .defaults,
        kubernetesVersion version: KubernetesVersion? = nil, corpus: CorpusVolume? = nil
    ) -> LintResult {
        let target = version ?? configuration.kubernetesVersion ?? .latest
        let loaded = PolicyReader.read(source, options: PolicyReadOptions(kubernetesVersion: target))
        let context = LintContext(loaded: loaded, configuration: configuration, corpus: corpus)
        return lint(context)
    }

    /// Lints the policy in `context`.
    public func lint(_ context: LintContext) -> LintResult {
        var findings: [Diagnostic] = []
        var superseding: [String: Set<SourceLocation>] = [:]
        for rule in rules where context.configuration.isEnabled(rule.id) {
            let produced = rule.check(context)
            findings += produced
            for superseded in rule.description.supersedes {
                superseding[superseded, default: []].formUnion(produced.compactMap(\.location))
            }
        }
        findings.removeAll { finding in
            guard let code = finding.code, let location = finding.location else { return false }
            return superseding[code]?.contains(location) ?? false
        }
        for index in findings.indices {
            if let code = findings[index].code, let severity = context.configuration.severities[code] {
                findings[index].severity = severity
            }
        }
        let suppression = SuppressionFilter(
            suppressions: SuppressionScanner.scan(context.source),
            rules: context.rules,
            knownIDs: Set(rules.map(\.id))
        ).apply(to: findings)
        var kept = suppression.kept
        for meta in suppression.meta where context.configuration.isEnabled(meta.code ?? "") {
            var finding = meta
            if let code = meta.code, let severity = context.configuration.severities[code] { finding.severity = severity }
            kept.append(finding)
        }
        return LintResult(
            source: context.source,
            kubernetesVersion: context.version,
            isAccepted: context.loaded.isAccepted,
            configurationPath: context.configuration.path,
            findings: Self.sorted(kept),
            suppressed: Self.sorted(suppression.suppressed)
        )
    }

    /// File order, then severity (most severe first), then ID.
    static func sorted(_ findings: [Diagnostic]) -> [Diagnostic] {
        findings.enumerated().sorted { a, b in
            let la = a.element.location ?? SourceLocation(line: 0, column: 0)
            let lb = b.element.location ?? SourceLocation(line: 0, column: 0)
            if la != lb { return la < lb }
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            if a.element.code != b.element.code { return (a.element.code ?? "") < (b.element.code ?? "") }
            return a.offset < b.offset
        }.map(\.element)
    }
}
