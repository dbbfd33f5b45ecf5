import AuditPolicy

/// Everything a check may look at for one policy file: the file, what kube-apiserver's loader
/// made of it, the configuration, the API catalog for the target release, and (computed once, on
/// first use) the compiled policy and its request-space analysis.
public final class LintContext {
    /// What kube-apiserver's loader made of the file.
    public let loaded: LoadedPolicy
    /// What the checks analyze: `loaded`, or, when the file has no `apiVersion` (which
    /// kube-apiserver refuses before looking at the rules), the file read as `audit.k8s.io/v1`,
    /// so that one run reports every problem.
    public let content: LoadedPolicy
    /// The configuration in effect.
    public let configuration: LintConfiguration
    /// The Kubernetes release linted for.
    public let version: KubernetesVersion
    /// The API catalog: built-in resources, well-known add-ons and the configuration's custom resources.
    public let catalog: APICatalog
    /// Traffic measured by replaying a corpus, when one was given.
    public let corpus: CorpusVolume?
    /// Where the policy runs.
    public let platform: Platform

    public init(loaded: LoadedPolicy, configuration: LintConfiguration, corpus: CorpusVolume? = nil) {
        self.loaded = loaded
        content = MissingAPIVersion.contentAsV1(loaded) ?? loaded
        self.configuration = configuration
        version = loaded.options.kubernetesVersion
        catalog = configuration.catalog
        self.corpus = corpus
        platform = configuration.platform ?? .generic
    }

    /// The file.
    public var source: PolicySource { loaded.source }
    /// The decoded policy (`nil` when it could not be decoded).
    public var policy: Policy? { content.policy }
    /// The decoded rules.
    public var rules: [PolicyRule] { content.policy?.rules ?? [] }

    /// What the loader says, for the loader checks: the file's own decoding and apiVersion
    /// findings, and the rest from `content`.
    public var loaderDiagnostics: [Diagnostic] {
        guard content.source.bytes.count != loaded.source.bytes.count else { return loaded.diagnostics }
        let fromFile: Set<String?> = [LoaderCode.yamlSyntax, LoaderCode.decodeError, LoaderCode.apiVersion]
        return loaded.diagnostics.filter { fromFile.contains($0.code) } + content.diagnostics.filter { !fromFile.contains($0.code) }
    }

    /// The compiled policy, when kube-apiserver accepts it (or refuses it only for a pre-v1
    /// `apiVersion`, which changes nothing about its rules). Checks that reason about what the
    /// policy decides need it.
    public private(set) lazy var compiled: CompiledPolicy? = {
        switch content.refusal {
        case nil: return try? content.compile()
        case .preV1APIVersion: return try? content.compile(acceptPreV1: true)
        default: return nil
        }
    }()

    /// The request-space analysis of the compiled policy (`nil` when there is none).
    public private(set) lazy var analysis: PolicyAnalysis? = compiled.map { policy in
        PolicyAnalysis(
            policy: policy,
            checklist: LintChecklist.items(configuration.checklist),
            sensitive: SensitiveItem.items(configured: configuration.sensitiveResources)
        )
    }

    // MARK: - Helpers for checks

    /// `rules[3] (line 42)`: how findings name a rule.
    public func ruleName(_ index: Int) -> String {
        guard index < rules.count else { return "rules[\(index)]" }
        return "rules[\(index)] (line \(rules[index].location.line))"
    }

    /// The file's lines as Unicode scalars, split once.
    private lazy var lines: [[Unicode.Scalar]] = {
        let text = String(decoding: source.bytes, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Array((line.hasSuffix("\r") ? line.dropLast() : line).unicodeScalars)
        }
    }()

    /// The end of a scalar written at `location` whose decoded text is `text`: past the closing
    /// quote for a quoted scalar, else past the text (on the same line).
    public func end(of text: String, at location: SourceLocation) -> SourceLocation {
        guard location.line >= 1, location.line <= lines.count else { return location }
        let scalars = lines[location.line - 1]
        let start = location.column - 1
        guard start >= 0, start < scalars.count else { return location }
        let first = scalars[start]
        if first == "\"" || first == "'" {
            var index = start + 1
            while index < scalars.count {
                if scalars[index] == first {
                    if first == "'", index + 1 < scalars.count, scalars[index + 1] == "'" { index += 2; continue }
                    if first == "\"", scalars[index - 1] == "\\" { index += 1; continue }
                    return SourceLocation(line: location.line, column: index + 2)
                }
                index += 1
            }
            return SourceLocation(line: location.line, column: scalars.count + 1)
        }
        return SourceLocation(line: location.line, column: min(scalars.count, start + text.unicodeScalars.count) + 1)
    }

    /// The end of a located string value.
    public func end(of value: Located<String>) -> SourceLocation { end(of: value.value, at: value.location) }

    /// The end of a field key written at `location` (`resource:` → past `resource`).
    public func end(ofKey name: String, at location: SourceLocation) -> SourceLocation {
        end(of: name, at: location)
    }
}
