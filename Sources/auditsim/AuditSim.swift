import ArgumentParser
import AuditPolicy
import AuditSimIO

@main
struct AuditSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auditsim",
        abstract: "What a Kubernetes audit policy logs on EKS, how big it is, and what it misses.",
        discussion: """
        Every command that takes a policy accepts a file, - for standard input, or a built-in policy (eks, the default).

        Exit codes: 0 ok, 1 findings (see each command), 2 usage or input error, 141 the reader of the output went away.

        Examples:
          auditsim replay
          auditsim check my-policy.yaml
          auditsim explain get secrets db -n kube-system --as alice
          auditsim explain GET /api/v1/namespaces/kube-system/configmaps/aws-auth
        """,
        version: AuditSimVersion.description,
        subcommands: [
            CheckCommand.self,
            LintCommand.self,
            RulesCommand.self,
            ExplainCommand.self,
            ReplayCommand.self,
            CorpusCommand.self,
            MergeCommand.self,
            DiffCommand.self,
            CoverageCommand.self,
            TestCommand.self,
            EstimateCommand.self,
            CloudTrailCommand.self,
        ]
    )

    /// Parses the arguments, runs the command, and ends the process with the exit code that
    /// `ExitStatus` assigns to the outcome, after standard output has been written out.
    static func main() async {
        BrokenPipe.ignoreSignal()
        var status: Int32
        do {
            var command = try parseAsRoot()
            do {
                if var asyncCommand = command as? AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
                status = 0
            } catch {
                status = ExitStatus.report(error)
            }
        } catch {
            status = ExitStatus.reportParsing(error, parser: Self.self)
        }
        do {
            try Console.output.finish()
        } catch {
            status = max(status, ExitStatus.report(error))
        }
        Console.exit(status)
    }
}

/// The version `auditsim --version` prints.
enum AuditSimVersion {
    /// The release number; Scripts/release.sh names the archive after it.
    static let current = "0.1.0"

    /// `auditsim --version`: the release, then each built-in policy's origin and date.
    static var description: String {
        (["auditsim \(current)"] + BuiltInPolicy.allCases.map {
            "built-in policy \($0.rawValue): \($0.origin), retrieved \($0.retrieved)"
        }).joined(separator: "\n")
    }
}
