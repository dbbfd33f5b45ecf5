import Foundation

/// Finds the `.auditsim.yaml` that applies to a policy file: the first one in the policy's
/// directory or any directory above it.
public enum ConfigurationDiscovery {
    /// The file names looked for, in order.
    public static let fileNames = [".auditsim.yaml", ".auditsim.yml"]

    /// The configuration file for `policyPath` (a file path, or `nil` for standard input, which
    /// searches from the current directory), or `nil` when there is none.
    public static func configurationPath(forPolicyAt policyPath: String?) -> String? {
        let fileManager = FileManager.default
        let start: URL
        if let policyPath {
            start = URL(fileURLWithPath: policyPath).standardizedFileURL.deletingLastPathComponent()
        } else {
            start = URL(fileURLWithPath: fileManager.currentDirectoryPath, isDirectory: true).standardizedFileURL
        }
        var directory = start
        while true {
            for name in fileNames {
                let candidate = directory.appendingPathComponent(name).path
                var isDirectory: ObjCBool = false
                if fileManager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return candidate
                }
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }
}
