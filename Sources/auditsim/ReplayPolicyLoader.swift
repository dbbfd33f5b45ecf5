import AuditPolicy
import AuditReplay
import AuditSimIO

/// The policies a replaying command runs under: the ones given with `--policy` (files, `-`, or
/// built-in names), compiled for a Kubernetes release, or the built-in EKS policy.
enum ReplayPolicies {
    /// Reads and compiles each policy; with none, the built-in EKS policy.
    ///
    /// - Throws: `InputFileError` for an unreadable file, `PolicyRefused` for a policy
    ///   kube-apiserver refuses.
    static func load(arguments: [String], version: KubernetesVersion, acceptDeprecated: Bool) throws -> [ReplayPolicy] {
        try loadWithSources(arguments: arguments, version: version, acceptDeprecated: acceptDeprecated).map(\.policy)
    }

    /// As `load`, with each policy's file text (for `estimate --write-policy`, which edits it).
    static func loadWithSources(arguments: [String], version: KubernetesVersion, acceptDeprecated: Bool) throws -> [(source: PolicySource, policy: ReplayPolicy)] {
        let options = PolicyReadOptions(kubernetesVersion: version)
        let inputs = arguments.isEmpty ? [PolicyInput.bundled(.eks)] : arguments.map(PolicyInput.init(argument:))
        return try inputs.map { input in
            let (loaded, compiled) = try input.compile(options: options, acceptDeprecated: acceptDeprecated)
            return (loaded.source, ReplayPolicy(name: loaded.source.name, policy: compiled))
        }
    }
}
