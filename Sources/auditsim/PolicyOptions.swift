import ArgumentParser
import AuditPolicy

/// How a command chooses the policy it simulates.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The policy file to simulate (default: the built-in EKS policy).", valueName: "file"))
    var policy: String?

    @Option(name: .long, help: ArgumentHelp("The Kubernetes release to imitate, 1.\(KubernetesVersion.supported.lowerBound) to 1.\(KubernetesVersion.supported.upperBound).", valueName: "version"))
    var kubernetesVersion: String = KubernetesVersion.latest.description

    @Flag(name: .long, help: "Simulate a policy that kube-apiserver refuses only for its pre-v1 apiVersion (audit.k8s.io/v1beta1 or v1alpha1), as EKS runs its published v1beta1 policy.")
    var acceptDeprecated = false

    /// The parsed Kubernetes release.
    func version() throws -> KubernetesVersion {
        guard let version = KubernetesVersion(kubernetesVersion) else {
            throw ValidationError("unsupported --kubernetes-version '\(kubernetesVersion)': use 1.\(KubernetesVersion.supported.lowerBound) to 1.\(KubernetesVersion.supported.upperBound)")
        }
        return version
    }

    /// Reads the chosen policy (a file, or the built-in EKS policy).
    func load() throws -> LoadedPolicy {
        let options = PolicyReadOptions(kubernetesVersion: try version())
        guard let path = policy else { return PolicyReader.read(BuiltInPolicy.eks.source, options: options) }
        let bytes = try InputFiles.read(path)
        return PolicyReader.read(PolicySource(name: path == "-" ? "<stdin>" : path, bytes: bytes), options: options)
    }
}
