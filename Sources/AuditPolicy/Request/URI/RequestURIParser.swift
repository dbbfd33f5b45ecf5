// Request attributes from an HTTP method and request URI, as kube-apiserver derives them.
//
// Upstream (k8s.io/apiserver v0.36.3, k8s.io/apimachinery v0.36.3, Go's standard library):
// - net/http `readRequest` and net/url `ParseRequestURI`: the method must be a token, the URI is
//   split at its first `?`, and the path is percent-decoded (`URL.Path`); a bad escape is a 400.
// - pkg/endpoints/request/requestinfo.go, `RequestInfoFactory.NewRequestInfo`, with kube-apiserver's
//   prefixes (`NewRequestInfoResolver` in pkg/server/config.go: APIPrefixes {api, apis},
//   GrouplessAPIPrefixes {api}).
// - pkg/endpoints/filters/requestinfo.go, `WithRequestInfo`: a `NewRequestInfo` error is a 500,
//   answered before the audit filter runs.
// - pkg/endpoints/filters/authorization.go, `GetAuthorizerAttributes`: copies the request info
//   and the authenticated user into the attributes the audit policy is evaluated against.
// - The list-options decoding behind `?watch` and `fieldSelector=metadata.name=X`: apimachinery's
//   generated `Convert_url_Values_To_v1_ListOptions`, `runtime.Convert_Slice_string_To_*`,
//   `labels.Parse`, `fields.ParseSelector` and `content.IsPathSegmentName`.
//
// Go compares strings byte by byte, while Swift's `==` uses canonical equivalence and splits on
// grapheme clusters, so everything here works on UTF-8 bytes and only turns bytes into `String`
// at the end.

/// Turns an HTTP method and request URI into the ``RequestAttributes`` kube-apiserver evaluates its
/// audit policy against.
///
/// This reproduces Go's `net/http` request-line parsing, `RequestInfoFactory.NewRequestInfo` with
/// kube-apiserver's standard prefixes (`/api` for the core group, `/apis/GROUP/VERSION` for the
/// others) and `GetAuthorizerAttributes`. For example:
///
/// - `GET /api/v1/namespaces/kube-system/configmaps/aws-auth` is `get` of `configmaps` named
///   `aws-auth` in `kube-system`.
/// - `GET /apis/apps/v1/deployments?watch=true` is `watch` of `deployments` in every namespace.
/// - `DELETE /api/v1/namespaces/x/pods` is `deletecollection`.
/// - `GET /healthz` is the non-resource request `get` of `/healthz`.
///
/// Things worth knowing:
/// - `path` is the percent-decoded path without the query, trailing slash and dot segments kept;
///   `%2F` in a name becomes a path separator before the path is split, as upstream.
/// - The method is case-sensitive: only `POST`, `GET`, `HEAD`, `PUT`, `PATCH` and `DELETE` map to
///   verbs; any other method gives a resource request the empty verb. A non-resource request's
///   verb is the lowercased method.
/// - Besides a path, Go accepts an absolute URI (`https://host/path`, whose scheme and authority
///   are dropped; the authority is not validated here), `*` (the non-resource path `*`) and, for
///   CONNECT, an authority (`host:443`, an empty path). Anything else is a 400.
/// - A `#` is not a fragment delimiter in a request URI: it stays in the path or the query.
/// - Spaces in the URI are accepted, as over HTTP/2 (an HTTP/1.1 request line cannot carry them).
/// - Decoded bytes that are not valid UTF-8 become U+FFFD (Swift's repair, one per maximal invalid
///   subsequence); Go keeps the raw bytes and replaces each invalid byte only when it writes JSON.
public enum RequestURIParser {
    /// Why kube-apiserver never evaluates its audit policy for a request, so no audit event exists.
    public enum Rejection: Error, Hashable, Sendable {
        /// Go's `net/http` server answers the request itself, before kube-apiserver's handler chain:
        /// a method that is not an HTTP token, an empty URI, a control character in the URI, a URI
        /// that is neither a path nor absolute, or an invalid percent escape in the path are all
        /// `400 Bad Request`; `OPTIONS *` is answered by Go directly.
        case httpServer(reason: String)
        /// `WithRequestInfo` answers `500` because `NewRequestInfo` failed: a legacy `watch` or
        /// `proxy` path prefix with nothing after it, such as `/api/v1/watch`.
        case requestInfo(reason: String)
    }

