import ArgumentParser
import AuditPolicy
import AuditSimIO

/// `auditsim check`: would kube-apiserver accept these policy files?
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that kube-apiserver would accept audit policy files.",
        discussion: """
        Reads each policy as kube-apiserver does at start-up (decoding, apiVersion, validation, rule count) and prints every problem as FILE:LINE:COLUMN: severity: message. Warnings are what kube-apiserver accepts silently (unknown fields, duplicate keys, documents after the first). A policy is a file, - for standard input, or a built-in policy (eks).

        Exit codes: 0 every policy is accepted, 1 kube-apiserver would refuse one, 2 usage error or unreadable file.

        Examples:
          auditsim check policy.yaml
          auditsim check --kubernetes-version 1.23 old-policy.yaml
          auditsim check --format json a.yaml b.yaml
        """
    )

    @Argument(help: ArgumentHelp("Policies to check: files, - for standard input, or a built-in policy (eks). Default: eks.", valueName: "policy"), completion: PolicyCompletion.kind)
    var policies: [String] = []

    @OptionGroup var kubernetesVersion: KubernetesVersionOption

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Do not quote source lines under each message.")
    var noSnippets = false

    @OptionGroup var colors: ColorOptions

    func run() throws {
        let version = kubernetesVersion.version
        let options = PolicyReadOptions(kubernetesVersion: version)
        try InputBytes.requireSingleStandardInput(policies)
        let inputs = policies.isEmpty ? [PolicyInput.bundled(.eks)] : policies.map(PolicyInput.init(argument:))
        let results = try inputs.map { try $0.read(options: options) }
        switch format {
        case .text:
            let renderer = DiagnosticRenderer(showCodes: false, showSnippets: !noSnippets, emphasis: colors.emphasis)
            for result in results {
                for diagnostic in result.diagnostics { try Console.writeLine(renderer.render(diagnostic, source: result.source)) }
                let name = TerminalEscaping.escaped(result.source.name)
                try Console.writeLine(result.isAccepted ? "\(name): accepted by kube-apiserver \(version)" : "\(name): refused by kube-apiserver \(version)")
            }
        case .json:
            try Console.writeLine(JSONOutput.string(CheckReport(results: results, version: version)))
        }
        if results.contains(where: { !$0.isAccepted }) { throw ExitCode(1) }
    }
}

/// `check --format json`: one entry per file.
struct CheckReport: Encodable {
    struct File: Encodable {
        var file: String
        var accepted: Bool
        /// The error kube-apiserver prints, or null.
        var apiServerError: String?
        var diagnostics: [DiagnosticJSON]

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(accepted, forKey: .accepted)
            try container.encode(apiServerError, forKey: .apiServerError)  // null when accepted
            try container.encode(diagnostics, forKey: .diagnostics)
        }

        enum CodingKeys: String, CodingKey { case file, accepted, apiServerError, diagnostics }
    }

    var kubernetesVersion: String
    var files: [File]

    init(results: [LoadedPolicy], version: KubernetesVersion) {
        kubernetesVersion = version.description
        files = results.map {
            File(file: $0.source.name, accepted: $0.isAccepted, apiServerError: $0.apiServerError,
                 diagnostics: $0.diagnostics.map(DiagnosticJSON.init))
        }
    }
}

/// A diagnostic in JSON output.
struct DiagnosticJSON: Encodable {
    var severity: String
    var code: String?
    var message: String
    var line: Int?
    var column: Int?
    var notes: [String]
    var help: String?

    init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity.rawValue
        code = diagnostic.code
        message = diagnostic.message
        line = diagnostic.location?.line
        column = diagnostic.location?.column
        notes = diagnostic.notes
        help = diagnostic.help
    }
}
