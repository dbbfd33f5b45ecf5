import Foundation
import Testing

/// Issue 9: every `console` block of README.md runs, and prints what the README shows, so the
/// README cannot drift from the tool. A line `...` in the README stands for any number of lines.
/// Blocks fenced as `sh` are illustrations and are not run.
struct ReadmeConsoleTests {
    /// One `$ command` of a console block and the output shown under it.
    struct Example: CustomTestStringConvertible, Sendable {
        var block: Int
        var command: String
        var expected: [String]
        var testDescription: String { "block \(block): \(command.prefix(60))" }
    }

    /// The console blocks of README.md, each as its commands in order.
    static let blocks: [[Example]] = {
        let readme = (try? String(contentsOf: CommandLineRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        var blocks: [[Example]] = []
        var current: [Example]?
        var continuing = false
        for line in readme.components(separatedBy: "\n") {
            if current == nil {
                if line == "```console" { current = [] }
                continue
            }
            if line == "```" {
                blocks.append(current!)
                current = nil
                continue
            }
            if continuing, var last = current!.popLast() {
                last.command += "\n" + line
                current!.append(last)
                continuing = line.hasSuffix("\\")
            } else if line.hasPrefix("$ ") {
                current!.append(Example(block: blocks.count + 1, command: String(line.dropFirst(2)), expected: []))
                continuing = line.hasSuffix("\\")
            } else if var last = current!.popLast() {
                last.expected.append(line)
                current!.append(last)
            }
        }
        return blocks
    }()

    @Test func readmeHasConsoleBlocks() {
        #expect(Self.blocks.count >= 5)
    }

    @Test(arguments: Array(blocks.indices))
    func consoleBlockPrintsWhatTheReadmeShows(index: Int) throws {
        let examples = Self.blocks[index]
        let directory = try CommandLineRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/readme")
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("Policies"),
                                                   withDestinationURL: CommandLineRunner.packageRoot.appendingPathComponent("Policies"))
        let marker = "@@auditsim-readme-example-end@@"
        var script = "exec 2>&1\n"
        for example in examples {
            script += example.command + "\n__status=$?; echo \(marker); (exit $__status)\n"
        }
        let result = try CommandLineRunner.runShell(script, in: directory)
        var outputs = result.standardOutput.components(separatedBy: marker + "\n")
        if outputs.last == "" { outputs.removeLast() }
        try #require(outputs.count == examples.count, "the block's commands did not all run: \(result.standardOutput)")
        for (example, output) in zip(examples, outputs) {
            var actual = output.components(separatedBy: "\n")
            if actual.last == "" { actual.removeLast() }
            var expected = example.expected
            while expected.last == "" { expected.removeLast() }
            #expect(Self.matches(expected: expected[...], actual: actual[...]),
                    "README block \(example.block), `\(example.command)`:\n--- README\n\(expected.joined(separator: "\n"))\n--- actual\n\(actual.joined(separator: "\n"))")
        }
    }

    /// Whether `actual` is `expected` with each `...` line (indented or not) standing for zero or
    /// more lines.
    static func matches(expected: ArraySlice<String>, actual: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first.trimmingCharacters(in: .whitespaces) == "..." {
            let rest = expected.dropFirst()
            for skip in 0...actual.count where matches(expected: rest, actual: actual.dropFirst(skip)) { return true }
            return false
        }
        guard let line = actual.first, line == first else { return false }
        return matches(expected: expected.dropFirst(), actual: actual.dropFirst())
    }

    @Test(arguments: [
        (["a", "...", "d"], ["a", "b", "c", "d"], true),
        (["a", "...", "d"], ["a", "d"], true),
        (["a", "...", "d"], ["a", "b"], false),
        (["a", "b"], ["a", "b", "c"], false),
        (["a", "  ...", "d"], ["a", "  b", "d"], true),
    ])
    func ellipsisStandsForAnyLines(expected: [String], actual: [String], match: Bool) {
        #expect(Self.matches(expected: expected[...], actual: actual[...]) == match)
    }
}
