import AuditPolicy

/// Reads a file that has no `apiVersion` as if it said `audit.k8s.io/v1`.
///
/// kube-apiserver refuses such a file before it looks at the rules (AP003), and a policy written
/// for old releases (which defaulted the version) often has more to fix. Appending the line at the
/// end of the file keeps every other line and column where it was, so findings still point at the
/// author's text.
enum MissingAPIVersion {
    static func contentAsV1(_ loaded: LoadedPolicy) -> LoadedPolicy? {
        guard loaded.refusal == .apiVersion, loaded.policy == nil, !hasAPIVersionKey(loaded.source) else { return nil }
        var bytes = loaded.source.bytes
        guard let first = bytes.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }),
              first != UInt8(ascii: "{")
        else { return nil }
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        bytes += Array("apiVersion: \(PolicyReader.v1)\n".utf8)
        let patched = PolicyReader.read(PolicySource(name: loaded.source.name, bytes: bytes), options: loaded.options)
        guard patched.policy != nil, patched.refusal != .decoding, patched.refusal != .apiVersion else { return nil }
        return patched
    }

    /// Whether the document's root mapping has an `apiVersion` key (in any case, as kube-apiserver
    /// matches it), or is not a mapping at all.
    private static func hasAPIVersionKey(_ source: PolicySource) -> Bool {
        guard let document = try? YAMLLoader().loadFirstDocument(source.bytes), let root = document.root,
              case .mapping(let pairs) = root.content
        else { return true }
        return pairs.contains { pair in
            if case .scalar(let key) = pair.key.content { return key.text.lowercased() == "apiversion" }
            return false
        }
    }
}
