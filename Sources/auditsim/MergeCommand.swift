import ArgumentParser
import AuditEstimate
import AuditPolicy
import AuditReplay
import AuditSimIO
import Foundation

/// `auditsim merge`: the summaries of shards of a corpus, merged into the summary of one pass.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the estimates (or replays) of shards of a corpus into the estimate (or replay) of one pass over all of it.",
        discussion: """
        Each input is an `auditsim estimate --format json` output, or each an `auditsim replay --format json` output (whose `volume` holds the same raw counts; the merged replay rebuilds its counts from it and lists the shards' offenders and malformed lines as examples); with --shard, the shard's requests whose other stages may be in other shards are kept open in it (bounded: at most 100,000 requests and 64 MiB per shard). Merging adds the counts (exact integers, checked for overflow; every input is validated as untrusted) and pools the open requests by auditID; a request whose stages have all met (its final stage, RequestReceived, and ResponseStarted when long-running) is replayed under the policies, exactly as one pass would. The merge is associative and commutative: merge(a, merge(b, c)) = merge(merge(a, b), c) = merge(c, b, a).

        At the end (without --partial) the requests still open are replayed from the stages recorded, as one pass does at the end of its input, and counted as incomplete. --partial keeps them, for a later merge (a tree of merges, as Spark's treeReduce makes).

        Prices, storage and --top are taken from the inputs (they must agree); --policy and --kubernetes-version must be the shards' (checked against the rules the estimates name).

        Exit codes: 0 ok, 2 usage or input error.

        Examples:
          auditsim estimate --shard --format json --no-suggestions a.jsonl > 1.json
          auditsim merge 1.json 2.json 3.json
          auditsim merge --partial --format json 1.json 2.json > 12.json
        """
    )

    @Argument(help: ArgumentHelp("Estimate or replay JSON files (`--format json`), or - for standard input.", valueName: "file"))
    var inputs: [String] = []

    @Option(name: .long, help: ArgumentHelp("A policy the shards were estimated under, in their order: a file or a built-in policy (eks); default: eks.", valueName: "file"))
    var policy: [String] = []

    @OptionGroup var kubernetesVersion: KubernetesVersionOption

    @Flag(name: .long, help: "Accept a policy that kube-apiserver refuses only for its pre-v1 apiVersion, as the shards did.")
    var acceptDeprecated = false

    @Flag(name: .long, help: "Keep requests whose stages have not all met open in the output, for a later merge.")
    var partial = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("merge needs the estimate JSON files to merge") }
    }

    func run() throws {
        try InputBytes.requireSingleStandardInput(inputs + policy)
        let files = try inputs.map { (name: $0 == "-" ? "<stdin>" : $0, json: Data(try InputBytes.read($0))) }
        let completion = OpenRequestCompletion(policies: try ReplayPolicies.load(arguments: policy, version: kubernetesVersion.version, acceptDeprecated: acceptDeprecated))
        if let first = files.first, ReplaySummaryMerge.isReplaySummary(first.json) {
            var merge = ReplaySummaryMerge()
            for file in files { try merge.add(json: file.json, name: file.name) }
            let summary = try merge.summary(completion: completion, finishing: !partial)
            try warnOverBound(summary.volume)
            switch format {
            case .text: try Console.write(ReplayText(report: summary.report, shown: 10).text)
            case .json: try Console.writeLine(ReportJSON.string(summary))
            }
            return
        }
        var merge = EstimateMerge()
        for file in files { try merge.add(json: file.json, name: file.name) }
        guard !merge.assumptionsDiffer else {
            throw ValidationError("the estimates were made under different prices, storage or --top options: estimate every shard with the same options")
        }
        let report = try merge.report(assumptions: merge.assumptions ?? EstimateAssumptions(), completion: completion, finishing: !partial)
        try warnOverBound(report.volume)
        switch format {
        case .text: try Console.write(EstimateText.render(report))
        case .json: try Console.writeLine(ReportJSON.string(report))
        }
    }

    /// Warns about requests a shard could not keep open (`OpenRequests.overBound`).
    private func warnOverBound(_ volume: EstimateVolume) throws {
        if let overBound = volume.openRequests?.overBound, overBound > 0 {
            Console.writeError("warning: \(overBound) requests were replayed in their shard because the shard held as many open requests as it may; a merge counts them as one pass does only if their stages were all in that shard")
        }
    }
}
