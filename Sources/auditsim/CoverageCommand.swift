import ArgumentParser
import AuditAnalysis
import AuditPolicy

/// `auditsim coverage`: the whole map of a policy and how it serves the security checklist.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Map what a policy logs for every request, and check it against the security checklist.",
        discussion: """
        Prints three sections. map: every class of requests (exactly, over all possible requests) and its decision. checklist: each security checklist row, ok or its gaps (request class, the level it gets, the rule responsible, the level it needs) and exposures of sensitive bodies. queries: the CloudWatch Logs Insights queries of the Amazon EKS Best Practices Guide (Auditing and logging) and of the AWS Community Builders article on EKS control plane and CloudTrail logs, and whether the events they look for are logged and carry the fields they read.

        A policy is a file, - for standard input, or a built-in policy (eks).

        Rows whose gaps depend on what RBAC grants, which a policy cannot see (CL29-403 denied requests, CL30 impersonation, CL31 enumeration by named identities), are ADVISORY when no gap reaches secrets, exec or attach, tokens or RBAC objects; --fail-on-gap ignores them unless --strict is given.

        Coverage holds only while logging is on: auditsim cloudtrail reads CloudTrail for the spans when a cluster's audit log was off.

        Exit codes: 0 done (and no gap with --fail-on-gap), 1 a checklist row or query falls short with --fail-on-gap, 2 usage or input error, or a policy kube-apiserver refuses.

        Examples:
          auditsim coverage
          auditsim coverage --policy my-policy.yaml --format markdown
          auditsim coverage --only checklist --fail-on-gap
        """
    )

    @OptionGroup var policyOptions: PolicyOptions

    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: AnalysisFormat = .text

    @Option(name: .long, help: "Print only this section: map, checklist or queries.")
    var only: CoverageSection?

    @Flag(name: .long, help: "Exit with 1 when a checklist row or query falls short or a sensitive body is logged.")
    var failOnGap = false

    @Flag(name: .long, help: "With --fail-on-gap, also fail on advisory rows (CL29-403, CL30, CL31: they depend on RBAC).")
    var strict = false

    func run() throws {
        let policy = try AnalysisPolicy.load(policyOptions.policy, version: policyOptions.kubernetesVersion.version, acceptDeprecated: policyOptions.acceptDeprecated)
        let report = CoverageReport(policy: policy.compiled)
        let rendering = CoverageRendering(report: report, policy: policy, sections: only.map { [$0] } ?? CoverageSection.allCases)
        switch format {
        case .text: try Console.write(rendering.text)
        case .markdown: try Console.write(rendering.markdown)
        case .json: try Console.writeLine(ReportJSON.string(rendering.json))
        }
        let shortfall = report.checklist.contains { !$0.result.isOK && (strict || !$0.isAdvisory) } || report.queries.contains { !$0.result.isOK }
        if failOnGap, shortfall { throw ExitCode(1) }
    }
}

extension CoverageSection: ExpressibleByArgument {}