    /// The attributes of a request, as the audit policy sees them.
    ///
    /// Never fails: for a request kube-apiserver would refuse (see ``checkedAttributes(method:uri:user:)``)
    /// it returns the best-known attributes:
    /// - a URI refused by Go's HTTP server (such as an invalid percent escape like `/x/100%`) gives a
    ///   non-resource request whose `path` is the raw, undecoded part of the URI before `?`, with the
    ///   lowercased method as its verb;
    /// - a `NewRequestInfo` failure gives what upstream had filled in before failing (a resource
    ///   request with its group and version, and the lowercased method as its verb).
    ///
    /// - Parameters:
    ///   - method: the HTTP method, case-sensitive (`GET`, not `get`).
    ///   - uri: the request target: a path with an optional query (`/api/v1/pods?watch=1`), or an
    ///     absolute URI. Percent escapes are decoded; the query is split off first.
    ///   - user: the authenticated user, or `nil` for none.
    public static func attributes(method: String, uri: String, user: UserInfo?) -> RequestAttributes {
        resolve(method: method, uri: uri, user: user).attributes
    }

    /// The attributes of a request, or why kube-apiserver never evaluates its audit policy for it.
    ///
    /// - Throws: ``Rejection`` when Go's HTTP server or kube-apiserver's `WithRequestInfo` filter
    ///   answers the request before the audit filter runs.
    public static func checkedAttributes(
        method: String, uri: String, user: UserInfo?
    ) throws(Rejection) -> RequestAttributes {
        let resolved = resolve(method: method, uri: uri, user: user)
        if let rejection = resolved.rejection {
            throw rejection
        }
        return resolved.attributes
    }

    // MARK: - Putting it together

    private static func resolve(
        method: String, uri: String, user: UserInfo?
    ) -> (attributes: RequestAttributes, rejection: Rejection?) {
        let methodBytes = Array(method.utf8)
        var rejection: Rejection?
        if !HTTPToken.isValid(methodBytes) {
            rejection = .httpServer(reason: "invalid method \(quoted(method))")
        }
        let target: RequestTarget
        switch RequestTarget.parse(method: methodBytes, uri: Array(uri.utf8)) {
        case .success(let parsed):
            target = parsed
        case .failure(let failure):
            let attributes = RequestAttributes(
                user: user,
                verb: goLowercased(method),
                path: String(decoding: failure.rawPath, as: UTF8.self),
                isResourceRequest: false
            )
            return (attributes, rejection ?? .httpServer(reason: failure.reason))
        }
        if rejection == nil, bytes(methodBytes, equal: "OPTIONS"), bytes(Array(uri.utf8), equal: "*") {
            rejection = .httpServer(reason: "OPTIONS * is answered by Go's net/http server itself")
        }
        let info = requestInfo(method: method, path: target.path, query: target.query)
        var attributes = info.attributes
        attributes.user = user
        if rejection == nil, let failure = info.failure {
            rejection = .requestInfo(reason: failure)
        }
        return (attributes, rejection)
    }

    // MARK: - NewRequestInfo

