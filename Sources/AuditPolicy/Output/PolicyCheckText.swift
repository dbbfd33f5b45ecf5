/// The text report of `auditsim check` for one policy: each diagnostic (with its source snippet
/// unless turned off), then whether kube-apiserver accepts the policy.
public struct PolicyCheckText: Sendable {
    private let renderer: DiagnosticRenderer
    private let version: KubernetesVersion

    /// A renderer for policies read for `version`; `emphasis` marks severities (colour on a terminal).
    public init(version: KubernetesVersion, showSnippets: Bool, emphasis: TextEmphasis = .plain) {
        renderer = DiagnosticRenderer(showCodes: false, showSnippets: showSnippets, emphasis: emphasis)
        self.version = version
    }

    /// Writes the lines for `result` to `sink`, one call per line, without newlines.
    public func write(_ result: LoadedPolicy, to sink: (String) throws -> Void) throws {
        for diagnostic in result.diagnostics { try sink(renderer.render(diagnostic, source: result.source)) }
        let name = TerminalEscaping.escaped(result.source.name)
        try sink("\(name): \(result.isAccepted ? "accepted" : "refused") by kube-apiserver \(version)")
    }
}
