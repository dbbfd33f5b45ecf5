import ArgumentParser
import AuditCorpus
import AuditPolicy
import AuditSimIO
import Foundation

/// `auditsim corpus`: the synthetic corpora auditsim ships and benchmarks with.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Generate synthetic EKS audit corpora.",
        subcommands: [CorpusSynthCommand.self]
    )
}

/// `auditsim corpus synth`: writes a deterministic recording of EKS control-plane traffic.
struct CorpusSynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a synthetic recording of EKS control-plane audit traffic (JSON lines).",
        discussion: """
        The recording is what kube-apiserver's log backend writes under a catch-all RequestResponse policy with no omitted stages: kubelets, leader election, controllers, the scheduler, CoreDNS, the VPC CNI, kube-proxy, EKS agents, a CI deploy, an operator's kubectl session, a developer's denied requests, and internet scanners. The same options always give the same bytes. Corpus/README.md describes the traffic and its rates.

        Without options it writes the bundled corpus (Corpus/eks-sample.jsonl) to standard output, silently; with --out it says on standard error what it wrote. With --bytes and no --duration, it runs until that many bytes are written. A FILE ending in .gz is written gzip-compressed.

        Durations take the grammar every command shares: a number of seconds (300) or parts with units d, h, m, s in that order (90s, 5m, 1h30m, 2d), at most 3653d.

        Exit codes: 0 ok, 2 usage error or unwritable output.

        Examples:
          auditsim corpus synth > sample.jsonl
          auditsim corpus synth --seed 7 --nodes 20 --duration 1h --out hour.jsonl.gz
          auditsim corpus synth --bytes 1G --out /tmp/big.jsonl
        """
    )

    @Option(name: .long, help: "The PRNG seed (0 to 18446744073709551615).")
    var seed: UInt64 = AuditCorpus.BundledRecording.configuration.seed

    @Option(name: .long, help: "Worker nodes in the cluster (1 to 5000).")
    var nodes: Int = AuditCorpus.BundledRecording.configuration.nodes

    @Option(name: .long, help: ArgumentHelp("How long the recording lasts: 300, 90s, 5m, 2h, 1h30m, 2d; at most 3653d (default 5m, or no limit with --bytes).", valueName: "duration"))
    var duration: DurationValue?

    @Option(name: .long, help: ArgumentHelp("Stop once this many bytes are written: 1048576, 500M, 1G (K, M, G are powers of 1024).", valueName: "size"))
    var bytes: String?

    @Option(name: .long, help: ArgumentHelp("Time between two runs of the scripted activity (CI deploy, kubectl sessions): 1m to 3653d (default 30m).", valueName: "duration"))
    var scenarioInterval: DurationValue?

    @Option(name: .long, help: ArgumentHelp("Output file (default: standard output); .gz compresses.", valueName: "file"))
    var out: String?

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        try OptionRange.require(nodes, in: Self.nodeRange, option: "--nodes")
        if let scenarioInterval {
            try OptionRange.require(scenarioInterval.seconds, in: 60...DurationValue.maximumSeconds, option: "--scenario-interval", unit: " seconds")
        }
        if let bytes, Self.byteCount(bytes) == nil {
            throw ValidationError("invalid --bytes '\(TerminalEscaping.escaped(bytes))': use a byte count such as 1048576, 500M or 1G")
        }
    }

    func run() throws {
        let maxBytes = bytes.flatMap(Self.byteCount)
        let durationSeconds: Int? = duration?.seconds ?? (maxBytes == nil ? AuditCorpus.BundledRecording.configuration.durationSeconds : nil)
        let configuration = RecordingConfiguration(seed: seed, nodes: nodes, durationSeconds: durationSeconds,
                                                scenarioIntervalSeconds: scenarioInterval?.seconds ?? AuditCorpus.BundledRecording.configuration.scenarioIntervalSeconds)
        let output = try CorpusOutput(path: out)
        let started = Date()
        let summary: RecordingGenerator.Summary
        // No progress line between the lines of a recording written to the same terminal.
        let line = out == nil && isatty(STDOUT_FILENO) == 1 ? nil : progress.line("writing")
        var written = 0
        do {
            summary = try RecordingGenerator.generate(configuration, maxBytes: maxBytes) { chunk in
                try output.write(chunk)
                written += chunk.count
                line?.update(done: written, total: maxBytes)
            }
            line?.finish()
            try output.finish()
        } catch {
            line?.finish()
            output.abandon()
            throw error
        }
        // Into a pipeline the recording speaks for itself: the summary is for a file.
        guard let out else { return }
        let elapsed = max(Date().timeIntervalSince(started), 1e-6)
        Console.writeError(String(format: "wrote %d events, %d bytes to %@ in %.2f s (%.0f MB/s)",
                                   summary.events, summary.bytes, TerminalEscaping.escaped(out), elapsed, Double(summary.bytes) / elapsed / 1e6))
    }

    /// The cluster sizes the generator takes: one node to a large EKS cluster.
    static let nodeRange = 1...5_000

    /// Bytes in `1048576`, `64K`, `500M`, `1G`, `1GiB` (binary multiples).
    static func byteCount(_ text: String) -> Int? {
        var digits = text
        for suffix in ["iB", "B", "i"] where digits.hasSuffix(suffix) && digits.count > suffix.count {
            digits.removeLast(suffix.count)
            break
        }
        let multipliers: [Character: Int] = ["K": 1 << 10, "k": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        var multiplier = 1
        if let last = digits.last, let found = multipliers[last] {
            multiplier = found
            digits.removeLast()
        }
        guard let value = Int(digits), value > 0 else { return nil }
        return value.multipliedReportingOverflow(by: multiplier).overflow ? nil : value * multiplier
    }
}
