/// Policies built into auditsim, so that it works from any directory without files.
public enum BuiltInPolicy: String, Sendable, CaseIterable {
    /// Amazon EKS's control-plane audit policy (Policies/eks.yaml).
    case eks

    /// The name shown in messages.
    public var sourceName: String { "<built-in \(rawValue)>" }

    /// The policy file's text.
    public var text: String {
        switch self {
        case .eks: Self.eksText
        }
    }

    /// Where the policy comes from.
    public var origin: String {
        switch self {
        case .eks: "Amazon EKS Best Practices Guide, Auditing and logging (https://docs.aws.amazon.com/eks/latest/best-practices/auditing-and-logging.html)"
        }
    }

    /// The day the policy was taken from its origin (the guide's page carries no date of its own),
    /// as YYYY-MM-DD.
    public var retrieved: String {
        switch self {
        case .eks: "2026-11-21"
        }
    }

    /// The policy as a source to read.
    public var source: PolicySource { PolicySource(name: sourceName, text: text) }
}
