import Foundation
import Testing

/// Issue 12, "Long work, on a terminal": progress on standard error and colours, checked on a
/// pseudo-terminal that util-linux's `script` gives the command, and on pipes.
struct TerminalSessionTests {
    /// Runs `auditsim arguments` with a pseudo-terminal as its standard output and error (both
    /// arrive in the result's standard output); `NO_COLOR` is unset unless `environment` sets it.
    static func onTerminal(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> CommandLineRunner.Result {
        let command = ([CommandLineRunner.binary.path] + arguments).map(shellQuoted).joined(separator: " ")
        var merged = ["NO_COLOR": ""]
        for (key, value) in environment { merged[key] = value }
        return try CommandLineRunner.runProgram("/usr/bin/script", ["-qec", command, "/dev/null"], in: directory, environment: merged)
    }

    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static let sample = CommandLineRunner.packageRoot.appendingPathComponent("Corpus/eks-sample.jsonl").path
    static let sampleSize = "4.6 MiB"

    /// The commands that read or write a corpus, each with the words its progress line starts with.
    static let longCommands: [([String], String)] = [
        (["replay", sample], "reading "),
        (["estimate", sample], "reading "),
        (["diff", "eks", "eks", "--corpus", sample], "reading "),
        (["corpus", "synth", "--duration", "120", "--out", "synth.jsonl"], "writing "),
    ]

    @Test("long work on a terminal: replay, estimate, diff --corpus and corpus synth show progress on a TTY", arguments: longCommands)
    func progressOnTerminal(arguments: [String], verb: String) throws {
        let directory = try CommandLineRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.onTerminal(arguments, in: directory)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("\r" + verb))
        if verb == "reading " { #expect(result.standardOutput.contains(" of \(Self.sampleSize) (")) }
        #expect(result.standardOutput.contains("\r\u{1B}[K"), "the line is erased when the work ends")
    }

    @Test("long work on a terminal: nothing with --quiet", arguments: longCommands)
    func quietOnTerminal(arguments: [String], verb: String) throws {
        let directory = try CommandLineRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.onTerminal(arguments + ["--quiet"], in: directory)
        #expect(result.status == 0)
        #expect(!result.standardOutput.contains(verb.trimmingCharacters(in: .whitespaces) + " "))
        #expect(!result.standardOutput.contains("\u{1B}[K"))
    }

    @Test("long work on a terminal: nothing when standard error is not a TTY", arguments: longCommands)
    func nothingOnPipes(arguments: [String], verb: String) throws {
        let directory = try CommandLineRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandLineRunner.run(arguments, in: directory, environment: ["NO_COLOR": ""])
        #expect(result.status == 0)
        #expect(!result.standardError.contains(verb))
        #expect(!(result.standardOutput + result.standardError).contains("\u{1B}"))
    }

    static let badPolicy = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n  verbs: [\"gett\"]\n  resource: [pods]\n"

    @Test("colours on a terminal: lint and check colour severities, replay its headers and levels, explain its level; NO_COLOR and --color are obeyed", arguments: [
        (["lint", "bad.yaml"], [String: String](), true, "\u{1B}[1;33mwarning[AP"),
        (["lint", "bad.yaml"], ["NO_COLOR": "1"], false, "warning[AP"),
        (["lint", "bad.yaml", "--color", "never"], [:], false, "warning[AP"),
        (["lint", "bad.yaml", "--color", "always"], ["NO_COLOR": "1"], true, "\u{1B}[1;33mwarning[AP"),
        (["check", "bad.yaml"], [:], true, "\u{1B}[1;33mwarning\u{1B}[0m:"),
        (["replay", "--quiet"], [:], true, "\u{1B}[1mPolicy <built-in eks>\u{1B}[0m"),
        (["replay", "--quiet"], ["NO_COLOR": "1"], false, "\nPolicy <built-in eks>"),
        (["explain", "get", "secrets", "db", "-n", "prod", "--as", "alice"], [:], true, "level          \u{1B}[32mMetadata\u{1B}[0m"),
    ])
    func colorsOnTerminal(arguments: [String], environment: [String: String], colored: Bool, expected: String) throws {
        let directory = try CommandLineRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.badPolicy.write(to: directory.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let output = try Self.onTerminal(arguments, in: directory, environment: environment).standardOutput
            .replacingOccurrences(of: "\r\n", with: "\n")
        #expect(output.contains(expected))
        #expect(output.contains("\u{1B}[") == colored)
    }

    @Test("colours on a terminal: a report into a pipe is plain under --color auto, coloured under --color always")
    func colorsIntoPipes() throws {
        let directory = try CommandLineRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.badPolicy.write(to: directory.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let plain = try CommandLineRunner.run(["lint", "bad.yaml"], in: directory, environment: ["NO_COLOR": ""])
        #expect(!plain.standardOutput.contains("\u{1B}"))
        let colored = try CommandLineRunner.run(["lint", "bad.yaml", "--color", "always"], in: directory)
        #expect(colored.standardOutput.contains("\u{1B}[1;33mwarning[AP"))
    }
}
