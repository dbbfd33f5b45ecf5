// `auditsim-bench batch`: requests per second of `explain --batch` on one core.
//
//   .build/release/auditsim-bench batch [--lines N] [--distinct]
//
// Feeds --lines request lines (default 2,000,000) through `BatchExplainer` under the built-in EKS
// policy in 256 KiB chunks, with one reused output buffer, as `auditsim explain --batch` does, and
// prints requests per second. The lines are the two requests of README's `explain --batch`
// example, in turn; with --distinct each line names a different object, so no line repeats and
// every one is read and decided (the worst case for the answer cache).
import AuditPolicy
import Foundation

enum BatchBench {
    static func run(arguments: [String]) {
        var lines = 2_000_000
        var distinct = false
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--lines":
                index += 1
                guard index < arguments.count, let value = Int(arguments[index]), value > 0 else { fail("--lines takes a positive number") }
                lines = value
            case "--distinct": distinct = true
            default: fail("usage: auditsim-bench batch [--lines N] [--distinct]")
            }
            index += 1
        }
        guard let policy = try? PolicyReader.read(BuiltInPolicy.eks.source).compile() else { fail("the EKS policy does not compile") }
        var input: [UInt8] = []
        for line in 0..<lines {
            let text = line % 2 == 1
                ? #"{"method":"GET","uri":"/healthz"}"#
                : #"{"user":"alice","groups":["dev"],"verb":"get","resource":"secrets","namespace":"prod","name":"db"#
                    + (distinct ? "-\(line)" : "") + "\"}"
            input += text.utf8
            input.append(UInt8(ascii: "\n"))
        }
        var explainer = BatchExplainer(policy: policy)
        var output: [UInt8] = []
        output.reserveCapacity(1 << 20)
        var written = 0
        let chunk = 1 << 18
        let started = now()
        var start = 0
        while start < input.count {
            let end = min(input.count, start + chunk)
            output.removeAll(keepingCapacity: true)
            explainer.feed(input[start..<end], into: &output)
            written += output.count
            start = end
        }
        written += explainer.finish().count
        let seconds = now() - started
        print("explain --batch: \(lines) requests (\(distinct ? "all distinct" : "README's two, in turn")), \(input.count) bytes in, \(written) bytes out")
        print(String(format: "time: %.3f s, %.2f M requests/s on one core, %.0f ns each", seconds, Double(lines) / seconds / 1e6, seconds / Double(lines) * 1e9))
    }
}
