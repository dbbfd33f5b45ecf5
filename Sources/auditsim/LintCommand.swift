import ArgumentParser
import AuditLint
import AuditPolicy
import AuditSimIO
import Foundation

/// `auditsim lint`: everything wrong or risky in audit policies, compiler-style, for CI.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Find what is wrong or risky in audit policy files, with the line, the reason and a fix.",
        discussion: """
        Runs every check (`auditsim rules` lists them) on each policy: what kube-apiserver would refuse, silent traps it accepts, values that never match a request, users and groups mixed up, shadowed and redundant rules, a missing catch-all, volume, sensitive data logged with bodies, and request classes the security checklist needs logged. A policy is a file, - for standard input, or a built-in policy (eks).

        Configuration: the first .auditsim.yaml in the policy's directory or above (or --config) can disable checks, change severities, set the Kubernetes release, declare the cluster's custom resources, choose checklist rows and add sensitive resources. Silence one finding with a comment on or above its line, or above its rule: `# auditsim:ignore AP203 reason`.

        Formats: text (FILE:LINE:COL: severity[ID]: message, the source line, a caret, help), json, sarif (SARIF 2.1.0 for GitHub code scanning), github (workflow annotations).

        Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage error, unreadable file or invalid configuration.

        Examples:
          auditsim lint policy.yaml
          auditsim lint --format sarif policies/*.yaml > lint.sarif
          auditsim lint --fail-on warning --kubernetes-version 1.30 policy.yaml
          auditsim lint --corpus audit.jsonl.gz policy.yaml
        """
    )

    @Argument(help: ArgumentHelp("Policies to lint: files, - for standard input, or a built-in policy (eks). Default: eks.", valueName: "policy"))
    var policies: [String] = []

    @Option(name: .long, help: "Output format: text, json, sarif or github.")
    var format: LintOutputFormat = .text

    @Option(name: .long, help: "Exit with 1 when a finding is at least this severe: error, warning, info or none.")
    var failOn: FailThreshold = .error

    @OptionGroup var kubernetesVersion: KubernetesVersionOption

    @Option(name: .long, help: ArgumentHelp("The configuration file (default: the first .auditsim.yaml in the policy's directory or above).", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Ignore .auditsim.yaml files and use the default configuration.")
    var noConfig = false

    @Option(name: .long, help: ArgumentHelp("Recorded audit events to replay under each policy, to quantify volume findings; repeatable.", valueName: "path"))
    var corpus: [String] = []

    @Flag(name: .long, help: "Do not quote source lines under each finding (text format).")
    var noSnippets = false

    @Option(name: .long, help: ArgumentHelp("The directory SARIF URIs and annotation paths are relative to (default: the git top level above the current directory, else the current directory).", valueName: "dir"))
    var sarifRoot: String?

    func run() throws {
        if let sarifRoot {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: sarifRoot, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--sarif-root '\(TerminalEscaping.escaped(sarifRoot))' is not a directory")
            }
        }
        var results: [LintResult] = []
        if noConfig, config != nil { throw ValidationError("--config and --no-config cannot be used together") }
        let explicitConfiguration = noConfig ? LintConfiguration.defaults : try config.map { try LintConfigurationLoader.load(path: $0) }
        try InputBytes.requireSingleStandardInput(policies)
        let inputs = policies.isEmpty ? [PolicyInput.bundled(.eks)] : policies.map(PolicyInput.init(argument:))
        for input in inputs {
            let configuration = try explicitConfiguration ?? LintConfigurationLoader.discover(forPolicyAt: input.path)
            let target = kubernetesVersion.kubernetesVersion ?? configuration.kubernetesVersion ?? .latest
            let loaded = try input.read(options: PolicyReadOptions(kubernetesVersion: target))
            let volume = try corpus.isEmpty ? nil : LintCorpus.measure(loaded, corpus: corpus)
            let context = LintContext(loaded: loaded, configuration: configuration, corpus: volume)
            results.append(Linter().lint(context))
        }
        let root = sarifRoot ?? RepositoryRoot.find() ?? FileManager.default.currentDirectoryPath
        try LintOutput.write(results, format: format, failOn: failOn.severity, showSnippets: !noSnippets, root: root, toolVersion: AuditSimVersion.current) {
            try Console.write($0)
        }
        if let threshold = failOn.severity, results.contains(where: { $0.hasFindings(atOrAbove: threshold) }) {
            throw ExitCode(1)
        }
    }
}

extension LintOutputFormat: ExpressibleByArgument {}

/// `--fail-on`: the least severe finding that fails the command, or none.
enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, none

    var severity: Diagnostic.Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .none: nil
        }
    }
}
