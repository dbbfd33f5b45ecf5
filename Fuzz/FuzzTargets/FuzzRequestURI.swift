import AuditPolicy

/// The request-URI parser: the input's first line is the HTTP method, the rest the request URI.
/// Both entry points agree: a URI that is not refused gives the same attributes from each.
public func fuzzRequestURI(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
    let method = String(decoding: bytes[..<newline], as: UTF8.self)
    let uri = String(decoding: bytes[min(newline + 1, bytes.endIndex)...], as: UTF8.self)
    let user = UserInfo(name: "fuzz", groups: ["system:authenticated"])
    let attributes = RequestURIParser.attributes(method: method, uri: uri, user: user)
    if let checked = try? RequestURIParser.checkedAttributes(method: method, uri: uri, user: user), checked != attributes {
        fatalError("attributes(method:uri:user:) and checkedAttributes(method:uri:user:) disagree")
    }
    _ = attributes.isLongRunning
    return 0
}
