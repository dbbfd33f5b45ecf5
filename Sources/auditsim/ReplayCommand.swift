import ArgumentParser
import AuditPolicy
import AuditReplay
import Foundation

/// `auditsim replay`: what kube-apiserver would emit for recorded traffic, and how big it is.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay recorded audit events under a policy: the events kube-apiserver would emit, byte for byte, and their sizes against CloudWatch's limit.",
        discussion: """
        Inputs are audit.k8s.io Event JSON lines, EventList documents or CloudWatch Logs exports (filter-log-events / get-log-events JSON, or S3 exports), gzip-compressed or not: files, directories, or - for standard input. With no input, the bundled corpus is replayed. The stages of one request are grouped by auditID and each request is replayed once.

        --apiserver-truncate[=BYTES] simulates kube-apiserver's --audit-log-truncate-enabled with --audit-log-truncate-max-event-size BYTES (default 102400): events that large lose their bodies, or are dropped when still too large. Give BYTES with '='.

        Exit codes: 0 ok, 1 oversize events found with --fail-on-oversize, 2 usage or input error.

        Examples:
          auditsim replay
          auditsim replay audit-2024-05-*.jsonl.gz --policy my-policy.yaml
          auditsim replay export.json --policy a.yaml --policy b.yaml
          auditsim replay audit.jsonl --emit emitted.jsonl --apiserver-truncate
          auditsim replay audit.jsonl --format json --fail-on-oversize
        """
    )

    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("Recorded events: files, directories, or - for standard input (default: the bundled corpus).", valueName: "input")
    )
    var arguments: [String] = []

    @Option(name: .long, help: ArgumentHelp("A policy file to replay under; repeat to compare several side by side (default: the built-in EKS policy).", valueName: "file"))
    var policy: [String] = []

    @Option(name: .long, help: ArgumentHelp("The Kubernetes release to imitate, 1.\(KubernetesVersion.supported.lowerBound) to 1.\(KubernetesVersion.supported.upperBound).", valueName: "version"))
    var kubernetesVersion: String = KubernetesVersion.latest.description

    @Flag(name: .long, help: "Replay a policy that kube-apiserver refuses only for its pre-v1 apiVersion (audit.k8s.io/v1beta1 or v1alpha1), as EKS runs its published v1beta1 policy.")
    var acceptDeprecated = false

    @Option(name: .long, help: ArgumentHelp("The input format: auto, jsonl, eventlist, cloudwatch-json or cloudwatch-s3.", valueName: "format"))
    var inputFormat: String = InputFormat.auto.rawValue

    @Option(name: .long, help: ArgumentHelp("The event size limit in bytes (JSON line without newline).", valueName: "bytes"))
    var maxEventSize: Int = SizeLimits.defaultMaxEventSize

    @Option(name: .long, help: ArgumentHelp("Write the events kube-apiserver would emit (under the first policy) to this file, one JSON line each.", valueName: "file"))
    var emit: String?

    @Flag(name: .long, help: "Exit with 1 when an event is over --max-event-size.")
    var failOnOversize = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp("How many oversize events and malformed lines the text report lists.", valueName: "count"))
    var show: Int = 10

    @Option(name: .long, help: ArgumentHelp("Threads scanning events besides the reader (default: the number of processors, at most 4; 0 scans on the main thread).", valueName: "count"))
    var threads: Int?

    /// The inputs and the `--apiserver-truncate` setting, taken apart from the captured arguments.
    private func parsedArguments() throws -> (inputs: [String], apiServerTruncate: Int?) {
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

    func validate() throws {
        _ = try parsedArguments()
        guard maxEventSize > 0 else { throw ValidationError("--max-event-size must be a positive number of bytes") }
        guard InputFormat(rawValue: inputFormat) != nil else {
            throw ValidationError("unknown --input-format '\(inputFormat)': use \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard KubernetesVersion(kubernetesVersion) != nil else {
            throw ValidationError("unsupported --kubernetes-version '\(kubernetesVersion)': use 1.\(KubernetesVersion.supported.lowerBound) to 1.\(KubernetesVersion.supported.upperBound)")
        }
        if let threads, threads < 0 { throw ValidationError("--threads must be 0 or more") }
        guard show >= 0 else { throw ValidationError("--show must be 0 or more") }
    }

    func run() throws {
        let (inputs, apiServerTruncate) = try parsedArguments()
        let version = KubernetesVersion(kubernetesVersion) ?? .latest
        let policies: [ReplayPolicy]
        let reader: CorpusReader
        do {
            policies = try ReplayPolicies.load(paths: policy, version: version, acceptDeprecated: acceptDeprecated)
            reader = try corpusReader(inputs: inputs)
        } catch let error as ReplayInputError {
            Terminal.writeError("error: \(error.message)")
            throw ExitCode(2)
        } catch let error as InputError {
            Terminal.writeError("error: \(error)")
            throw ExitCode(2)
        }

        var options = ReplayOptions(limits: SizeLimits(maxEventSize: maxEventSize, apiServerTruncateMaxEventSize: apiServerTruncate))
        options.malformedShown = max(show, 10)
        if let threads { options.scanThreads = threads }

        let report: ReplayReport
        do {
            if let emit {
                let writer = try EmittedEventFile(path: emit)
                report = try ReplayEngine(policies: policies, options: options).run(reader) { try writer.write(line: $0) }
                try writer.close()
            } else {
                report = try ReplayEngine(policies: policies, options: options).run(reader)
            }
        } catch let error as InputError {
            Terminal.writeError("error: \(error)")
            throw ExitCode(2)
        } catch let error as ReplayInputError {
            Terminal.writeError("error: \(error.message)")
            throw ExitCode(2)
        }

        switch format {
        case .text:
            print(ReplayRendering(report: report, shown: show).text, terminator: "")
        case .json:
            print(try JSONOutput.string(report))
        }
        if failOnOversize && report.hasOversizeEvents { throw ExitCode(1) }
    }

    private func corpusReader(inputs: [String]) throws -> CorpusReader {
        let format = InputFormat(rawValue: inputFormat) ?? .auto
        if inputs.isEmpty {
            return CorpusReader(bytes: BundledCorpus.defaultBytes, source: BundledCorpus.name, format: format,
                                batchBytes: ReplayOptions.recommendedBatchBytes)
        }
        return try CorpusReader(paths: inputs, format: format, batchBytes: ReplayOptions.recommendedBatchBytes)
    }
}

/// A problem with the command's inputs (a policy kube-apiserver refuses, an unreadable file);
/// exit code 2.
struct ReplayInputError: Error {
    var message: String
}