    /// The port of `NewRequestInfo` for APIPrefixes {api, apis} and GrouplessAPIPrefixes {api}.
    /// Returns the attributes known so far and, when upstream returns an error, its message.
    private static func requestInfo(
        method: String, path: [UInt8], query: GoQuery
    ) -> (attributes: RequestAttributes, failure: String?) {
        // Every request starts out as a non-resource request with the lowercased method as verb.
        var info = RequestAttributes(
            verb: goLowercased(method),
            path: String(decoding: path, as: UTF8.self),
            isResourceRequest: false
        )
        var parts = splitPath(path)
        // Fewer than three segments, or an unknown first segment: non-resource (`/api/v1`, `/apis`).
        guard parts.count >= 3, bytes(parts[0], equal: "api") || bytes(parts[0], equal: "apis") else {
            return (info, nil)
        }
        let grouped = bytes(parts[0], equal: "apis")
        parts.removeFirst()
        if grouped {
            // `/apis/GROUP/VERSION` alone is non-resource too: four segments are needed.
            guard parts.count >= 3 else {
                return (info, nil)
            }
            info.apiGroup = string(parts.removeFirst())
        }
        info.isResourceRequest = true
        info.apiVersion = string(parts.removeFirst())

        // Legacy verb-in-path form: `/api/v1/watch/...` and `/api/v1/proxy/...`, whatever the method.
        // (Upstream also remembers this form, only to skip selector authorization, which audit ignores.)
        if bytes(parts[0], equal: "watch") || bytes(parts[0], equal: "proxy") {
            guard parts.count >= 2 else {
                return (info, "unable to determine kind and namespace from url, \(info.path)")
            }
            info.verb = bytes(parts[0], equal: "watch") ? "watch" : "proxy"
            parts.removeFirst()
        } else {
            info.verb = verb(forMethod: Array(method.utf8))
        }

        // `namespaces/NAME/RESOURCE/...` is relative to RESOURCE, except for the namespace's own
        // subresources `status` and `finalize`; `namespaces/NAME` is the namespace object itself.
        if bytes(parts[0], equal: "namespaces") {
            if parts.count > 1 {
                info.namespace = string(parts[1])
                if parts.count > 2, !bytes(parts[2], equal: "status"), !bytes(parts[2], equal: "finalize") {
                    parts.removeFirst(2)
                }
            }
        } else {
            info.namespace = ""
        }

        // RESOURCE/NAME/SUBRESOURCE/anything-else; a proxy verb takes no subresource, so its extra
        // segments are the proxied path.
        if parts.count >= 3, info.verb != "proxy" {
            info.subresource = string(parts[2])
        }
        if parts.count >= 2 {
            info.name = string(parts[1])
        }
        info.resource = string(parts[0])

        // A get without a name is a list, or a watch when the query asks for one.
        if info.name.isEmpty, info.verb == "get" {
            let options = ListOptionsQuery.decode(query)
            info.verb = options.watch ? "watch" : "list"
            if let name = options.metadataName, PathSegmentName.isValid(name) {
                info.name = string(name)
            }
        }
        // A delete without a name deletes the collection.
        if info.name.isEmpty, info.verb == "delete" {
            info.verb = "deletecollection"
        }
        return (info, nil)
    }

    /// Upstream's method switch: exact, case-sensitive method names; anything else is `""`.
    private static func verb(forMethod method: [UInt8]) -> String {
        if bytes(method, equal: "POST") { return "create" }
        if bytes(method, equal: "GET") || bytes(method, equal: "HEAD") { return "get" }
        if bytes(method, equal: "PUT") { return "update" }
        if bytes(method, equal: "PATCH") { return "patch" }
        if bytes(method, equal: "DELETE") { return "delete" }
        return ""
    }

    /// Upstream's `splitPath`: every leading and trailing `/` trimmed, then split on each `/`,
    /// so inner empty segments (`/api//v1`) stay.
    private static func splitPath(_ path: [UInt8]) -> [[UInt8]] {
        let slash = UInt8(ascii: "/")
        guard let first = path.firstIndex(where: { $0 != slash }),
              let last = path.lastIndex(where: { $0 != slash })
        else {
            return []
        }
        return path[first...last].split(separator: slash, omittingEmptySubsequences: false).map { Array($0) }
    }

    // MARK: - Small byte helpers

    static func bytes<C: Collection<UInt8>>(_ value: C, equal literal: String) -> Bool {
        value.count == literal.utf8.count && value.elementsEqual(literal.utf8)
    }

    static func string(_ value: [UInt8]) -> String {
        String(decoding: value, as: UTF8.self)
    }

    /// Go's `strings.ToLower` for the verb of a non-resource request. Methods that reach
    /// kube-apiserver are HTTP tokens, hence ASCII; other scalars use their single-scalar
    /// lowercase mapping when there is one.
    static func goLowercased(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
                scalars.append(Unicode.Scalar(lowered))
            } else if scalar.value == 0x130 {
                scalars.append("i")  // Go's simple mapping of U+0130; its full lowercase has two scalars.
            } else {
                let mapping = scalar.properties.lowercaseMapping.unicodeScalars
                if mapping.count == 1, let only = mapping.first {
                    scalars.append(only)
                } else {
                    scalars.append(scalar)
                }
            }
        }
        return String(scalars)
    }

    private static func quoted(_ value: String) -> String {
        "\"" + value + "\""
    }
}
