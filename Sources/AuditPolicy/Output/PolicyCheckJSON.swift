/// `auditsim check --format json`: one entry per policy, whether kube-apiserver accepts it, and
/// its diagnostics.
public struct PolicyCheckJSON: Encodable, Sendable {
    /// One policy.
    public struct File: Encodable, Sendable {
        public var file: String
        public var accepted: Bool
        /// The error kube-apiserver prints, or null.
        public var apiServerError: String?
        public var diagnostics: [DiagnosticJSON]

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(accepted, forKey: .accepted)
            try container.encode(apiServerError, forKey: .apiServerError)  // null when accepted
            try container.encode(diagnostics, forKey: .diagnostics)
        }

        enum CodingKeys: String, CodingKey { case file, accepted, apiServerError, diagnostics }
    }

    public var kubernetesVersion: String
    public var files: [File]

    /// The report of policies read for `version`.
    public init(results: [LoadedPolicy], version: KubernetesVersion) {
        kubernetesVersion = version.description
        files = results.map {
            File(file: $0.source.name, accepted: $0.isAccepted, apiServerError: $0.apiServerError,
                 diagnostics: $0.diagnostics.map(DiagnosticJSON.init))
        }
    }
}

/// A diagnostic in `check --format json`.
public struct DiagnosticJSON: Encodable, Sendable {
    public var severity: Diagnostic.Severity
    public var code: String?
    public var message: String
    public var line: Int?
    public var column: Int?
    public var notes: [String]
    public var help: String?

    /// The JSON form of `diagnostic`.
    public init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity
        code = diagnostic.code
        message = diagnostic.message
        line = diagnostic.location?.line
        column = diagnostic.location?.column
        notes = diagnostic.notes
        help = diagnostic.help
    }
}
