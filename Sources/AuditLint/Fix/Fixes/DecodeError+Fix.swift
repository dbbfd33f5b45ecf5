import AuditPolicy

/// AP002's fix: a YAML 1.1 boolean (`on`, `no`, `y`...) written where a string is expected is
/// quoted, which is what its author meant. Only a finding whose message says the field has type
/// string is fixed (kube-apiserver's decoder names the Go type it wanted,
/// `encoding/json`'s `UnmarshalTypeError`), so the quoted value decodes.
extension DecodeError: FixableRule {
    func fix(for finding: Diagnostic, in context: FixContext) -> LintFix? {
        guard finding.message.hasSuffix("of type string"), let location = finding.location,
              let node = context.layout.plainScalar(at: location), case .scalar(let scalar) = node.content,
              case .bool = scalar.resolved, let range = context.layout.byteRange(of: node) else { return nil }
        return LintFix(
            checkID: id, description: "quote `\(scalar.text)`, which YAML 1.1 reads as a boolean, so that it stays a string",
            edits: [SourceEdit(range: range, replacement: "\"\(scalar.text)\"")]
        )
    }
}
