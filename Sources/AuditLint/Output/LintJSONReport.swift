import AuditPolicy

/// `auditsim lint --format json`: stable field names, one entry per file.
public struct LintJSONReport: Encodable, Sendable {
    /// One finding.
    public struct Finding: Encodable, Sendable {
        /// The check ID, such as `AP203`.
        public var id: String?
        /// `error`, `warning` or `info`.
        public var severity: String
        public var message: String
        /// 1-based position of the span's start, and its end (exclusive) when known.
        public var line: Int?
        public var column: Int?
        public var endLine: Int?
        public var endColumn: Int?
        public var notes: [String]
        public var help: String?

        init(_ diagnostic: Diagnostic) {
            id = diagnostic.code
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
            line = diagnostic.location?.line
            column = diagnostic.location?.column
            endLine = diagnostic.end?.line
            endColumn = diagnostic.end?.column
            notes = diagnostic.notes
            help = diagnostic.help
        }
    }

    /// One file's results.
    public struct File: Encodable, Sendable {
        public var file: String
        public var kubernetesVersion: String
        /// Whether kube-apiserver would load the policy.
        public var accepted: Bool
        /// The `.auditsim.yaml` used, or null.
        public var configuration: String?
        public var errors: Int
        public var warnings: Int
        public var infos: Int
        /// Findings silenced by `# auditsim:ignore` comments.
        public var suppressed: Int
        public var findings: [Finding]
    }

    public var files: [File]
    /// The severity at or above which the command fails.
    public var failOn: String
    /// Whether any finding is at or above `failOn`.
    public var failed: Bool

    public init(results: [LintResult], failOn: Diagnostic.Severity) {
        files = results.map { result in
            File(
                file: result.source.name, kubernetesVersion: result.kubernetesVersion.description, accepted: result.isAccepted,
                configuration: result.configurationPath, errors: result.count(.error), warnings: result.count(.warning),
                infos: result.count(.info), suppressed: result.suppressed.count, findings: result.findings.map(Finding.init)
            )
        }
        self.failOn = failOn.rawValue
        failed = results.contains { $0.hasFindings(atOrAbove: failOn) }
    }
}
