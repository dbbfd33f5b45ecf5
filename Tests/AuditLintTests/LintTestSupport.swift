import AuditLint
import AuditPolicy
import Foundation

/// Shared helpers: lint inline policies, read configuration text, find fixtures.
enum LintTestSupport {
    /// Lints `text` with an optional `.auditsim.yaml` text.
    static func lint(_ text: String, configuration: String? = nil, version: KubernetesVersion? = nil, name: String = "policy.yaml", corpus: CorpusVolume? = nil) throws -> LintResult {
        let parsed = try configuration.map { try reader.read(Array($0.utf8), path: ".auditsim.yaml") } ?? .defaults
        return Linter().lint(PolicySource(name: name, text: text), configuration: parsed, kubernetesVersion: version, corpus: corpus)
    }

    /// The IDs of a result's findings.
    static func ids(_ result: LintResult) -> [String] { result.findings.compactMap(\.code) }

    static var reader: ConfigurationReader {
        ConfigurationReader(knownCheckIDs: Set(LintRules.ids), knownChecklistRows: Set(LintChecklist.rowIDs))
    }

    /// The folder of this test target's fixtures.
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// The repository's root folder (for the committed docs).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
