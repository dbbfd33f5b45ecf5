import ArgumentParser
import AuditPolicy
import AuditReplay

/// The options shared by the commands that replay a corpus (`replay`, `estimate`).
struct CorpusReplayOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A policy: a file, - for standard input, or a built-in policy (eks); repeat to compare several side by side in one pass (default: eks).", valueName: "file"), completion: PolicyCompletion.kind)
    var policy: [String] = []

    @Option(name: .long, help: ArgumentHelp("The Kubernetes release to imitate, 1.\(KubernetesVersion.supported.lowerBound) to 1.\(KubernetesVersion.supported.upperBound).", valueName: "version"))
    var kubernetesVersion: String = KubernetesVersion.latest.description

    @Flag(name: .long, help: "Accept a policy that kube-apiserver refuses only for its pre-v1 apiVersion (audit.k8s.io/v1beta1 or v1alpha1), as EKS runs its published v1beta1 policy.")
    var acceptDeprecated = false

    @Option(name: .long, help: ArgumentHelp("The input format: auto, jsonl, eventlist, cloudwatch-json or cloudwatch-s3.", valueName: "format"), completion: .list(InputFormat.allCases.map(\.rawValue)))
    var inputFormat: String = InputFormat.auto.rawValue

    @Option(name: .long, help: ArgumentHelp("The event size limit in bytes (JSON line without newline); larger events arrive cut to it.", valueName: "bytes"))
    var maxEventSize: Int = SizeLimits.defaultMaxEventSize

    @Option(name: .long, help: ArgumentHelp("Threads scanning events besides the reader (default: the number of processors, at most 4; 0 scans on the main thread).", valueName: "count"))
    var threads: Int?

    func validate() throws {
        guard maxEventSize > 0 else { throw ValidationError("--max-event-size must be a positive number of bytes") }
        guard InputFormat(rawValue: inputFormat) != nil else {
            throw ValidationError("unknown --input-format '\(inputFormat)': use \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard KubernetesVersion(kubernetesVersion) != nil else {
            throw ValidationError("unsupported --kubernetes-version '\(kubernetesVersion)': use 1.\(KubernetesVersion.supported.lowerBound) to 1.\(KubernetesVersion.supported.upperBound)")
        }
        if let threads, threads < 0 { throw ValidationError("--threads must be 0 or more") }
    }

    /// The chosen input format.
    var format: InputFormat { InputFormat(rawValue: inputFormat) ?? .auto }

    /// The policies to replay under, compiled; refused ones throw `ReplayInputError`.
    func loadPolicies() throws -> [ReplayPolicy] {
        try ReplayPolicies.load(arguments: policy, version: KubernetesVersion(kubernetesVersion) ?? .latest, acceptDeprecated: acceptDeprecated)
    }

    /// Replay options with these limits and threads.
    func replayOptions(apiServerTruncate: Int?) -> ReplayOptions {
        var options = ReplayOptions(limits: SizeLimits(maxEventSize: maxEventSize, apiServerTruncateMaxEventSize: apiServerTruncate))
        if let threads { options.scanThreads = threads }
        return options
    }

    /// A reader of `inputs`, or of the bundled corpus when there are none.
    func corpusReader(inputs: [String]) throws -> CorpusReader {
        if inputs.isEmpty {
            return CorpusReader(bytes: BundledCorpus.defaultBytes, source: BundledCorpus.name, format: format,
                                batchBytes: ReplayOptions.recommendedBatchBytes)
        }
        return try CorpusReader(paths: inputs, format: format, batchBytes: ReplayOptions.recommendedBatchBytes)
    }

    /// Splits the arguments a command captured unparsed into inputs and the
    /// `--apiserver-truncate[=BYTES]` setting, which takes an optional value (ArgumentParser options cannot).
    static func inputsAndTruncation(_ arguments: [String]) throws -> (inputs: [String], apiServerTruncate: Int?) {
        var inputs: [String] = []
        var truncate: Int?
        var optionsEnded = false
        for argument in arguments {
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                inputs.append(argument)
            } else if argument == "--" {
                optionsEnded = true
            } else if argument == "--apiserver-truncate" {
                truncate = SizeLimits.defaultAPIServerTruncateMaxEventSize
            } else if argument.hasPrefix("--apiserver-truncate=") {
                let value = argument.dropFirst("--apiserver-truncate=".count)
                guard let bytes = Int(value), bytes > 0 else {
                    throw ValidationError("--apiserver-truncate takes a positive number of bytes, not '\(value)'")
                }
                truncate = bytes
            } else {
                throw ValidationError("unknown option '\(argument)'")
            }
        }
        return (inputs, truncate)
    }
}
