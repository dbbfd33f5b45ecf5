import AuditPolicy

/// A SARIF 2.1.0 log of lint findings, in the shape GitHub code scanning accepts: one run whose
/// driver lists every check (with help and default level) and whose results point at file
/// regions by relative URI.
public struct SARIFReport: Encodable, Sendable {
    public let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    public let version = "2.1.0"
    public var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    public struct Run: Encodable, Sendable {
        public var tool: Tool
        public var results: [Result]
        public var columnKind = "unicodeCodePoints"
    }

    public struct Tool: Encodable, Sendable {
        public var driver: Driver
    }

    public struct Driver: Encodable, Sendable {
        public var name: String
        public var version: String
        public var semanticVersion: String
        public var rules: [Rule]
    }

    public struct Message: Encodable, Sendable {
        public var text: String
        public var markdown: String?
    }

    public struct Rule: Encodable, Sendable {
        public var id: String
        public var name: String
        public var shortDescription: Message
        public var fullDescription: Message
        public var help: Message
        public var helpUri: String?
        public var defaultConfiguration: Configuration
        public var properties: Properties
    }

    public struct Configuration: Encodable, Sendable {
        public var level: String
    }

    public struct Properties: Encodable, Sendable {
        public var tags: [String]
    }

    public struct Result: Encodable, Sendable {
        public var ruleId: String
        public var ruleIndex: Int?
        public var level: String
        public var message: Message
        public var locations: [Location]
    }

    /// Where a result is: a region of a file, or (for a policy that is not a file, such as the
    /// built-in one) a logical location naming the policy. SARIF 2.1.0 (§3.28) allows either.
    public struct Location: Encodable, Sendable {
        public var physicalLocation: PhysicalLocation?
        public var logicalLocations: [LogicalLocation]?
    }

    /// A named thing that is not a file (§3.33).
    public struct LogicalLocation: Encodable, Sendable {
        public var name: String
        public var kind: String
    }

    public struct PhysicalLocation: Encodable, Sendable {
        public var artifactLocation: ArtifactLocation
        public var region: Region
    }

    public struct ArtifactLocation: Encodable, Sendable {
        public var uri: String
    }

    public struct Region: Encodable, Sendable {
        public var startLine: Int
        public var startColumn: Int
        public var endLine: Int?
        public var endColumn: Int?
    }

    /// The log for `results`, each with where its policy is (relative to the repository root).
    ///
    /// - Parameters:
    ///   - rules: the checks to describe (all of them, so that GitHub can show help for any result).
    ///   - documentationURL: where the `APxxx.md` pages are published, ending in `/` (omitted when `nil`).
    public init(results: [(result: LintResult, artifact: PolicyArtifact)], rules: [RuleDescription], toolVersion: String, documentationURL: String? = nil) {
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driverRules = rules.map { rule in
            Rule(
                id: rule.id, name: rule.name,
                shortDescription: Message(text: rule.summary),
                fullDescription: Message(text: rule.rationale),
                help: Message(text: RuleDocumentation.text(rule), markdown: RuleDocumentation.markdown(rule)),
                helpUri: documentationURL.map { $0 + rule.id + ".md" },
                defaultConfiguration: Configuration(level: Self.level(rule.defaultSeverity)),
                properties: Properties(tags: [rule.category.rawValue])
            )
        }
        var sarifResults: [Result] = []
        for (result, artifact) in results {
            for finding in result.findings {
                let id = finding.code ?? "AP000"
                var text = finding.message
                for note in finding.notes { text += "\nnote: \(note)" }
                if let help = finding.help { text += "\nhelp: \(help)" }
                let start = finding.location ?? SourceLocation(line: 1, column: 1)
                let end = finding.end.flatMap { $0 > start ? $0 : nil }
                let location: Location
                if let uri = artifact.sarifURI {
                    location = Location(physicalLocation: PhysicalLocation(
                        artifactLocation: ArtifactLocation(uri: uri),
                        region: Region(startLine: start.line, startColumn: start.column, endLine: end?.line, endColumn: end?.column)
                    ))
                } else {
                    // No file to point into: name the policy, and say where in it.
                    text += "\n(\(result.source.name), line \(start.line), column \(start.column))"
                    location = Location(logicalLocations: [LogicalLocation(name: result.source.name, kind: "module")])
                }
                sarifResults.append(Result(
                    ruleId: id, ruleIndex: ruleIndex[id], level: Self.level(finding.severity),
                    message: Message(text: text), locations: [location]
                ))
            }
        }
        runs = [Run(
            tool: Tool(driver: Driver(name: "auditsim", version: toolVersion, semanticVersion: toolVersion, rules: driverRules)),
            results: sarifResults
        )]
    }

    /// SARIF's level for a severity.
    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}
