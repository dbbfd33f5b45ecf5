import ArgumentParser
import AuditPolicy
import AuditSimIO

/// How a command chooses the policy it simulates.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The policy to simulate: a file, - for standard input, or a built-in policy (\(PolicyInput.bundledNames.joined(separator: ", "))).", valueName: "policy"), completion: PolicyCompletion.kind)
    var policy: String = BuiltInPolicy.eks.rawValue

    @OptionGroup var kubernetesVersion: KubernetesVersionOption

    @Flag(name: .long, help: "Simulate a policy that kube-apiserver refuses only for its pre-v1 apiVersion (audit.k8s.io/v1beta1 or v1alpha1), as EKS runs its published v1beta1 policy.")
    var acceptDeprecated = false

    /// The chosen policy, read and compiled; throws `PolicyRefused` when kube-apiserver refuses it.
    func compile() throws -> (loaded: LoadedPolicy, compiled: CompiledPolicy) {
        try PolicyInput(argument: policy).compile(options: PolicyReadOptions(kubernetesVersion: kubernetesVersion.version), acceptDeprecated: acceptDeprecated)
    }
}
