import Foundation

/// The repository root SARIF URIs are relative to.
public enum RepositoryRoot {
    /// The nearest directory at or above `directory` that holds a `.git` entry (a directory, or
    /// a file in a worktree or submodule), as `git rev-parse --show-toplevel` finds it; `nil`
    /// when there is none.
    public static func find(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        var current = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent(".git").path) { return current.path }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }
}
