import ArgumentParser
import AuditPolicy
import AuditSimIO

/// A policy named on the command line of `diff`, `coverage` or `test`: a file, `-` for standard
/// input, or `eks` for the built-in EKS policy.
struct AnalysisPolicy {
    /// The name shown in reports.
    let name: String
    let loaded: LoadedPolicy
    let compiled: CompiledPolicy

    /// Reads and compiles the policy (a file, `-`, or a built-in name such as `eks`).
    ///
    /// - Throws: `InputFileError` when it cannot be read, `PolicyRefused` when kube-apiserver
    ///   refuses it (exit code 2 for these commands).
    static func load(_ argument: String, version: KubernetesVersion, acceptDeprecated: Bool) throws -> AnalysisPolicy {
        let (loaded, compiled) = try PolicyInput(argument: argument).compile(options: PolicyReadOptions(kubernetesVersion: version), acceptDeprecated: acceptDeprecated)
        return AnalysisPolicy(name: loaded.source.name, loaded: loaded, compiled: compiled)
    }

    /// The line a rule starts on.
    func line(ofRule index: Int) -> Int? {
        guard let rules = loaded.policy?.rules, rules.indices.contains(index) else { return nil }
        return rules[index].location.line
    }

    /// `rule #3 (line 42)`, or `no rule (default None)`.
    func ruleText(_ index: Int?) -> String {
        guard let index else { return "no rule (default None)" }
        return line(ofRule: index).map { "rule #\(index) (line \($0))" } ?? "rule #\(index)"
    }
}

/// How analysis reports write decisions and stages (requests: `RequestDescription`).
enum AnalysisText {
    /// `Metadata, omits RequestReceived`.
    static func decision(_ decision: Decision) -> String {
        var text = decision.level.rawValue
        if decision.level != .none, !decision.omitStages.isEmpty {
            text += ", omits " + decision.omitStages.stages.map(\.rawValue).joined(separator: ", ")
        }
        if decision.level >= .request { text += decision.omitManagedFields ? ", managedFields omitted" : ", managedFields kept" }
        return text
    }

    static func stages(_ stages: StageSet) -> String {
        stages.isEmpty ? "none" : stages.stages.map(\.rawValue).joined(separator: ", ")
    }

    /// Escapes a table cell for Markdown.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
