// `auditsim-bench analysis`: the request-space engine's benchmarks.
//
//   swift build -c release --product auditsim-bench
//   .build/release/auditsim-bench analysis [--rules N] [--seed N] [--repeat N]
//
// Times, best of --repeat runs: the EKS policy's full map (classes, merging and witnesses), its
// coverage report, and for a generated policy of --rules rules (default 1,000) the map, the
// shadowed and redundant rules, and its diff against EKS. Prints peak memory (VmHWM).
import AuditAnalysis
import AuditPolicy
import Foundation

enum AnalysisBench {
    static func run(arguments: [String]) {
        var rules = 1000, seed: UInt64 = 1, repeats = 5
        var index = 0
        while index < arguments.count {
            let flag = arguments[index]
            index += 1
            guard index < arguments.count || flag == "--help" else { fail("missing value after \(flag)") }
            switch flag {
            case "--rules": rules = Int(arguments[index]) ?? { fail("--rules takes a number") }()
            case "--seed": seed = UInt64(arguments[index]) ?? { fail("--seed takes a number") }()
            case "--repeat": repeats = max(1, Int(arguments[index]) ?? { fail("--repeat takes a number") }())
            case "--help":
                print("usage: auditsim-bench analysis [--rules N] [--seed N] [--repeat N]")
                exit(0)
            default: fail("unknown argument \(flag)")
            }
            index += 1
        }

        guard let eks = try? PolicyReader.read(BuiltInPolicy.eks.source).compile() else { fail("the built-in EKS policy does not compile") }
        let text = SyntheticPolicy.yaml(rules: rules, seed: seed)
        guard let generated = try? PolicyReader.read(PolicySource(name: "generated", text: text)).compile() else { fail("the generated policy does not compile") }

        func measure<T>(_ label: String, _ work: () -> T, describe: (T) -> String) {
            var best = Double.infinity
            var result: T?
            for _ in 0..<repeats {
                let started = now()
                result = work()
                best = min(best, now() - started)
            }
            let detail = result.map(describe) ?? ""
            print("\(label.padding(toLength: 50, withPad: " ", startingAt: 0)) \(String(format: "%9.1f ms", best * 1000))  \(detail)")
        }

        print("analysis benchmark: best of \(repeats) runs")
        // The classes (witnesses, descriptions) are built on first use of `entries`: measured with the map.
        measure("EKS policy: full map", { PolicyMap(policy: eks).entries }, describe: { "\($0.count) classes" })
        measure("EKS policy: coverage (map, checklist, queries)", { CoverageReport(policy: eks) }, describe: { "\($0.checklist.filter { !$0.result.isOK }.count) rows fall short" })
        let map = PolicyMap(policy: generated)
        measure("\(rules)-rule policy: full map", { PolicyMap(policy: generated).entries }, describe: { "\($0.count) classes" })
        measure("\(rules)-rule policy: shadowed rules", { RuleReachability.shadowedRules(in: map) }, describe: { "\($0.count) shadowed" })
        measure("\(rules)-rule policy: redundant rules", { RuleReachability.redundantRules(in: map) }, describe: { "\($0.count) redundant" })
        measure("\(rules)-rule policy: diff against EKS", { PolicyDiff(old: eks, new: generated) }, describe: { "\($0.changes.count) changed classes" })
        if let peak = peakResidentBytes() { print("peak memory (VmHWM): \(peak / 1_048_576) MiB") }
    }
}
