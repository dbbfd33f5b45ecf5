/// Why the bytes of a recorded event are not an audit event: not JSON at all, or JSON that
/// kube-apiserver's decoder would refuse as an `audit.k8s.io` Event.
public struct EventScanFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset inside the event where the problem was found, when it is about syntax.
    public var offset: Int?
    /// What is wrong, such as `invalid JSON at byte 12: expected ':'` or `verb is missing`.
    public var reason: String

    public init(offset: Int? = nil, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    /// A syntax error at `offset`.
    static func syntax(_ message: String, at offset: Int) -> EventScanFailure {
        EventScanFailure(offset: offset, reason: "invalid JSON at byte \(offset + 1): \(message)")
    }

    public var description: String { reason }
}
