/// An input that cannot be read: a missing or unreadable file, a truncated or corrupt
/// gzip stream, or a document whose structure is broken. Always names the file.
///
/// Lines that are merely not JSON are not errors: they are passed on as records so
/// that the replay counts and reports them.
public struct InputError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file path, or `<stdin>`.
    public let file: String
    /// The 1-based line the problem was found at, when it is known.
    public let line: Int?
    /// What went wrong, such as `truncated gzip stream` or `no such file`.
    public let reason: String

    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `FILE: reason` or `FILE:LINE: reason`.
    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}
