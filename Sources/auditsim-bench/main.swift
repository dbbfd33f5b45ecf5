// auditsim-bench: generates a large deterministic corpus and measures `auditsim replay`'s engine.
//
//   swift build -c release --product auditsim-bench
//   .build/release/auditsim-bench [--size BYTES] [--generator templates|synth|metadata] [--threads N]
//                                 [--batch-bytes N] [--in-flight N] [--corpus FILE] [--keep] [--policy FILE]
//                                 [--vs-wc]
//
// Generates a corpus (default 1.1 GB, deterministic; `templates` repeats realistic EKS events
// with fresh auditIDs, `synth` runs the project's recording generator (AuditCorpus), `metadata` repeats
// the bundled recording as logged at Metadata level, with unique auditIDs), replays it under the
// built-in EKS policy (or --policy) with sizes, and prints MB/s, events/s and peak memory
// (VmHWM). With --corpus FILE an existing file is replayed (or the generated one kept there).
// With --vs-wc it times `wc -l` on the same file first, then the replay on one core (`--threads 0`)
// and with the default threads, and prints each figure as a share of `wc -l`'s, the scaling from
// one to two threads, and the decision cache's hit rate.
import AuditPolicy
import AuditCorpus
import AuditReplay
import Foundation

struct BenchOptions {
    var size = 1_100_000_000
    var threads: Int? = nil
    var corpus: String? = nil
    var keep = false
    var policy: String? = nil
    var seed: UInt64 = 42
    var generator = "templates"
    var batchBytes = ReplayOptions.recommendedBatchBytes
    var inFlight: Int? = nil
    var versusWC = false

    init(arguments: [String]) {
        var index = 0
        func value() -> String {
            index += 1
            guard index < arguments.count else { fail("missing value after \(arguments[index - 1])") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--size": size = Int(value()) ?? { fail("--size takes a number of bytes") }()
            case "--threads": threads = Int(value()) ?? { fail("--threads takes a number") }()
            case "--corpus": corpus = value()
            case "--keep": keep = true
            case "--policy": policy = value()
            case "--seed": seed = UInt64(value()) ?? { fail("--seed takes a number") }()
            case "--generator":
                generator = value()
                guard ["templates", "synth", "metadata"].contains(generator) else { fail("--generator is templates, synth or metadata") }
            case "--batch-bytes": batchBytes = Int(value()) ?? { fail("--batch-bytes takes a number") }()
            case "--in-flight": inFlight = Int(value()) ?? { fail("--in-flight takes a number") }()
            case "--vs-wc": versusWC = true
            case "--help", "-h":
                print("usage: auditsim-bench [--size BYTES] [--generator templates|synth|metadata] [--threads N] [--batch-bytes N] [--in-flight N] [--corpus FILE] [--keep] [--policy FILE] [--seed N] [--vs-wc]")
                exit(0)
            default: fail("unknown argument \(arguments[index])")
            }
            index += 1
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("auditsim-bench: \(message)\n".utf8))
    exit(2)
}

/// Peak resident memory of this process, from /proc/self/status (VmHWM), in bytes.
func peakResidentBytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let fields = line.split(separator: " ")
        if fields.count >= 2, let kilobytes = Int(fields[1]) { return kilobytes * 1024 }
    }
    return nil
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

// The other modes: `decide` (the policy decision alone), `batch` (`explain --batch` on one core),
// `startup` (commands on small inputs, start-up included), `lint` (`auditsim lint` on a large
// policy), `analysis` (the request-space engine).
let modes: [String: ([String]) -> Void] = [
    "decide": DecideBench.run, "batch": BatchBench.run, "startup": StartupBench.run,
    "lint": LintBench.run, "analysis": AnalysisBench.run,
]
if let name = CommandLine.arguments.dropFirst().first, let mode = modes[name] {
    mode(Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
}

let options = BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))

// 1. The corpus.
let corpusPath: String
if let given = options.corpus, FileManager.default.fileExists(atPath: given) {
    corpusPath = given
    print("corpus: \(given) (existing)")
} else {
    corpusPath = options.corpus ?? NSTemporaryDirectory() + "auditsim-bench-\(getpid()).jsonl"
    guard FileManager.default.createFile(atPath: corpusPath, contents: nil), let handle = FileHandle(forWritingAtPath: corpusPath) else {
        fail("cannot create \(corpusPath)")
    }
    let started = now()
    var written = 0
    if options.generator == "synth" {
        // The project's own recording generator (`auditsim corpus synth`): a 50-node cluster with no
        // end, cut at the byte budget.
        let configuration = RecordingConfiguration(seed: options.seed, nodes: 50, durationSeconds: nil)
        RecordingGenerator.generate(configuration, maxBytes: options.size) { chunk in
            handle.write(Data(chunk))
            written += chunk.count
        }
    } else if options.generator == "metadata" {
        var generator = MetadataCorpus()
        var chunk: [UInt8] = []
        while written < options.size {
            chunk.removeAll(keepingCapacity: true)
            generator.generateCopy(into: &chunk)
            handle.write(Data(chunk))
            written += chunk.count
        }
    } else {
        var generator = BenchCorpus(seed: options.seed)
        var chunk: [UInt8] = []
        while written < options.size {
            chunk.removeAll(keepingCapacity: true)
            generator.generate(bytes: min(8 << 20, options.size - written), into: &chunk)
            handle.write(Data(chunk))
            written += chunk.count
        }
    }
    try? handle.close()
    print("corpus: \(corpusPath), \(written) bytes (\(options.generator)) generated in \(String(format: "%.1f", now() - started)) s")
}
defer {}
let corpusBytes = (try? FileManager.default.attributesOfItem(atPath: corpusPath)[.size] as? Int) ?? 0

