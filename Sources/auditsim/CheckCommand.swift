import ArgumentParser
import AuditPolicy
import AuditSimIO

/// `auditsim check`: would kube-apiserver accept these policy files?
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that kube-apiserver would accept audit policy files.",
        discussion: """
        Reads each policy as kube-apiserver does at start-up (decoding, apiVersion, validation, rule count) and prints every problem as FILE:LINE:COLUMN: severity: message. Warnings are what kube-apiserver accepts silently (unknown fields, duplicate keys, documents after the first). A policy is a file, - for standard input, or a built-in policy (eks).

        Exit codes: 0 every policy is accepted, 1 kube-apiserver would refuse one, 2 usage error or unreadable file.

        Examples:
          auditsim check policy.yaml
          auditsim check --kubernetes-version 1.23 old-policy.yaml
          auditsim check --format json a.yaml b.yaml
        """
    )

    @Argument(help: ArgumentHelp("Policies to check: files, - for standard input, or a built-in policy (eks). Default: eks.", valueName: "policy"), completion: PolicyCompletion.kind)
    var policies: [String] = []

    @OptionGroup var kubernetesVersion: KubernetesVersionOption

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Do not quote source lines under each message.")
    var noSnippets = false

    @OptionGroup var colors: ColorOptions

    func run() throws {
        let version = kubernetesVersion.version
        let options = PolicyReadOptions(kubernetesVersion: version)
        try InputBytes.requireSingleStandardInput(policies)
        let inputs = policies.isEmpty ? [PolicyInput.bundled(.eks)] : policies.map(PolicyInput.init(argument:))
        let results = try inputs.map { try $0.read(options: options) }
        switch format {
        case .text:
            let text = PolicyCheckText(version: version, showSnippets: !noSnippets, emphasis: colors.emphasis)
            for result in results { try text.write(result, to: Console.writeLine) }
        case .json:
            try Console.writeLine(ReportJSON.string(PolicyCheckJSON(results: results, version: version)))
        }
        if results.contains(where: { !$0.isAccepted }) { throw ExitCode(1) }
    }
}
