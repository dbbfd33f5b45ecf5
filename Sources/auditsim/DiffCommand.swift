import ArgumentParser
import AuditAnalysis
import AuditPolicy
import AuditReplay

/// `auditsim diff OLD NEW`: every class of requests whose audit events change between two policies.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show every class of requests that two policies log differently.",
        discussion: """
        Compares the policies over every possible request, exactly: each entry is a class of requests (described, with an example) whose level, written stages or managedFields change, with the deciding rule in each policy. A policy is a file, - for standard input, or a built-in policy (eks).

        --corpus FILES... replays recorded audit events (the formats `replay` reads) under both policies and adds, for each change, how many recorded requests it affects and their bytes (per day when the events carry timestamps) under each policy.

        --fail-on-regression exits with 1 when a change makes a security checklist row fall short that the old policy met (for example a change that stops logging pods/exec). Rows that depend on authorization (CL29-403 denied requests, CL30 impersonation, CL31 enumeration by named identities) are listed as advisories and do not fail it unless --strict is given, or the quieted requests include secrets, exec or attach, tokens or RBAC objects, which no RBAC makes safe.

        Exit codes: 0 done (and no regression with --fail-on-regression), 1 regression, 2 usage or input error, or a policy kube-apiserver refuses.

        Examples:
          auditsim diff eks my-policy.yaml
          auditsim diff old.yaml new.yaml --format markdown --fail-on-regression
        """
    )

    @Argument(help: ArgumentHelp("The old policy (a file, -, or eks).", valueName: "old"), completion: PolicyCompletion.kind)
    var old: String

    @Argument(help: ArgumentHelp("The new policy (a file, -, or eks).", valueName: "new"), completion: PolicyCompletion.kind)
    var new: String

    @OptionGroup var kubernetesVersion: KubernetesVersionOption

    @Flag(name: .long, help: "Simulate policies that kube-apiserver refuses only for their pre-v1 apiVersion, as EKS runs its published v1beta1 policy.")
    var acceptDeprecated = false

    @Flag(name: .long, help: "Exit with 1 when a change makes a security checklist row fall short that the old policy met.")
    var failOnRegression = false

    @Flag(name: .long, help: "Count regressions in rows that depend on authorization (CL29-403, CL30, CL31) as regressions.")
    var strict = false

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Recorded audit events to count each change in (files, gzip, CloudWatch exports).", valueName: "files"))
    var corpus: [String] = []

    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: AnalysisFormat = .text

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        if old == "-", new == "-" { throw ValidationError("only one policy can be read from standard input") }
    }

    func run() throws {
        let version = kubernetesVersion.version
        let oldPolicy = try AnalysisPolicy.load(old, version: version, acceptDeprecated: acceptDeprecated)
        let newPolicy = try AnalysisPolicy.load(new, version: version, acceptDeprecated: acceptDeprecated)
        let diff = PolicyDiff(old: oldPolicy.compiled, new: newPolicy.compiled)
        let regressions = diff.regressions()
        var counts: DiffCorpusCounts?
        if !corpus.isEmpty {
            let (reader, line) = progress.showing(try RecordingReader(paths: corpus))
            defer { line?.finish() }
            counts = try DiffCorpusTally.run(diff: diff, reader: reader)
        }
        let rendering = DiffRendering(diff: diff, regressions: regressions, old: oldPolicy, new: newPolicy, corpus: counts, strict: strict)
        switch format {
        case .text: try Console.write(rendering.text)
        case .markdown: try Console.write(rendering.markdown)
        case .json: try Console.writeLine(ReportJSON.string(rendering.json))
        }
        if failOnRegression, regressions.contains(where: { $0.gates(strict: strict) }) { throw ExitCode(1) }
    }
}

/// The output formats of the analysis commands.
enum AnalysisFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}
