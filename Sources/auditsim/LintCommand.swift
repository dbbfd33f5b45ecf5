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

        Configuration: the first .auditsim.yaml in the policy's directory or above (or --config) can disable checks, change severities, set the Kubernetes release and the platform, declare the cluster's custom resources, choose checklist rows and add sensitive resources. Silence one finding with a comment on or above its line, or above its rule: `# auditsim:ignore AP203 reason`.

        Formats: text (FILE:LINE:COL: severity[ID]: message, the source line, a caret, help), concise (one line per finding: FILE:LINE:COL: severity[ID] message), json, sarif (SARIF 2.1.0 for GitHub code scanning), github (workflow annotations). Each finding shows its first 5 notes and says how many more there are; --verbose shows them all.

        Baseline: --write-baseline FILE records today's findings (keyed by check ID, file and a fingerprint of the rule they are in, so moving lines does not matter); --baseline FILE then reports and fails on new findings only, and lists the recorded findings that are gone.

        Fixes: --fix applies every fix whose result is certain (`auditsim rules` pages show each one) as edits of the original text, keeping comments and layout, and then lints the fixed files; a fix is kept only when kube-apiserver accepts the fixed file (or refused the original too) and no security checklist row loses logging. --fix --diff prints a unified diff instead of writing, and exits with 1 when there is something to fix.

        Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage error, unreadable file or invalid configuration.

        Examples:
          auditsim lint policy.yaml
          auditsim lint --format sarif policies/*.yaml > lint.sarif
          auditsim lint --fail-on warning --kubernetes-version 1.30 policy.yaml
          auditsim lint --corpus audit.jsonl.gz policy.yaml
          auditsim lint --platform eks eks
          auditsim lint --write-baseline lint-baseline.json policies/*.yaml
          auditsim lint --baseline lint-baseline.json --format concise policies/*.yaml
          auditsim lint --fix --diff policy.yaml
        """
    )

    @Argument(help: ArgumentHelp("Policies to lint: files, - for standard input, or a built-in policy (eks). Default: eks.", valueName: "policy"), completion: PolicyCompletion.kind)
    var policies: [String] = []

    @Option(name: .long, help: "Output format: text, concise, json, sarif or github.")
    var format: LintOutputFormat = .text

    @Option(name: .long, help: "Exit with 1 when a finding is at least this severe: error, warning, info or none.")
    var failOn: FailThreshold = .error

    @OptionGroup var kubernetesVersion: KubernetesVersionOption

    @Option(name: .long, help: ArgumentHelp("The configuration file (default: the first .auditsim.yaml in the policy's directory or above).", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Ignore .auditsim.yaml files and use the default configuration.")
    var noConfig = false

    @Option(name: .long, help: ArgumentHelp("Where the policies run (default: the configuration's, else generic); decides which identities, components and API groups can occur.", valueName: "platform"))
    var platform: Platform?

    @Option(name: .long, help: ArgumentHelp("Recorded audit events to replay under each policy, to quantify volume findings; repeatable.", valueName: "path"))
    var corpus: [String] = []

    @Flag(name: .long, help: "Do not quote source lines under each finding (text format).")
    var noSnippets = false

    @Option(name: .long, help: ArgumentHelp("The directory SARIF URIs and annotation paths are relative to (default: the git top level above the current directory, else the current directory).", valueName: "dir"))
    var sarifRoot: String?

    @OptionGroup var colors: ColorOptions

    @Flag(name: .long, help: "Show every note of each finding (default: the first 5, then how many more).")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("Report and fail only on findings this baseline file does not hold.", valueName: "file"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Write today's findings to this baseline file (JSON) for --baseline.", valueName: "file"))
    var writeBaseline: String?

    @Flag(name: .long, help: "Apply every certain fix to the policy files, then lint them.")
    var fix = false

    @Flag(name: .long, help: "With --fix: print the fixes as a unified diff instead of writing them.")
    var diff = false

    func validate() throws {
        if diff, !fix { throw ValidationError("--diff needs --fix") }
        if baseline != nil, writeBaseline != nil { throw ValidationError("--baseline and --write-baseline cannot be used together") }
    }

    func run() throws {
        if let sarifRoot {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: sarifRoot, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--sarif-root '\(TerminalEscaping.escaped(sarifRoot))' is not a directory")
            }
        }
        var results: [FingerprintedResult] = []
        let accepted = try baseline.map { path in try Baseline.decode(InputBytes.read(path), path: path) }
        var fixes = LintFixRun(writeDiff: diff, protecting: ProtectedInputs(paths: [config, baseline].compactMap { $0 } + corpus))
        if noConfig, config != nil { throw ValidationError("--config and --no-config cannot be used together") }
        let explicitConfiguration = noConfig ? LintConfiguration.defaults : try config.map { try LintConfigurationLoader.load(path: $0) }
        try InputBytes.requireSingleStandardInput(policies)
        let inputs = policies.isEmpty ? [PolicyInput.bundled(.eks)] : policies.map(PolicyInput.init(argument:))
        if fix, !diff, let input = inputs.first(where: { $0.path == nil }) {
            throw ValidationError("--fix writes policy files; add --diff to see the fixes for \(input.argument)")
        }
        for input in inputs {
            var configuration = try explicitConfiguration ?? LintConfigurationLoader.discover(forPolicyAt: input.path)
            if let platform { configuration.platform = platform }
            let target = kubernetesVersion.kubernetesVersion ?? configuration.kubernetesVersion ?? .latest
            var loaded = try input.read(options: PolicyReadOptions(kubernetesVersion: target))
            if fix {
                let fixer = LintFixer(configuration: configuration, kubernetesVersion: target)
                loaded = PolicyReader.read(try fixes.apply(fixer.fix(loaded.source), to: input), options: loaded.options)
            }
            if diff { continue }
            let volume = try corpus.isEmpty ? nil : LintCorpus.measure(loaded, corpus: corpus)
            let context = LintContext(loaded: loaded, configuration: configuration, corpus: volume)
            results.append(FingerprintedResult(Linter().lint(context), rules: context.rules))
        }
        if diff {
            if fixes.changedFiles > 0 { throw ExitCode(1) }
            return
        }
        if let writeBaseline {
            let protected = ProtectedInputs(paths: policies + [config].compactMap { $0 } + corpus)
            let file = try OutputChannel.file(writeBaseline, protecting: protected)
            try file.write(ReportJSON.string(Baseline(results)) + "\n")
            try file.finish()
        }
        let comparison = accepted.map { BaselineComparison(results, baseline: $0) }
        var reported = comparison?.results ?? results.map(\.result)
        if !verbose { reported = reported.map { $0.cappingNotes(at: NoteLimit.standard) } }
        let root = sarifRoot ?? RepositoryRoot.find() ?? FileManager.default.currentDirectoryPath
        try LintOutput.write(reported, format: format, failOn: failOn.severity, showSnippets: !noSnippets, root: root,
                             toolVersion: AuditSimVersion.current, emphasis: colors.emphasis) {
            try Console.write($0)
        }
        if let comparison {
            // Beside text, on standard output; beside machine-read formats, on standard error.
            for line in comparison.summaryLines {
                if format == .text || format == .concise { try Console.writeLine(line) } else { Console.writeError(line) }
            }
        }
        if let threshold = failOn.severity, reported.contains(where: { $0.hasFindings(atOrAbove: threshold) }) {
            throw ExitCode(1)
        }
    }
}

extension LintOutputFormat: ExpressibleByArgument {}

extension Platform: ExpressibleByArgument {}

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
