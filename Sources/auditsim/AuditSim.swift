import ArgumentParser

@main
struct AuditSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auditsim",
        abstract: "What a Kubernetes audit policy logs on EKS, how big it is, and what it misses.",
        discussion: """
        Examples:
          auditsim replay
              Replay the bundled EKS corpus under EKS's policy.
          auditsim check my-policy.yaml
              Would kube-apiserver accept this policy?
          auditsim explain get secrets db -n kube-system --as alice
          auditsim explain GET /api/v1/namespaces/kube-system/configmaps/aws-auth
              What is logged for this request, and which rule decides it?

        Without --policy, commands use the built-in EKS policy.
        Exit codes: 0 ok, 1 findings (see each command), 2 usage or input error.
        """,
        version: AuditSimVersion.current,
        subcommands: [
            CheckCommand.self,
            LintCommand.self,
            RulesCommand.self,
            ExplainCommand.self,
            ReplayCommand.self,
            CorpusCommand.self,
            DiffCommand.self,
            CoverageCommand.self,
            TestCommand.self,
            EstimateCommand.self,
        ]
    )

    /// Runs the command, mapping argument errors to exit code 2 as documented
    /// (swift-argument-parser's default for usage errors is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                if !message.isEmpty { Terminal.writeError(message) }
                Self.exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}

/// The version `auditsim --version` prints.
enum AuditSimVersion {
    static let current = "0.1.0"
}
