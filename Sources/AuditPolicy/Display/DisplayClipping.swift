/// Shortens a long string from input (a user name, a resource name, a path) where a
/// human-readable report prints it, so that a policy with a 5 MB user name does not make a
/// report that repeats the name in every line many megabytes long.
///
/// kube-apiserver bounds none of these in a policy: user names, groups and paths there are
/// free strings (`k8s.io/apiserver/pkg/apis/audit/validation/validation.go` checks only the
/// resource fields' shape). Reports therefore keep the full values in their machine-readable
/// fields (JSON, SARIF) and clip them only in text meant to be read.
public enum DisplayClipping {
    /// The most characters of one value a human-readable report shows.
    public static let maxCharacters = 200

    /// `text` itself when it is at most `maxCharacters` long; otherwise its first
    /// `maxCharacters` characters, `…`, and its full length in bytes: `uuu… (1000000 bytes)`.
    public static func clipped(_ text: String) -> String {
        // A string of at most `maxCharacters` UTF-8 bytes has at most as many characters.
        guard text.utf8.count > maxCharacters else { return text }
        let head = text.prefix(maxCharacters)
        guard head.endIndex < text.endIndex else { return text }
        return "\(head)… (\(text.utf8.count) bytes)"
    }
}
