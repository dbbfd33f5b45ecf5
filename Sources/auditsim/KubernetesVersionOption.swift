import ArgumentParser
import AuditPolicy

/// `--kubernetes-version`, the release whose kube-apiserver is imitated, for every command that has it.
struct KubernetesVersionOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The Kubernetes release to imitate, \(KubernetesVersion(minor: KubernetesVersion.supported.lowerBound)) to \(KubernetesVersion.latest) (default: \(KubernetesVersion.latest); lint: the configuration's release, else \(KubernetesVersion.latest)).", valueName: "version"))
    var kubernetesVersion: KubernetesVersion?

    /// The release chosen, or the newest modelled one.
    var version: KubernetesVersion { kubernetesVersion ?? .latest }
}