// 2. The policy.
let readOptions = PolicyReadOptions()
let loaded: LoadedPolicy
if let path = options.policy {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    loaded = PolicyReader.read(PolicySource(name: path, bytes: Array(data)), options: readOptions)
} else {
    loaded = PolicyReader.read(BuiltInPolicy.eks.source, options: readOptions)
}
guard let compiled = try? loaded.compile(acceptPreV1: true) else { fail("the policy is refused: \(loaded.apiServerError ?? "?")") }

// 3. The replay.
/// One timed replay of the corpus with `threads` scan threads (`nil`: the default).
func timedReplay(threads: Int?, observer: (any ReplayObserver)? = nil) -> (seconds: Double, report: ReplayReport, options: ReplayOptions) {
    var replayOptions = ReplayOptions()
    if let inFlight = options.inFlight { replayOptions.batchesInFlight = inFlight }
    if let threads { replayOptions.scanThreads = threads }
    let started = now()
    do {
        let report = try ReplayEngine(policies: [ReplayPolicy(name: loaded.source.name, policy: compiled)], options: replayOptions)
            .run(try RecordingReader(paths: [corpusPath], batchBytes: options.batchBytes), observer: observer)
        return (now() - started, report, replayOptions)
    } catch {
        fail("\(error)")
    }
}

/// Counts the decision cache's lookups and hits, and nothing else.
final class DecisionCacheCounter: ReplayObserver {
    var lookups = 0
    var hits = 0
    func replaying(_ request: ObservedRequest) {}
    func emitted(_ event: ObservedEvent) {}
    func decisionCache(lookups: Int, hits: Int) {
        self.lookups += lookups
        self.hits += hits
    }
}

func megabytesPerSecond(_ seconds: Double) -> Double { Double(corpusBytes) / seconds / 1e6 }

/// CPU seconds (user and system) used so far by this process, all threads.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(Int32(truncatingIfNeeded: RUSAGE_SELF.rawValue), &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// A timed replay's wall and CPU seconds.
func measuredReplay(threads: Int?) -> (wall: Double, cpu: Double, options: ReplayOptions, events: Int) {
    let cpuBefore = cpuSeconds()
    let run = timedReplay(threads: threads)
    return (run.seconds, cpuSeconds() - cpuBefore, run.options, run.report.rawEvents)
}

if options.versusWC {
    // `wc -l` from the page cache: the first run warms the cache, the best of three counts.
    var wcWall = Double.infinity, wcCPU = Double.infinity
    for _ in 0..<3 {
        let run = TimedChild.run("/usr/bin/wc", ["-l", corpusPath])
        wcWall = min(wcWall, run.wall)
        wcCPU = min(wcCPU, run.cpu)
    }
    let oneCore = measuredReplay(threads: 0)
    let both = measuredReplay(threads: options.threads)
    let counter = DecisionCacheCounter()
    _ = timedReplay(threads: 0, observer: counter)
    // Wall time is what a user waits; CPU time (user + system) is steadier on a shared machine.
    func line(_ label: String, wall: Double, cpu: Double) -> String {
        label.padding(toLength: 26, withPad: " ", startingAt: 0)
            + String(format: "wall %7.3f s %6.0f MB/s %5.1f%% of wc -l | CPU %7.3f s %6.0f MB/s %5.1f%% of wc -l",
                     wall, megabytesPerSecond(wall), 100 * wcWall / wall, cpu, megabytesPerSecond(cpu), 100 * wcCPU / cpu)
    }
    print("corpus: \(corpusBytes) bytes, \(oneCore.events) events")
    print(line("wc -l", wall: wcWall, cpu: wcCPU))
    print(line("replay, one core", wall: oneCore.wall, cpu: oneCore.cpu))
    print(line("replay, \(both.options.scanThreads) scan thread(s)", wall: both.wall, cpu: both.cpu))
    print(String(format: "scaling one core -> default threads (wall): %.2fx", oneCore.wall / both.wall))
    print(String(format: "decision cache: %d lookups, %.1f%% hits", counter.lookups, 100 * Double(counter.hits) / Double(max(1, counter.lookups))))
    print(String(format: "peak memory (VmHWM): %.1f MiB", Double(peakResidentBytes() ?? 0) / 1_048_576))
    if !options.keep && options.corpus == nil { try? FileManager.default.removeItem(atPath: corpusPath) }
    exit(0)
}

let peakBefore = peakResidentBytes() ?? 0
let (seconds, report, replayOptions) = timedReplay(threads: options.threads)
let peak = peakResidentBytes() ?? 0
if !options.keep && options.corpus == nil { try? FileManager.default.removeItem(atPath: corpusPath) }

let policyReport = report.policies[0]
print("replay: \(report.rawEvents) events, \(report.requests) requests, \(report.malformed.count) malformed, \(report.reencodedEvents) re-encoded")
print("emitted under \(policyReport.policy): \(policyReport.events) events, \(policyReport.bytes) bytes, \(policyReport.oversize.events) over \(report.limits.maxEventSize) bytes")
print("scan threads: \(replayOptions.scanThreads), batches of \(options.batchBytes) bytes, \(replayOptions.batchesInFlight) in flight")
print(String(format: "time: %.2f s", seconds))
print(String(format: "throughput: %.0f MB/s (%.0f MiB/s), %.0f events/s", Double(corpusBytes) / seconds / 1e6, Double(corpusBytes) / seconds / 1_048_576, Double(report.rawEvents) / seconds))
print(String(format: "peak memory (VmHWM): %.1f MiB (%.1f MiB before the replay)", Double(peak) / 1_048_576, Double(peakBefore) / 1_048_576))
