import Foundation
import Testing

/// Issue 12, "Distribution": `--version`, and the shell completions the release archive ships.
struct DistributionTests {
    @Test("auditsim --version prints the version and the built-in policy's source and date")
    func version() throws {
        let result = try CommandLineRunner.run(["--version"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.range(of: #"^auditsim \d+\.\d+\.\d+$"#, options: .regularExpression) != nil)
        #expect(lines.contains { $0.hasPrefix("built-in policy eks: Amazon EKS Best Practices Guide") && $0.range(of: #"retrieved \d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil })
    }

    @Test("shell completions for bash, zsh and fish complete subcommands, --format values and rule IDs, and call back for policies", arguments: ["bash", "zsh", "fish"])
    func completionScript(shell: String) throws {
        let result = try CommandLineRunner.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        let script = result.standardOutput
        for subcommand in ["check", "lint", "rules", "explain", "replay", "corpus", "synth", "diff", "coverage", "test", "estimate"] {
            #expect(script.contains(subcommand), "\(shell): subcommand \(subcommand)")
        }
        for word in ["sarif", "github", "markdown", "junit", "csv", "cloudwatch-json", "AP203", "AP701", "fail-on", "kubernetes-version"] {
            #expect(script.contains(word), "\(shell): \(word)")
        }
        // Policy arguments are completed by the binary itself (built-in names, then files).
        #expect(script.contains("---completion"))
    }

    @Test("shell completions: a policy argument completes the built-in policy names and files")
    func policyCandidates() throws {
        let directory = try CommandLineRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("policies"), withIntermediateDirectories: true)
        try "".write(to: directory.appendingPathComponent("policies/eks-custom.yaml"), atomically: true, encoding: .utf8)
        try "".write(to: directory.appendingPathComponent("extra.yaml"), atomically: true, encoding: .utf8)
        let cases: [(arguments: [String], expected: [String])] = [
            (["lint", "--", "positional@0", "2", "1", "auditsim", "lint", "e"], ["eks", "extra.yaml"]),
            (["lint", "--", "positional@0", "2", "0", "auditsim", "lint", ""], ["eks", "extra.yaml", "policies/"]),
            (["replay", "--", "--policy", "3", "10", "auditsim", "replay", "--policy", "policies/e"], ["policies/eks-custom.yaml"]),
        ]
        for (arguments, expected) in cases {
            let result = try CommandLineRunner.run(["---completion"] + arguments, in: directory)
            #expect(result.standardOutput.split(separator: "\n").map(String.init) == expected, "\(arguments)")
        }
    }

    @Test("shell completions: bash completes eks and rule IDs through the generated script")
    func bashEndToEnd() throws {
        let directory = try CommandLineRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = try CommandLineRunner.run(["--generate-completion-script", "bash"]).standardOutput
        try script.write(to: directory.appendingPathComponent("auditsim.bash"), atomically: true, encoding: .utf8)
        func complete(_ line: String) throws -> [String] {
            let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            let program = """
            source ./auditsim.bash
            COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " "))); COMP_CWORD=\(words.count - 1)
            COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            _auditsim auditsim '\(words.last ?? "")' '\(words[words.count - 2])'
            printf '%s\\n' "${COMPREPLY[@]}"
            """
            return try CommandLineRunner.runShell(program, in: directory).standardOutput.split(separator: "\n").map(String.init)
        }
        #expect(try complete("auditsim lint ek") == ["eks"])
        #expect(try complete("auditsim rules AP20").contains("AP203"))
        #expect(try complete("auditsim lint --format sa") == ["sarif"])
        #expect(try complete("auditsim est") == ["estimate"])
    }
}
