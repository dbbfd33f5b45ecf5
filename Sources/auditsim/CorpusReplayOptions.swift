import ArgumentParser
import AuditPolicy
import AuditCorpus
import AuditReplay

/// The options shared by the commands that replay a corpus (`replay`, `estimate`).
struct CorpusReplayOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A policy: a file, - for standard input, or a built-in policy (eks); repeat to compare several side by side in one pass (default: eks).", valueName: "file"), completion: PolicyCompletion.kind)
    var policy: [String] = []

    @OptionGroup var kubernetesVersion: KubernetesVersionOption

    @Flag(name: .long, help: "Accept a policy that kube-apiserver refuses only for its pre-v1 apiVersion (audit.k8s.io/v1beta1 or v1alpha1), as EKS runs its published v1beta1 policy.")
    var acceptDeprecated = false

    @Option(name: .long, help: ArgumentHelp("The input format; auto detects it per file from its first bytes.", valueName: "format"))
    var inputFormat: InputFormat = .auto

    @Option(name: .long, help: ArgumentHelp("The event size limit (JSON line without newline); larger events arrive cut to it. A size is a number of bytes, or a number with Ki, Mi, Gi (powers of 1024) or k, M, G (powers of 1000): 262144, 256Ki, 1Mi.", valueName: "size"))
    var maxEventSize = ByteSize(bytes: SizeLimits.defaultMaxEventSize)

    @Option(name: .long, help: ArgumentHelp("Simulate kube-apiserver's --audit-log-truncate-enabled with --audit-log-truncate-max-event-size SIZE (kube-apiserver's default: 100Ki, or 102400): events that large lose their bodies, or are dropped when still too large.", valueName: "size"))
    var apiserverTruncate: ByteSize?

    @Option(name: .long, help: ArgumentHelp("The longest input event read (a line, or an element of an EventList or CloudWatch JSON document, after decompression), 1Ki to 1Gi; a longer one is skipped and reported as an oversize malformed line.", valueName: "size"))
    var maxInputEventSize = ByteSize(bytes: InputEventLimit.defaultBytes)

    @Option(name: .long, help: ArgumentHelp("Threads scanning events besides the reader, \(ReplayOptions.allowedScanThreads.lowerBound) to \(ReplayOptions.allowedScanThreads.upperBound) (default: the number of processors, at most 4; 0 scans on the main thread).", valueName: "count"))
    var threads: Int?

    func validate() throws {
        do {
            try OptionRangeError.check(maxEventSize, in: SizeLimits.allowedEventSizes, option: "--max-event-size")
            if let apiserverTruncate {
                try OptionRangeError.check(apiserverTruncate, in: SizeLimits.allowedEventSizes, option: "--apiserver-truncate")
            }
            try OptionRangeError.check(maxInputEventSize, in: InputEventLimit.allowedBytes, option: "--max-input-event-size")
            if let threads { try OptionRangeError.check(threads, in: ReplayOptions.allowedScanThreads, option: "--threads") }
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The policies to replay under, compiled; refused ones throw `ReplayInputError`.
    func loadPolicies() throws -> [ReplayPolicy] {
        try loadPoliciesWithSources().map(\.policy)
    }

    /// The policies to replay under, with their file texts.
    func loadPoliciesWithSources() throws -> [(source: PolicySource, policy: ReplayPolicy)] {
        try ReplayPolicies.loadWithSources(arguments: policy, version: kubernetesVersion.version, acceptDeprecated: acceptDeprecated)
    }

    /// Replay options with these limits and threads.
    var replayOptions: ReplayOptions {
        var options = ReplayOptions(limits: SizeLimits(maxEventSize: maxEventSize.bytes, apiServerTruncateMaxEventSize: apiserverTruncate?.bytes))
        if let threads { options.scanThreads = threads }
        return options
    }

    /// A reader of `inputs`, or of the bundled corpus when there are none.
    func corpusReader(inputs: [String], batchBytes: Int = ReplayOptions.recommendedBatchBytes) throws -> RecordingReader {
        if inputs.isEmpty {
            return RecordingReader(bytes: BundledRecording.defaultBytes, source: BundledRecording.name, format: inputFormat,
                                batchBytes: batchBytes, maxEventBytes: maxInputEventSize.bytes)
        }
        return try RecordingReader(paths: inputs, format: inputFormat, batchBytes: batchBytes, maxEventBytes: maxInputEventSize.bytes)
    }

    /// Runs `body` (a replay), adding to the error of an input that looks like a policy the hint
    /// that policies are given with `--policy`.
    static func hintingPolicy<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as InputError where error.looksLikePolicy {
            throw ValidationError("\(error) (did you mean --policy \(error.file)?)")
        }
    }
}
