// `auditsim-bench startup`: how long commands take on a small input, start-up included.
//
//   .build/release/auditsim-bench startup [--binary PATH] [--repeat N]
//
// Runs each command --repeat times (default 20) with the `auditsim` binary next to this one (or
// --binary), output discarded, and prints the best and median wall times and the median CPU time
// (user + system, steadier than wall time on a shared machine).
import Foundation

enum StartupBench {
    static let commands: [[String]] = [
        ["--version"],
        ["check", "eks"],
        ["explain", "get", "pods", "-n", "default"],
        ["rules"],
        ["lint", "eks"],
        ["coverage"],
    ]

    static func run(arguments: [String]) {
        var binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("auditsim").path
        var repeats = 20
        var index = 0
        while index + 1 < arguments.count {
            switch arguments[index] {
            case "--binary": binary = arguments[index + 1]
            case "--repeat": repeats = max(1, Int(arguments[index + 1]) ?? { fail("--repeat takes a number") }())
            default: fail("usage: auditsim-bench startup [--binary PATH] [--repeat N]")
            }
            index += 2
        }
        guard index == arguments.count else { fail("usage: auditsim-bench startup [--binary PATH] [--repeat N]") }
        guard FileManager.default.isExecutableFile(atPath: binary) else { fail("no auditsim binary at \(binary) (build it in release, or give --binary)") }
        print("startup of \(binary), \(repeats) runs each (wall time, output discarded)")
        for command in commands {
            var times: [Double] = []
            var cpuTimes: [Double] = []
            var status: Int32 = 0
            for _ in 0..<repeats {
                let run = TimedChild.run(binary, command)
                times.append(run.wall)
                cpuTimes.append(run.cpu)
                status = run.status
            }
            times.sort()
            cpuTimes.sort()
            let label = (["auditsim"] + command).joined(separator: " ")
            print(label.padding(toLength: 44, withPad: " ", startingAt: 0)
                + String(format: " wall best %6.1f ms, median %6.1f ms; CPU median %5.1f ms (exit %d)",
                         times[0] * 1000, times[times.count / 2] * 1000, cpuTimes[cpuTimes.count / 2] * 1000, status))
        }
    }
}
