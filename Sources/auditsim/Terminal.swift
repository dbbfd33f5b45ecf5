import Foundation

/// Writing to standard error.
enum Terminal {
    /// Writes `text` and a newline to standard error.
    static func writeError(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
