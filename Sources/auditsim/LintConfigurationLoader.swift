import AuditLint
import AuditPolicy
import AuditSimIO

/// Reads `.auditsim.yaml` files for `auditsim lint`.
enum LintConfigurationLoader {
    /// Parses the configuration at `path`.
    static func load(path: String) throws -> LintConfiguration {
        let bytes: [UInt8]
        do {
            bytes = try InputBytes.read(path)
        } catch {
            throw ConfigurationError(path: path, location: nil, message: "cannot read the configuration: \(error)")
        }
        return try reader.read(bytes, path: path)
    }

    /// The configuration that applies to a policy file (`nil`: standard input), or the defaults.
    static func discover(forPolicyAt path: String?) throws -> LintConfiguration {
        guard let found = ConfigurationDiscovery.configurationPath(forPolicyAt: path) else { return .defaults }
        return try load(path: found)
    }

    private static var reader: ConfigurationReader {
        ConfigurationReader(knownCheckIDs: Set(LintRules.ids), knownChecklistRows: Set(LintChecklist.rowIDs))
    }
}
