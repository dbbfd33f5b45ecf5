/// The change between two versions of a policy file (`lint --fix --diff`), as a unified diff (`diff -u`, three lines of
/// context) that `patch -p1` or `git apply` can apply. Lines are compared with Myers' algorithm,
/// whose cost grows with the number of changed lines, not the file's size squared.
/// Control characters in lines are escaped for the terminal (``TerminalEscaping``).
public enum UnifiedDiff {
    /// The diff from `old` to `new`, empty when they are equal.
    public static func render(old: PolicySource, new: PolicySource, context: Int = 3) -> String {
        let a = lines(old.bytes), b = lines(new.bytes)
        let operations = script(a, b)
        guard operations.contains(where: { $0.kind != .same }) else { return "" }
        let name = TerminalEscaping.escaped(old.name)
        var output = "--- a/\(name)\n+++ b/\(name)\n"
        var index = 0
        while index < operations.count {
            guard let change = operations[index...].firstIndex(where: { $0.kind != .same }) else { break }
            var end = change
            // A hunk runs while changes are at most 2 * context lines apart.
            while let next = operations[(end + 1)...].firstIndex(where: { $0.kind != .same }), next - end <= 2 * context {
                end = next
            }
            let first = max(change - context, index), last = min(end + context, operations.count - 1)
            let hunk = operations[first...last]
            let oldStart = hunk.first!.oldLine, newStart = hunk.first!.newLine
            let oldCount = hunk.filter { $0.kind != .inserted }.count, newCount = hunk.filter { $0.kind != .deleted }.count
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for operation in hunk {
                let text = operation.kind == .inserted ? b[operation.newLine] : a[operation.oldLine]
                let marker = operation.kind == .same ? " " : operation.kind == .deleted ? "-" : "+"
                output += marker + TerminalEscaping.escaped(text.text) + "\n"
                if !text.hasNewline { output += "\\ No newline at end of file\n" }
            }
            index = last + 1
        }
        return output
    }

    private struct Line: Equatable {
        var text: String
        var hasNewline: Bool
    }

    private enum Kind { case same, deleted, inserted }

    private struct Operation {
        var kind: Kind
        /// 0-based indexes into the old and new lines (for an insertion, `oldLine` is where it goes).
        var oldLine: Int
        var newLine: Int
    }

    /// `-start,count` as diff writes it (1-based; an empty range names the line before it).
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : "\(start + 1),\(count)"
    }

    private static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            result.append(Line(text: String(decoding: bytes[start..<index], as: UTF8.self), hasNewline: true))
            start = index + 1
        }
        if start < bytes.count { result.append(Line(text: String(decoding: bytes[start...], as: UTF8.self), hasNewline: false)) }
        return result
    }

    /// The shortest edit script from `a` to `b` (Myers 1986, "An O(ND) Difference Algorithm").
    private static func script(_ a: [Line], _ b: [Line]) -> [Operation] {
        let n = a.count, m = b.count, limit = n + m
        var frontier = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        let offset = limit + 1
        search: for d in 0...limit {
            trace.append(Array(frontier[(offset - d - 1)...(offset + d + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]))
                    ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                frontier[offset + k] = x
                if x >= n, y >= m { break search }
            }
        }
        // Walk back from (n, m) through the saved frontiers.
        var operations: [Operation] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let saved = trace[d]
            func value(_ k: Int) -> Int { saved[k + d + 1] }
            let k = x - y
            let previous = (k == -d || (k != d && value(k - 1) < value(k + 1))) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : value(previous), previousY = previousX - previous
            while x > previousX, y > previousY {
                x -= 1; y -= 1
                operations.append(Operation(kind: .same, oldLine: x, newLine: y))
            }
            guard d > 0 else { break }
            if x == previousX {
                y -= 1
                operations.append(Operation(kind: .inserted, oldLine: x, newLine: y))
            } else {
                x -= 1
                operations.append(Operation(kind: .deleted, oldLine: x, newLine: y))
            }
        }
        return operations.reversed()
    }
}
