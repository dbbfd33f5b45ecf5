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

    /// The policy as a source to read.
    public var source: PolicySource { PolicySource(name: sourceName, text: text) }
}
