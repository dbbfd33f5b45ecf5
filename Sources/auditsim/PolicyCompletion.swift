import ArgumentParser
import AuditPolicy
import Foundation

/// Shell completion for a policy argument: the built-in policy names, then the files and
/// directories that start with the word being completed.
enum PolicyCompletion {
    /// The completion kind every policy argument uses.
    static let kind = CompletionKind.custom { _, _, prefix in candidates(prefix: prefix) }

    /// The built-in names starting with `prefix`, then the entries of the prefix's directory whose
    /// names start with its last component (directories end with `/`); hidden entries only when
    /// the component starts with a dot.
    static func candidates(prefix: String) -> [String] {
        let builtIn = BuiltInPolicy.allCases.map(\.rawValue).filter { $0.hasPrefix(prefix) }
        let slash = prefix.lastIndex(of: "/")
        let directory = slash.map { String(prefix[...$0]) } ?? ""
        let namePrefix = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        let files = entries.filter { $0.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            let path = directory + name
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return isDirectory.boolValue ? path + "/" : path
        }
        return builtIn + files
    }
}
