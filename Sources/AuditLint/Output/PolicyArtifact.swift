import Foundation

/// Where a linted policy lives, as code scanning and workflow annotations want it: a path
/// relative to the repository root, an absolute `file://` URI for a file outside the root, or
/// no file at all (the built-in policy, standard input), which SARIF reports as a logical
/// location and annotations without `file=`.
public enum PolicyArtifact: Sendable, Equatable {
    /// A file inside the root: its path relative to the root, `/`-separated, not percent-encoded.
    case relative(String)
    /// A file outside the root: its absolute path.
    case absolute(String)
    /// Not a file: a bundled policy or standard input, named as messages name it.
    case virtual(String)

    /// The artifact for a policy named `name` (a path as given on the command line, or a name in
    /// angle brackets such as `<built-in eks>` or `<stdin>`), relative to `root`.
    public init(name: String, root: String, currentDirectory: String = FileManager.default.currentDirectoryPath) {
        if name.hasPrefix("<"), name.hasSuffix(">") {
            self = .virtual(name)
            return
        }
        let base = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        let absolute = URL(fileURLWithPath: name, relativeTo: base).standardizedFileURL.path
        let rootPath = URL(fileURLWithPath: root, relativeTo: base).standardizedFileURL.path
        let prefix = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
        self = absolute.hasPrefix(prefix) ? .relative(String(absolute.dropFirst(prefix.count))) : .absolute(absolute)
    }

    /// The SARIF `artifactLocation.uri`: a relative reference (percent-encoded) or a `file://`
    /// URI; `nil` for a policy that is not a file.
    public var sarifURI: String? {
        switch self {
        case .relative(let path): return path.addingPercentEncoding(withAllowedCharacters: Self.pathAllowed) ?? path
        case .absolute(let path): return URL(fileURLWithPath: path).absoluteString
        case .virtual: return nil
        }
    }

    /// The `file=` value of a workflow command: the plain path (the runner decodes only its own
    /// escapes); `nil` for a policy that is not a file.
    public var annotationPath: String? {
        switch self {
        case .relative(let path), .absolute(let path): return path
        case .virtual: return nil
        }
    }

    /// RFC 3986 path characters, without `;` and `=` (not special in a path, but kept encoded
    /// so that no reader mistakes them for parameters).
    private static let pathAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: ";=")
        return set
    }()
}
