/// Why a YAML document could not be loaded.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in one sentence without the location.
    public var message: String
    /// Where it went wrong, when known.
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location.line):\(location.column): \(message)" }
        return message
    }
}
