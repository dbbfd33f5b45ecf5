// `auditsim-bench lint`: how long `auditsim lint` takes on a large policy.
//
//   swift build -c release --product auditsim-bench
//   .build/release/auditsim-bench lint [--rules N] [--seed N] [--repeat N] [--policy FILE] [--write FILE]
//
// Lints a generated policy of --rules rules (default 1,000; the same generator as
// `auditsim-bench analysis`) or --policy FILE with every check, shadowed- and redundant-rule
// analysis and checklist coverage included, and prints the best wall time of --repeat runs
// (reading, decoding, validation and all checks), the findings, and peak memory (VmHWM).
// --write FILE also writes the linted policy there, to time `auditsim lint FILE` end to end.
import AuditAnalysis
import AuditLint
import AuditPolicy
import Foundation

enum LintBench {
    static func run(arguments: [String]) {
        var rules = 1000, seed: UInt64 = 1, repeats = 5
        var policyPath: String?
        var writePath: String?
        var index = 0
        while index < arguments.count {
            let flag = arguments[index]
            index += 1
            guard index < arguments.count || flag == "--help" else { fail("missing value after \(flag)") }
            switch flag {
            case "--rules": rules = Int(arguments[index]) ?? { fail("--rules takes a number") }()
            case "--seed": seed = UInt64(arguments[index]) ?? { fail("--seed takes a number") }()
            case "--repeat": repeats = max(1, Int(arguments[index]) ?? { fail("--repeat takes a number") }())
            case "--policy": policyPath = arguments[index]
            case "--write": writePath = arguments[index]
            case "--help":
                print("usage: auditsim-bench lint [--rules N] [--seed N] [--repeat N] [--policy FILE] [--write FILE]")
                exit(0)
            default: fail("unknown argument \(flag)")
            }
            index += 1
        }
        let source: PolicySource
        if let policyPath {
            guard let data = FileManager.default.contents(atPath: policyPath) else { fail("cannot read \(policyPath)") }
            source = PolicySource(name: policyPath, bytes: Array(data))
        } else {
            source = PolicySource(name: "generated-\(rules)-rules.yaml", text: SyntheticPolicy.yaml(rules: rules, seed: seed))
        }
        if let writePath {
            guard FileManager.default.createFile(atPath: writePath, contents: Data(source.bytes)) else { fail("cannot write \(writePath)") }
        }

        var best = Double.infinity
        var result: LintResult?
        for _ in 0..<repeats {
            let started = now()
            result = Linter().lint(source)
            best = min(best, now() - started)
        }
        guard let result else { fail("no run") }
        var byCheck: [String: Int] = [:]
        for finding in result.findings { byCheck[finding.code ?? "?", default: 0] += 1 }
        print("lint benchmark: \(source.name), \(source.bytes.count) bytes, best of \(repeats) runs")
        print(String(format: "time: %.1f ms (every check, shadowed/redundant rules and checklist coverage included)", best * 1000))
        print("findings: \(result.count(.error)) errors, \(result.count(.warning)) warnings, \(result.count(.info)) info")
        print("by check: " + byCheck.keys.sorted().map { "\($0) \(byCheck[$0] ?? 0)" }.joined(separator: ", "))
        if let peak = peakResidentBytes() { print("peak memory (VmHWM): \(peak / 1_048_576) MiB") }
    }
}
