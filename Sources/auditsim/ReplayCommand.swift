import ArgumentParser
import AuditEstimate
import AuditPolicy
import AuditReplay
import AuditSimIO

/// `auditsim replay`: what kube-apiserver would emit for recorded traffic, and how big it is.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay recorded audit events under a policy: the events kube-apiserver would emit, byte for byte, and their sizes against CloudWatch's limit.",
        discussion: """
        Inputs are audit.k8s.io Event JSON lines, EventList documents or CloudWatch Logs exports (filter-log-events / get-log-events JSON, or S3 exports), gzip-compressed or not: files, directories, or - for standard input. With no input, the bundled corpus is replayed. The stages of one request are grouped by auditID and each request is replayed once.

        An input with lines but no audit event (a policy, a binary, UTF-16 text) is an input error, and so is a corpus without any event; an empty file among others is not. A line (or document element) longer than --max-input-event-size is skipped and counted as a malformed line of kind oversize.

        Exit codes: 0 ok, 1 oversize events found with --fail-on-oversize, 2 usage or input error.

        Examples:
          auditsim replay
          auditsim replay audit-2024-05-*.jsonl.gz --policy my-policy.yaml
          auditsim replay export.json --policy a.yaml --policy b.yaml
          auditsim replay audit.jsonl --emit emitted.jsonl --apiserver-truncate 100Ki
          auditsim replay audit.jsonl --format json --fail-on-oversize
        """
    )

    @Argument(help: ArgumentHelp("Recorded events: files, directories, or - for standard input (default: the bundled corpus).", valueName: "input"))
    var inputs: [String] = []

    @OptionGroup var corpusOptions: CorpusReplayOptions

    @Option(name: .long, help: ArgumentHelp("Write the events kube-apiserver would emit (under the first policy) to this file, one JSON line each.", valueName: "file"))
    var emit: String?

    @Flag(name: .long, help: "Exit with 1 when an event is over --max-event-size.")
    var failOnOversize = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp("How many oversize events and malformed lines the text report lists.", valueName: "count"))
    var show: Int = 10

    @OptionGroup var progress: ProgressOptions

    @OptionGroup var colors: ColorOptions

    @Flag(name: .long, help: "The input is one shard of a larger corpus: keep requests whose other stages may be in other shards open in the JSON, for `auditsim merge` (needs --format json).")
    var shard = false

    func validate() throws {
        if shard, format != .json { throw ValidationError("--shard writes a summary for `auditsim merge`: add --format json") }
        guard show >= 0 else { throw ValidationError("--show must be 0 or more") }
    }

    func run() throws {
        try InputBytes.requireSingleStandardInput(inputs + corpusOptions.policy)
        let policies = try corpusOptions.loadPolicies()
        let (reader, progressLine) = progress.showing(try corpusOptions.corpusReader(inputs: inputs))
        var options = corpusOptions.replayOptions
        options.malformedShown = max(show, 10)

        options.holdsOpenRequests = shard
        // JSON carries the volume too (`ReplaySummary`), for `auditsim merge`.
        func replay(_ emit: ((UnsafeBufferPointer<UInt8>) throws -> Void)?) throws -> (report: ReplayReport, summary: ReplaySummary?) {
            if format == .json {
                let summary = try ReplaySummary.run(policies: policies, options: options, source: reader, emit: emit)
                return (summary.report, summary)
            }
            return (try ReplayEngine(policies: policies, options: options).run(reader, emit: emit), nil)
        }
        let (report, summary) = try CorpusReplayOptions.hintingPolicy {
            if let emit {
                let file = try OutputChannel.file(emit, protecting: ProtectedInputs(paths: inputs + corpusOptions.policy))
                let result = try replay { try file.write(UnsafeRawBufferPointer($0)); try file.write("\n") }
                try file.finish()
                return result
            }
            return try replay(nil)
        }
        progressLine?.finish()

        if let summary {
            try Console.writeLine(ReportJSON.string(summary))
        } else {
            try Console.write(ReplayText(report: report, shown: show, emphasis: colors.emphasis).text)
        }
        if failOnOversize && report.hasOversizeEvents { throw ExitCode(1) }
    }
}
