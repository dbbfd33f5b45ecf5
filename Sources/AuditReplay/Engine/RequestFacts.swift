import AuditPolicy

/// What is known about a recorded event's request beyond its bytes: the attributes the policy
/// saw, and each policy's decision. Shared, never copied, by every event of the same kind of
/// request (`DecisionCache`).
final class RequestFacts: Sendable {
    /// The request as the policy saw it.
    let attributes: RequestAttributes
    /// The recorded objectRef's values (the name as recorded, even for a create).
    let objectReference: ObjectReferenceValues?
    /// The decision of each replayed policy, in order.
    let decisions: [Decision]
    /// Whether kube-apiserver treats the request as long-running (`RequestAttributes.isLongRunning`).
    let isLongRunning: Bool

    init(attributes: RequestAttributes, objectReference: ObjectReferenceValues?, decisions: [Decision]) {
        self.attributes = attributes
        self.objectReference = objectReference
        self.decisions = decisions
        isLongRunning = attributes.isLongRunning
    }
}
