import AuditAnalysis
import AuditPolicy
import AuditSimIO

extension AnalysisPolicy {
    /// Reads and compiles a policy named on the command line of `diff`, `coverage` or `test`: a
    /// file, `-` for standard input, or a built-in name such as `eks`.
    ///
    /// - Throws: `InputFileError` when it cannot be read, `PolicyRefused` when kube-apiserver
    ///   refuses it (exit code 2 for these commands).
    static func load(_ argument: String, version: KubernetesVersion, acceptDeprecated: Bool) throws -> AnalysisPolicy {
        let (loaded, compiled) = try PolicyInput(argument: argument).compile(options: PolicyReadOptions(kubernetesVersion: version), acceptDeprecated: acceptDeprecated)
        return AnalysisPolicy(loaded: loaded, compiled: compiled)
    }
}
