import ArgumentParser
import AuditCorpus
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
        The recording is what kube-apiserver's log backend writes under a
        catch-all RequestResponse policy with no omitted stages: kubelets, leader
        election, controllers, the scheduler, CoreDNS, the VPC CNI, kube-proxy,
        EKS agents, a CI deploy, an operator's kubectl session, a developer's
        denied requests, and internet scanners. The same options always give the
        same bytes. Corpus/README.md describes the traffic and its rates.

        Without options it writes the bundled corpus (Corpus/eks-sample.jsonl).
        With --bytes and no --duration, it runs until that many bytes are written.
        A FILE ending in .gz is written gzip-compressed.

        Exit codes: 0 ok, 2 usage error or unwritable output.

        Examples:
          auditsim corpus synth > sample.jsonl
          auditsim corpus synth --seed 7 --nodes 20 --duration 1h --out hour.jsonl.gz
          auditsim corpus synth --bytes 1G --out /tmp/big.jsonl
        """
    )

    @Option(name: .long, help: "The PRNG seed.")
    var seed: UInt64 = AuditCorpus.BundledRecording.configuration.seed

    @Option(name: .long, help: "Worker nodes in the cluster.")
    var nodes: Int = AuditCorpus.BundledRecording.configuration.nodes

    @Option(name: .long, help: ArgumentHelp("How long the recording lasts: 300, 90s, 5m, 2h, 1h30m (default 5m, or no limit with --bytes).", valueName: "duration"))
    var duration: String?

    @Option(name: .long, help: ArgumentHelp("Stop once this many bytes are written: 1048576, 500M, 1G (K, M, G are powers of 1024).", valueName: "size"))
    var bytes: String?

    @Option(name: .long, help: ArgumentHelp("Minutes between two runs of the scripted activity (CI deploy, kubectl sessions).", valueName: "minutes"))
    var scenarioInterval: Int = AuditCorpus.BundledRecording.configuration.scenarioIntervalSeconds / 60

    @Option(name: .long, help: ArgumentHelp("Output file (default: standard output); .gz compresses.", valueName: "file"))
    var out: String?

    func validate() throws {
        guard nodes >= 1 && nodes <= 5000 else { throw ValidationError("--nodes must be between 1 and 5000") }
        guard scenarioInterval >= 1 else { throw ValidationError("--scenario-interval must be at least 1 minute") }
        if let duration, Self.seconds(duration) == nil {
            throw ValidationError("invalid --duration '\(duration)': use seconds or a duration such as 90s, 5m, 2h, 1h30m")
        }
        if let bytes, Self.byteCount(bytes) == nil {
            throw ValidationError("invalid --bytes '\(bytes)': use a byte count such as 1048576, 500M or 1G")
        }
    }

    func run() throws {
        let maxBytes = bytes.flatMap(Self.byteCount)
        let durationSeconds: Int? = duration.flatMap(Self.seconds) ?? (maxBytes == nil ? AuditCorpus.BundledRecording.configuration.durationSeconds : nil)
        let configuration = RecordingConfiguration(seed: seed, nodes: nodes, durationSeconds: durationSeconds,
                                                scenarioIntervalSeconds: scenarioInterval * 60)
        let output = try CorpusOutput(path: out)
        let started = Date()
        let summary: RecordingGenerator.Summary
        do {
            summary = try RecordingGenerator.generate(configuration, maxBytes: maxBytes) { try output.write($0) }
            try output.finish()
        } catch {
            output.abandon()
            throw error
        }
        let elapsed = max(Date().timeIntervalSince(started), 1e-6)
        Console.writeError(String(format: "wrote %d events, %d bytes to %@ in %.2f s (%.0f MB/s)",
                                   summary.events, summary.bytes, out ?? "standard output", elapsed, Double(summary.bytes) / elapsed / 1e6))
    }

    /// Seconds in `300`, `90s`, `5m`, `2h`, `1h30m`.
    static func seconds(_ text: String) -> Int? {
        if let plain = Int(text) { return plain >= 0 ? plain : nil }
        var total = 0
        var number = ""
        for character in text {
            if character.isASCII && character.isNumber {
                number.append(character)
                continue
            }
            guard let value = Int(number) else { return nil }
            switch character {
            case "s": total += value
            case "m": total += value * 60
            case "h": total += value * 3600
            default: return nil
            }
            number = ""
        }
        return number.isEmpty && total > 0 ? total : nil
    }

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
