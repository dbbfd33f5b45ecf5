import AuditPolicy
import AuditReplay

/// The policies a replaying command runs under: the files given with `--policy`, compiled for a
/// Kubernetes release, or the built-in EKS policy.
enum ReplayPolicies {
    /// Reads and compiles each file (`-` is standard input); with none, the built-in EKS policy
    /// (whose published apiVersion is v1beta1, accepted as EKS accepts it).
    ///
    /// - Throws: `ReplayInputError` for an unreadable file or a policy kube-apiserver refuses.
    static func load(paths: [String], version: KubernetesVersion, acceptDeprecated: Bool) throws -> [ReplayPolicy] {
        let options = PolicyReadOptions(kubernetesVersion: version)
        if paths.isEmpty {
            let loaded = PolicyReader.read(BuiltInPolicy.eks.source, options: options)
            return [ReplayPolicy(name: BuiltInPolicy.eks.sourceName, policy: try compile(loaded, acceptPreV1: true))]
        }
        return try paths.map { path in
            let bytes: [UInt8]
            do {
                bytes = try InputFiles.read(path)
            } catch let error as InputFiles.ReadError {
                throw ReplayInputError(message: error.description)
            }
            let name = path == "-" ? "<stdin>" : path
            let loaded = PolicyReader.read(PolicySource(name: name, bytes: bytes), options: options)
            return ReplayPolicy(name: name, policy: try compile(loaded, acceptPreV1: acceptDeprecated))
        }
    }

    private static func compile(_ loaded: LoadedPolicy, acceptPreV1: Bool) throws -> CompiledPolicy {
        do {
            return try loaded.compile(acceptPreV1: acceptPreV1)
        } catch {
            var message = "kube-apiserver refuses the policy: \(error.reason)"
            if loaded.refusal == .preV1APIVersion { message += " (--accept-deprecated replays it anyway)" }
            throw ReplayInputError(message: message)
        }
    }
}
