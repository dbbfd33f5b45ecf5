import ArgumentParser
import AuditCloudTrail
import AuditEstimate
import AuditPolicy
import AuditCorpus
import AuditReplay
import AuditSimIO
import Foundation

/// `auditsim estimate`: what a policy would cost on CloudWatch Logs, and where the bytes come from.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate the CloudWatch Logs volume and cost of audit policies for recorded traffic, break it down, compare policies, and suggest savings that keep the security checklist.",
        discussion: """
        Replays the corpus (as `auditsim replay` does; with no input, the bundled corpus) under each --policy, scales the totals to a day and a month by the time the events' timestamps span (--duration overrides), and prices them.

        Time span: from the earliest to the latest stageTimestamp, leaving out requests dated far from the rest (more than 3 interquartile ranges and an hour outside the middle half of the requests' times); the output counts them and shows examples. Their events still count in the totals. --duration takes seconds (300) or parts with units d, h, m, s in that order (90s, 5m, 1h30m, 2d), at most 3653d.

        Billing: each event counts as its JSON line as CloudWatch ingests it (cut to --max-event-size when over it) plus 26 bytes; ingestion is billed per GB (2^30 bytes by default), storage per GB-month of compressed data at steady state: daily bytes / --compression-ratio × --retention-days.

        Pricing: EKS bills control-plane logs as CloudWatch vended logs (--pricing vended-tiered, the default): ingestion per GB in tiers of everything the payer account vends to CloudWatch Logs in the month. The estimate's month (times --clusters) is priced on top of --account-vended-gb-month: its marginal cost is what it adds to the bill, its standalone cost what it costs alone. Tiers of \(VendedLogPrices.regionCodes.joined(separator: ", ")) (--region), checked \(VendedLogPrices.asOf); the output lists their sources and what is unconfirmed. --pricing flat prices every GB alike (a self-managed cluster shipping its own logs), by default at the region's first tier, or at --standard-ingestion-price and --ia-ingestion-price.

        Suggestions: changes to each policy that save the most billed bytes without opening a gap on the security checklist (checked exactly, over every possible request); each is replayed to measure its saving, so suggestions take a second pass over the corpus (a third when a checked change saves nothing). --write-policy FILE writes the policy with the offered changes in it (all of them when together they open no gap, else the largest), as edits of its text that keep its comments and layout, each commented with its measured saving; the written policy decides as the suggestions say, so `auditsim diff POLICY FILE --fail-on-regression` exits 0.

        Merging: run `--format json` on shards of a corpus, then `auditsim estimate --merge a.json b.json ...` gives the totals of one run over all of them, as long as each request's stages are in one shard (split by auditID, or by file where each file holds whole requests; a request cut at a time boundary is counted in both shards). For any split, estimate each shard with --shard and merge with `auditsim merge`, which completes the requests cut between shards.

        Exit codes: 0 ok, 2 usage or input error.

        Examples:
          auditsim estimate
          auditsim estimate audit-*.jsonl.gz --policy eks.yaml --policy tuned.yaml --html cost.html
          auditsim estimate export.json --duration 1h --retention-days 30 --format csv
          auditsim estimate --merge shard-1.json shard-2.json
          auditsim estimate audit.jsonl --policy policy.yaml --write-policy tuned.yaml
        """
    )

    @Argument(help: ArgumentHelp("Recorded events: files, directories, or - for standard input (default: the bundled corpus); with --merge, estimate JSON files.", valueName: "input"))
    var inputs: [String] = []

    @OptionGroup var corpusOptions: CorpusReplayOptions

    @Option(name: .long, help: ArgumentHelp("The time the corpus stands for (300, 90s, 5m, 1h30m, 2d; at most 3653d), instead of the span of its timestamps.", valueName: "duration"))
    var duration: DurationValue?

    @Option(name: .long, help: ArgumentHelp("Days the log group keeps events (1 to 3653), or 'never'.", valueName: "days"))
    var retentionDays: String = String(StorageModel.defaultRetentionDays)

    @Option(name: .long, help: ArgumentHelp("Billed bytes per stored (compressed) byte, 1 to 1000.", valueName: "ratio"))
    var compressionRatio: Double = StorageModel.defaultCompressionRatio

    @Option(name: .long, help: ArgumentHelp("How ingestion is priced: vended-tiered (EKS control-plane logs) or flat.", valueName: "model"))
    var pricing: PricingModel = .vendedTiered

    @Option(name: .long, help: ArgumentHelp("The region whose prices apply: \(VendedLogPrices.regionCodes.joined(separator: ", ")).", valueName: "region"))
    var region: String = VendedLogPrices.regions[0].region

    @Option(name: .long, help: ArgumentHelp("GB the payer account vends to CloudWatch Logs in a month besides this estimate (0 to 1e9).", valueName: "GB"))
    var accountVendedGBMonth: Double = 0

    @Option(name: .long, help: ArgumentHelp("Alike clusters in the payer account the estimate stands for (1 to \(PricingAssumptions.maximumClusters)).", valueName: "count"))
    var clusters: Int = 1

    @Option(name: .long, help: ArgumentHelp("With --pricing flat: Standard ingestion, dollars per GB (0 to 1000; default: the region's first tier).", valueName: "dollars"))
    var standardIngestionPrice: Double?

    @Option(name: .long, help: ArgumentHelp("With --pricing flat: Infrequent Access ingestion, dollars per GB (0 to 1000).", valueName: "dollars"))
    var iaIngestionPrice: Double?

    @Option(name: .long, help: ArgumentHelp("Standard storage, dollars per GB-month compressed (0 to 1000; default: the region's).", valueName: "dollars"))
    var standardStoragePrice: Double?

    @Option(name: .long, help: ArgumentHelp("Infrequent Access storage, dollars per GB-month compressed (0 to 1000).", valueName: "dollars"))
    var iaStoragePrice: Double?

    @Option(name: .long, help: ArgumentHelp("Bytes CloudWatch counts per event on top of its message (0 to 1048576).", valueName: "bytes"))
    var eventOverhead: Int = CloudWatchPrices().eventOverheadBytes

    @Option(name: .long, help: ArgumentHelp("Bytes in a GB: 1073741824 (2^30) or 1000000000 (at most 2^40).", valueName: "bytes"))
    var gbBytes: Int = CloudWatchPrices().bytesPerGB

    @Option(name: .long, help: ArgumentHelp("Rows in each breakdown (1 to 1000).", valueName: "count"))
    var top: Int = 10

    @Option(name: .long, help: ArgumentHelp("The most suggestions per policy (0 to 100).", valueName: "count"))
    var suggestions: Int = 5

    @Flag(name: .long, help: "Skip suggestions (one pass over the corpus instead of two).")
    var noSuggestions = false

    @Option(name: .long, help: "Output format: text, json or csv.")
    var format: EstimateFormat = .text

    @Option(name: .long, help: ArgumentHelp("Also write the report as a self-contained HTML page with charts.", valueName: "file"))
    var html: String?

    @Flag(name: .long, help: "Merge estimates written by --format json instead of replaying a corpus.")
    var merge = false

    @OptionGroup var progress: ProgressOptions

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("CloudTrail files or directories of the corpus's cluster (see auditsim cloudtrail): the time its audit log was off is reported and left out of the time span.", valueName: "file"))
    var cloudtrail: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write the policy with the suggested changes in it, each commented with its measured saving, to this file (one --policy; not an input).", valueName: "file"))
    var writePolicy: String?

    @Flag(name: .long, help: "The input is one shard of a larger corpus: keep requests whose other stages may be in other shards open in the JSON, for `auditsim merge` (needs --format json and --no-suggestions).")
    var shard = false

    func validate() throws {
        _ = try retention()
        try OptionRange.require(compressionRatio, in: 1...StorageModel.maximumCompressionRatio, option: "--compression-ratio")
        for (name, price) in [("--standard-ingestion-price", standardIngestionPrice), ("--ia-ingestion-price", iaIngestionPrice),
                              ("--standard-storage-price", standardStoragePrice), ("--ia-storage-price", iaStoragePrice)] {
            if let price { try OptionRange.require(price, in: 0...CloudWatchPrices.maximumPrice, option: name, unit: " dollars") }
        }
        if pricing == .vendedTiered, standardIngestionPrice != nil || iaIngestionPrice != nil {
            throw ValidationError("--standard-ingestion-price and --ia-ingestion-price set flat prices: add --pricing flat (vended-tiered uses the region's published tiers)")
        }
        _ = try regionPrices()
        try OptionRange.require(accountVendedGBMonth, in: 0...PricingAssumptions.maximumAccountVendedGBMonth, option: "--account-vended-gb-month", unit: " GB")
        try OptionRange.require(clusters, in: 1...PricingAssumptions.maximumClusters, option: "--clusters")
        try OptionRange.require(eventOverhead, in: 0...CloudWatchPrices.maximumEventOverheadBytes, option: "--event-overhead", unit: " bytes")
        try OptionRange.require(gbBytes, in: 1...CloudWatchPrices.maximumBytesPerGB, option: "--gb-bytes", unit: " bytes")
        try OptionRange.require(top, in: 1...EstimateAssumptions.maximumTop, option: "--top")
        try OptionRange.require(suggestions, in: 0...EstimateOptions.maximumSuggestionsPerPolicy, option: "--suggestions")
        if shard, format != .json || !noSuggestions || merge {
            throw ValidationError("--shard writes a summary for `auditsim merge`: add --format json and --no-suggestions (and drop --merge)")
        }
        if merge, !corpusOptions.policy.isEmpty { throw ValidationError("--merge takes the policies from the estimates; drop --policy") }
        if writePolicy != nil {
            if merge || shard || noSuggestions || suggestions == 0 {
                throw ValidationError("--write-policy writes the suggestions into the policy: drop --merge, --shard, --no-suggestions and --suggestions 0")
            }
            if corpusOptions.policy.count > 1 { throw ValidationError("--write-policy writes one policy: give one --policy") }
        }
    }

    func run() throws {
        try InputBytes.requireSingleStandardInput(inputs + corpusOptions.policy + cloudtrail)
        let protected = ProtectedInputs(paths: inputs + corpusOptions.policy + cloudtrail)
        if let writePolicy { try protected.check(output: writePolicy) }  // before the replay, not after
        let policies = merge ? [] : try corpusOptions.loadPoliciesWithSources()
        let report = merge ? try mergedReport(inputs) : try CorpusReplayOptions.hintingPolicy { try replayedReport(inputs, policies: policies.map(\.policy)) }
        if let html {
            let file = try OutputChannel.file(html, protecting: protected)
            try file.write(EstimateHTML.render(report))
            try file.finish()
        }
        if let writePolicy, let policy = policies.first {
            let written = try SuggestedPolicy(source: policy.source, policy: policy.policy.policy, report: report)
            let file = try OutputChannel.file(writePolicy, protecting: protected)
            try file.write(written.text.bytes)
            try file.finish()
            Console.writeError("wrote \(TerminalEscaping.escaped(writePolicy)): \(TerminalEscaping.escaped(policy.source.name)) with \(written.applied.count) suggested change\(written.applied.count == 1 ? "" : "s")")
        }
        switch format {
        case .text: try Console.write(EstimateText.render(report))
        case .json: try Console.writeLine(ReportJSON.string(report))
        case .csv: try Console.write(EstimateCSV.render(report))
        }
    }

    private func assumptions() throws -> EstimateAssumptions {
        let region = try regionPrices()
        let pricing = PricingAssumptions(model: pricing, region: region, flatStandard: standardIngestionPrice, flatInfrequentAccess: iaIngestionPrice,
                                         accountVendedGBMonth: accountVendedGBMonth, clusters: clusters)
        return EstimateAssumptions(
            prices: CloudWatchPrices(
                standardIngestionPerGB: pricing.tiers.standard.tiers[0].pricePerGB, infrequentAccessIngestionPerGB: pricing.tiers.infrequentAccess.tiers[0].pricePerGB,
                standardStoragePerGBMonth: standardStoragePrice ?? region.standardStoragePerGBMonth,
                infrequentAccessStoragePerGBMonth: iaStoragePrice ?? region.infrequentAccessStoragePerGBMonth,
                eventOverheadBytes: eventOverhead, bytesPerGB: gbBytes
            ),
            storage: StorageModel(retentionDays: try retention(), compressionRatio: compressionRatio),
            pricing: pricing,
            durationSeconds: duration.map { Double($0.seconds) },
            top: top,
            auditLogOff: cloudtrail.isEmpty ? nil
                : try CloudTrailAnalysis.auditLogGaps(trailPaths: cloudtrail).map { AuditLogOffSpan(from: $0.from, to: $0.to) }
        )
    }

    private func replayedReport(_ inputs: [String], policies: [ReplayPolicy]) throws -> EstimateReport {
        var replay = corpusOptions.replayOptions
        replay.holdsOpenRequests = shard
        let options = EstimateOptions(replay: replay, assumptions: try assumptions(), suggestionsPerPolicy: noSuggestions ? 0 : suggestions)
        let runner = EstimateRunner(policies: policies, options: options)
        // Each pass over the corpus gets its own progress line, erased when the next begins.
        var line: TerminalProgress?
        defer { line?.finish() }
        return try runner.run(canReread: !inputs.contains("-")) {
            line?.finish()
            let shown = progress.showing(try corpusOptions.corpusReader(inputs: inputs))
            line = shown.line
            return shown.reader
        }
    }

    private func mergedReport(_ inputs: [String]) throws -> EstimateReport {
        var merge = EstimateMerge()
        for path in inputs { try merge.add(json: Data(try InputBytes.read(path)), name: path == "-" ? "<stdin>" : path) }
        return try merge.report(assumptions: try assumptions())
    }

    private func regionPrices() throws -> RegionPrices {
        guard let prices = VendedLogPrices.region(region) else {
            throw ValidationError("--region takes one of \(VendedLogPrices.regionCodes.joined(separator: ", ")) (the regions whose tiers are sourced), not '\(TerminalEscaping.escaped(region))'")
        }
        return prices
    }

    private func retention() throws -> Int? {
        if retentionDays.lowercased() == "never" { return nil }
        guard let days = Int(retentionDays), (1...StorageModel.maximumRetentionDays).contains(days) else {
            throw ValidationError("--retention-days takes a number of days from 1 to \(StorageModel.maximumRetentionDays) or 'never', not '\(TerminalEscaping.escaped(retentionDays))'")
        }
        return days
    }
}

extension PricingModel: ExpressibleByArgument {}

/// The output formats of `auditsim estimate`.
enum EstimateFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}
