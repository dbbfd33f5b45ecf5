import AuditPolicy

extension DecodedEventFields {
    /// The attributes kube-apiserver evaluated its audit policy against when it served the
    /// recorded request.
    ///
    /// - The user is the authenticated `user`, never `impersonatedUser`: the audit filter runs
    ///   after authentication and before impersonation (`pkg/server/config.go`,
    ///   `DefaultBuildHandlerChain`). An event without a user name or groups is a failed
    ///   authentication, evaluated without a user (`pkg/endpoints/filters/authn_audit.go`).
    /// - A request with an `objectRef` is a resource request; its namespace, group, version,
    ///   resource, subresource and name are the ones `LogRequestMetadata` copied from the
    ///   request info (`pkg/audit/request.go`).
    /// - Except the name of a `create`: `LogRequestObject` fills an empty objectRef name from the
    ///   request body after the policy was evaluated, so the name the policy saw is the one in the
    ///   URL (usually none), found here by parsing `requestURI` as kube-apiserver does.
    /// - A non-resource request's `path` is the percent-decoded request path without the query
    ///   (`GetAuthorizerAttributes` in `pkg/endpoints/filters/authorization.go`). The policy only
    ///   looks at the path of non-resource requests (`checker.go`, `ruleMatchesNonResource`), so
    ///   it is left empty for resource requests, which saves decoding it.
    ///
    /// - Parameters:
    ///   - bytes: the event scanned.
    ///   - reference: the decoded objectRef (`objectReference(in:)`).
    ///   - requestURI: the decoded `requestURI`, asked for only when needed.
    func requestAttributes(in bytes: UnsafeBufferPointer<UInt8>, objectReference reference: ObjectReferenceValues?, requestURI: () -> String) -> RequestAttributes {
        let user = user(in: bytes)
        let verb = verb(in: bytes)
        guard let reference else {
            let path = RequestPath.decodedPath(ofRequestURI: requestURI())
            return RequestAttributes(user: user, verb: verb, path: path, isResourceRequest: false)
        }
        var name = reference.name
        if verb == "create" {
            name = RequestURIParser.attributes(method: "POST", uri: requestURI(), user: nil).name
        }
        return RequestAttributes(
            user: user,
            verb: verb,
            namespace: reference.namespace,
            apiGroup: reference.apiGroup,
            apiVersion: reference.apiVersion,
            resource: reference.resource,
            subresource: reference.subresource,
            name: name,
            isResourceRequest: true
        )
    }
}

/// The path part of a request URI, as Go's `net/url` gives it in `URL.Path`.
enum RequestPath {
    /// The URI up to its first `?`, percent-decoded; an invalid escape is kept as written
    /// (Go's server would have refused such a request, so recordings do not carry one).
    static func decodedPath(ofRequestURI uri: String) -> String {
        let source = uri.utf8
        // Most paths have neither a query nor an escape: return them as they are.
        guard let special = source.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "%") }) else { return uri }
        let query = source[special...].firstIndex(of: UInt8(ascii: "?")) ?? source.endIndex
        if !source[..<query].contains(UInt8(ascii: "%")) {
            return String(decoding: source[..<query], as: UTF8.self)
        }
        let path = Array(source[..<query])
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.count)
        var index = 0
        while index < path.count {
            if path[index] == UInt8(ascii: "%"), index + 2 < path.count,
               let high = hexDigit(path[index + 1]), let low = hexDigit(path[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(path[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
