import ArgumentParser
import AuditCloudTrail
import AuditPolicy
import AuditReplay

/// `auditsim cloudtrail`: what CloudTrail shows that an audit policy cannot — when audit
/// logging was off, who was granted access, and node identities outliving their instances.
struct CloudTrailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cloudtrail",
        abstract: "Read CloudTrail: EKS logging gaps, access changes, node instance lifetimes; compare audit events.",
        discussion: """
        Reads CloudTrail events in the forms AWS delivers them: S3 log files ({"Records":[...]}, gzip or not, one by one or a whole AWSLogs/.../CloudTrail/ directory), the output of aws cloudtrail lookup-events (each CloudTrailEvent string is an event), and one event per line (CloudTrail Lake and Athena exports). Events of other services are counted and skipped; records that are not events are counted and shown with their file and line.

        For each EKS cluster (name, region, account) it prints the spans each control plane log type was on, the audit logging gaps with who turned logging off and on, the Kubernetes versions, and the access changes made through the EKS API (access entries, access policies, authentication mode, identity providers). From EC2 it prints each node identity (system:node:<private DNS name>) with its instance's launch and termination.

        With --audit, recorded audit events (any format replay reads) are compared with the trail: events inside an audit logging gap, node identities used while no instance held them, requests an EKS access policy authorized (with the entry and association that granted them), and principals with no access entry in the trail.

        Findings: logging-gap-with-events, node-identity-without-instance, imds-exposed, admin-access-granted, principal-without-access-entry.

        Exit codes: 0 done (findings are reported but exit 0 unless --fail-on-findings), 1 a finding with --fail-on-findings, 2 usage or input error (an unreadable file, no CloudTrail event, several clusters with --audit but no --cluster).

        Examples:
          auditsim cloudtrail AWSLogs/111122223333/CloudTrail/us-west-2/
          auditsim cloudtrail lookup-events.json --format json
          auditsim cloudtrail trail/ --audit audit.jsonl.gz --fail-on-findings
        """
    )

    @Argument(help: ArgumentHelp("CloudTrail files or directories, or - for standard input.", valueName: "file"))
    var files: [String]

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Recorded audit events to compare with the trail: files or directories, any format replay reads.", valueName: "file"))
    var audit: [String] = []

    @Option(name: .long, help: ArgumentHelp("The cluster the audit events come from, when the trail holds several.", valueName: "name"))
    var cluster: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Exit with 1 when there is a finding.")
    var failOnFindings = false

    @Option(name: .long, help: ArgumentHelp("The longest input record read (a line, or an element of a Records or Events array, after decompression), 1Ki to 1Gi; a longer one is skipped and reported as malformed.", valueName: "size"))
    var maxInputEventSize = ByteSize(bytes: InputEventLimit.defaultBytes)

    func validate() throws {
        do {
            try OptionRangeError.check(maxInputEventSize, in: InputEventLimit.allowedBytes, option: "--max-input-event-size")
        } catch {
            throw ValidationError(error.description)
        }
        guard (files + audit).filter({ $0 == InputPaths.standardInput }).count <= 1 else {
            throw ValidationError("standard input (-) can be read only once")
        }
    }

    func run() throws {
        let report = try CloudTrailAnalysis.run(trailPaths: files, auditPaths: audit, clusterName: cluster, maxEventBytes: maxInputEventSize.bytes)
        switch format {
        case .text: try Console.write(CloudTrailText.render(report))
        case .json: try Console.writeLine(ReportJSON.string(report))
        }
        if failOnFindings, !report.findings.isEmpty { throw ExitCode(1) }
    }
}
