/// Stable identifiers of the diagnostics produced while loading a policy.
///
/// The same IDs are used by `auditsim check` and by the linter, which documents each one.
public enum LoaderCode {
    /// The file is not well-formed YAML (or not UTF-8, or too large, or an alias bomb).
    public static let yamlSyntax = "AP001"
    /// A value has the wrong type for its field, or the document is not a mapping.
    public static let decodeError = "AP002"
    /// `apiVersion` or `kind` is missing or not accepted by the target Kubernetes release.
    public static let apiVersion = "AP003"
    /// kube-apiserver's validation refuses a value.
    public static let validation = "AP004"
    /// The policy has no rules.
    public static let noRules = "AP005"
    /// A field kube-apiserver does not know; it is silently dropped.
    public static let unknownField = "AP010"
    /// A key written twice in one mapping; the last one wins.
    public static let duplicateKey = "AP011"
    /// Documents after the first are never read.
    public static let extraDocument = "AP012"
}
