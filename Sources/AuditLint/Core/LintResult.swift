import AuditPolicy

/// The findings for one policy file.
public struct LintResult: Sendable {
    /// The file linted.
    public let source: PolicySource
    /// The Kubernetes release it was linted for.
    public let kubernetesVersion: KubernetesVersion
    /// Whether kube-apiserver would load it.
    public let isAccepted: Bool
    /// The configuration file used, if any.
    public let configurationPath: String?
    /// Findings after configuration and suppressions, in file order.
    public let findings: [Diagnostic]
    /// Findings silenced by `# auditsim:ignore` comments.
    public let suppressed: [Diagnostic]

    public init(source: PolicySource, kubernetesVersion: KubernetesVersion, isAccepted: Bool, configurationPath: String?, findings: [Diagnostic], suppressed: [Diagnostic]) {
        self.source = source
        self.kubernetesVersion = kubernetesVersion
        self.isAccepted = isAccepted
        self.configurationPath = configurationPath
        self.findings = findings
        self.suppressed = suppressed
    }

    /// How many findings have each severity.
    public func count(_ severity: Diagnostic.Severity) -> Int {
        findings.filter { $0.severity == severity }.count
    }

    /// Whether any finding is at least as severe as `threshold`.
    public func hasFindings(atOrAbove threshold: Diagnostic.Severity) -> Bool {
        findings.contains { $0.severity >= threshold }
    }
}
