/// An input that cannot be read: a missing or unreadable file, a truncated or corrupt
/// gzip stream, a document whose structure is broken, or an input that holds no audit
/// event at all (see `InputEventCheck`). Always names the file.
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
    /// Whether the input looks like an audit policy given where recorded events were expected.
    public let looksLikePolicy: Bool

    public init(file: String, line: Int? = nil, reason: String, looksLikePolicy: Bool = false) {
        self.file = file
        self.line = line
        self.reason = reason
        self.looksLikePolicy = looksLikePolicy
    }

    /// `FILE: reason` or `FILE:LINE: reason`.
    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}
