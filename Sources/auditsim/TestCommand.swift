import ArgumentParser
import AuditAnalysis
import AuditPolicy
import AuditSimIO

/// `auditsim test POLICY TESTS.yaml`: policy unit tests for CI.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run policy unit tests: requests and what the policy must decide for them.",
        discussion: """
        TESTS.yaml lists cases, each a request (kubectl-like fields, or "METHOD URI") and expectations: level, minLevel, maxLevel, stages (exactly the stages written), omitManagedFields, rule (0-based index or none) and ruleName (a rule marked with a comment `# name: NAME` on its first line or just above it). See Policies/eks.tests.yaml and the README for the format. POLICY is a file, - for standard input, or a built-in policy (eks).

        Exit codes: 0 every test passes, 1 a test fails, 2 usage or input error (an unreadable or invalid tests file, or a policy kube-apiserver refuses).

        Examples:
          auditsim test eks Policies/eks.tests.yaml
          auditsim test policy.yaml policy.tests.yaml --format junit > report.xml
        """
    )

    @Argument(help: ArgumentHelp("The policy (a file, -, or eks).", valueName: "policy"), completion: PolicyCompletion.kind)
    var policy: String

    @Argument(help: ArgumentHelp("The tests file.", valueName: "tests"))
    var tests: String

    @OptionGroup var kubernetesVersion: KubernetesVersionOption

    @Flag(name: .long, help: "Simulate a policy that kube-apiserver refuses only for its pre-v1 apiVersion, as EKS runs its published v1beta1 policy.")
    var acceptDeprecated = false

    @Option(name: .long, help: "Output format: text, json or junit (JUnit XML).")
    var format: TestOutputFormat = .text

    func validate() throws {
        if policy == "-", tests == "-" { throw ValidationError("only one input can be read from standard input") }
    }

    func run() throws {
        let version = kubernetesVersion.version
        let analysisPolicy = try AnalysisPolicy.load(policy, version: version, acceptDeprecated: acceptDeprecated)
        let suite: PolicyTestSuite
        do {
            let bytes = try InputBytes.read(tests)
            suite = try PolicyTestSuite.parse(bytes, fileName: tests == "-" ? "<stdin>" : tests, kubernetesVersion: version)
        } catch let error as PolicyTestSuite.FileError {
            Console.writeError("\(tests):\(error.description)")
            throw ExitCode(2)
        }
        for warning in suite.warnings { Console.writeError("\(TerminalEscaping.escaped(tests)):\(warning.description)") }
        guard let source = analysisPolicy.loaded.policy else { throw ExitCode(2) }
        let runner = PolicyTestRunner(policy: analysisPolicy.compiled, ruleNames: RuleNames(policy: source, source: analysisPolicy.loaded.source))
        let results = runner.run(suite)
        let rendering = PolicyTestRendering(results: results, suite: suite, policy: analysisPolicy)
        switch format {
        case .text: try Console.write(rendering.text)
        case .json: try Console.writeLine(ReportJSON.string(rendering.json))
        case .junit: try Console.write(rendering.junit)
        }
        if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}

/// The output formats of `auditsim test`.
enum TestOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit
}
