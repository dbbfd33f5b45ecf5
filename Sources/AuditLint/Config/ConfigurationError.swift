import AuditPolicy

/// Why a `.auditsim.yaml` could not be used, with the place in the file.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The configuration file.
    public var path: String
    /// Where the problem is, when known.
    public var location: SourceLocation?
    /// What is wrong.
    public var message: String

    public init(path: String, location: SourceLocation?, message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    /// `FILE:LINE:COL: message`, as compilers write it.
    public var description: String {
        guard let location else { return "\(path): \(message)" }
        return "\(path):\(location.line):\(location.column): \(message)"
    }
}
