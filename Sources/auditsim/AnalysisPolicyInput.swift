import ArgumentParser
import AuditPolicy

/// A policy named on the command line of `diff`, `coverage` or `test`: a file, `-` for standard
/// input, or `eks` for the built-in EKS policy.
struct AnalysisPolicy {
    /// The name shown in reports.
    let name: String
    let loaded: LoadedPolicy
    let compiled: CompiledPolicy

    /// Reads and compiles the policy; prints kube-apiserver's errors and exits with 2 when it
    /// refuses the policy or the file cannot be read.
    static func load(_ argument: String, version: KubernetesVersion, acceptDeprecated: Bool) throws -> AnalysisPolicy {
        let options = PolicyReadOptions(kubernetesVersion: version)
        let loaded: LoadedPolicy
        if argument == "eks" {
            loaded = PolicyReader.read(BuiltInPolicy.eks.source, options: options)
        } else {
            do {
                let bytes = try InputFiles.read(argument)
                loaded = PolicyReader.read(PolicySource(name: argument == "-" ? "<stdin>" : argument, bytes: bytes), options: options)
            } catch let error as InputFiles.ReadError {
                Terminal.writeError("error: \(error)")
                throw ExitCode(2)
            }
        }
        do {
            let compiled = try loaded.compile(acceptPreV1: acceptDeprecated)
            return AnalysisPolicy(name: loaded.source.name, loaded: loaded, compiled: compiled)
        } catch {
            let renderer = DiagnosticRenderer(showCodes: false)
            for diagnostic in loaded.diagnostics where diagnostic.severity == .error {
                Terminal.writeError(renderer.render(diagnostic, source: loaded.source))
            }
            if loaded.refusal == .preV1APIVersion {
                Terminal.writeError("note: --accept-deprecated simulates it anyway, as EKS does with its published v1beta1 policy")
            }
            throw ExitCode(2)
        }
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
