import AuditPolicy

/// What is known about a recorded event's request beyond its bytes: where it was read, the
/// attributes the policy saw, and each policy's decision. Shared, never copied, by the copies of
/// the event that move through grouping and replay.
final class RequestFacts: Sendable {
    /// Where the event was read.
    let source: String
    let line: Int
    /// The request as the policy saw it.
    let attributes: RequestAttributes
    /// The recorded objectRef's values (the name as recorded, even for a create).
    let objectReference: ObjectReferenceValues?
    /// The decision of each replayed policy, in order.
    let decisions: [Decision]
    /// Whether kube-apiserver treats the request as long-running (`RequestAttributes.isLongRunning`).
    let isLongRunning: Bool

    init(source: String, line: Int, attributes: RequestAttributes, objectReference: ObjectReferenceValues?, decisions: [Decision]) {
        self.source = source
        self.line = line
        self.attributes = attributes
        self.objectReference = objectReference
        self.decisions = decisions
        isLongRunning = attributes.isLongRunning
    }
}
