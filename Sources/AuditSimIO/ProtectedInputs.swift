/// Everything a command reads (recordings, policies, test files, whole input directories),
/// so that no output can overwrite one of them.
///
/// Files are compared by device and inode, never by name: `rec.jsonl`, `./rec.jsonl`, a hard
/// link and a symlink to it are one file. An output inside an input directory is refused too,
/// since the directory's files are read and a new file there would be read next time.
public struct ProtectedInputs: Sendable {
    private var files: [FileIdentity: String] = [:]
    private var directories: [FileIdentity: String] = [:]

    /// No inputs yet.
    public init() {}

    /// Inputs named on a command line; `-` (standard input) and names of nothing are skipped.
    public init(paths: [String]) {
        for path in paths { add(path) }
    }

    /// Adds one input: a file or a directory.
    public mutating func add(_ path: String) {
        guard path != "-", let identity = FileIdentity(path: path) else { return }
        switch identity.kind {
        case .directory: directories[identity] = path
        case .regular: files[identity] = path
        case .other: break  // a FIFO or device is consumed, not destroyed, by a writer
        }
    }

    /// Adds several inputs.
    public mutating func add(contentsOf paths: [String]) {
        for path in paths { add(path) }
    }

    /// Why writing `path` would destroy an input, or nil when it would not.
    public func conflict(forOutput path: String) -> OutputError? {
        if let identity = FileIdentity(path: path), identity.kind == .regular, let input = files[identity] {
            return OutputError(path: path, reason: .isAnInput(input))
        }
        guard !directories.isEmpty else { return nil }
        var directory = PathText.parent(of: path)
        var seen = Set<FileIdentity>()
        while let identity = FileIdentity(path: directory), identity.kind == .directory, seen.insert(identity).inserted {
            if let input = directories[identity] {
                return OutputError(path: path, reason: .insideInputDirectory(input))
            }
            directory += "/.."
        }
        return nil
    }

    /// Throws when writing `path` would destroy an input.
    public func check(output path: String) throws(OutputError) {
        if let conflict = conflict(forOutput: path) { throw conflict }
    }
}
