import AuditPolicy

/// A policy as the analysis reports (`diff`, `coverage`, `test`) name it: its name, its source
/// (for rule lines) and its compiled form.
public struct AnalysisPolicy: Sendable {
    /// The name shown in reports.
    public let name: String
    public let loaded: LoadedPolicy
    public let compiled: CompiledPolicy

    /// A policy read as `loaded` and compiled as `compiled`, named after its source.
    public init(loaded: LoadedPolicy, compiled: CompiledPolicy) {
        name = loaded.source.name
        self.loaded = loaded
        self.compiled = compiled
    }

    /// The line a rule starts on.
    public func line(ofRule index: Int) -> Int? {
        guard let rules = loaded.policy?.rules, rules.indices.contains(index) else { return nil }
        return rules[index].location.line
    }

    /// `rule #3 (line 42)`, or `no rule (default None)`.
    public func ruleText(_ index: Int?) -> String {
        guard let index else { return "no rule (default None)" }
        return line(ofRule: index).map { "rule #\(index) (line \($0))" } ?? "rule #\(index)"
    }
}
