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

    fileprivate static func bytes<C: Collection<UInt8>>(_ value: C, equal literal: String) -> Bool {
        value.count == literal.utf8.count && value.elementsEqual(literal.utf8)
    }

    fileprivate static func string(_ value: [UInt8]) -> String {
        String(decoding: value, as: UTF8.self)
    }

    /// Go's `strings.ToLower` for the verb of a non-resource request. Methods that reach
    /// kube-apiserver are HTTP tokens, hence ASCII; other scalars use their single-scalar
    /// lowercase mapping when there is one.
    fileprivate static func goLowercased(_ value: String) -> String {
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

// MARK: - The request line (Go's net/http and net/url)

/// HTTP token characters, as Go's `validMethod` (`httpguts.IsTokenRune`) checks the method.
private enum HTTPToken {
    static func isValid(_ value: [UInt8]) -> Bool {
        !value.isEmpty && value.allSatisfy(isTokenByte)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}

/// The request target as Go's HTTP server parses it: `url.ParseRequestURI`, after `readRequest`
/// turned a CONNECT authority (`host:443`) into `http://host:443`.
private struct RequestTarget {
    /// `URL.Path`: percent-decoded, without the query.
    var path: [UInt8]
    /// `URL.Query()`.
    var query: GoQuery

    struct Failure: Error {
        var reason: String
        /// The undecoded URI before its first `?`, for best-effort attributes.
        var rawPath: [UInt8]
    }

    static func parse(method: [UInt8], uri: [UInt8]) -> Result<RequestTarget, Failure> {
        let question = UInt8(ascii: "?")
        let slash = UInt8(ascii: "/")
        let rawPath = Array(uri.prefix(while: { $0 != question }))
        func fail(_ reason: String) -> Result<RequestTarget, Failure> {
            .failure(Failure(reason: reason, rawPath: rawPath))
        }

        var raw = uri
        if RequestURIParser.bytes(method, equal: "CONNECT"), raw.first != slash {
            raw = Array("http://".utf8) + raw
        }
        if raw.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            return fail("net/url: invalid control character in URL")
        }
        if raw.isEmpty {
            return fail("empty url")
        }
        if RequestURIParser.bytes(raw, equal: "*") {
            return .success(RequestTarget(path: raw, query: GoQuery(rawQuery: [])))
        }

        // A scheme is letters first, then letters, digits, `+`, `-` or `.`, up to a `:`.
        var scheme: [UInt8] = []
        var rest = raw[...]
        schemeScan: for (offset, byte) in raw.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if offset == 0 { break schemeScan }
            case UInt8(ascii: ":"):
                if offset == 0 {
                    return fail("missing protocol scheme")
                }
                scheme = Array(raw[..<offset])
                rest = raw[(offset + 1)...]
                break schemeScan
            default:
                break schemeScan
            }
        }

        // The query starts at the first `?` (a lone trailing `?` is an empty query).
        var rawQuery: [UInt8] = []
        if let mark = rest.firstIndex(of: question) {
            rawQuery = Array(rest[(mark + 1)...])
            rest = rest[..<mark]
        }

        if rest.first != slash {
            if !scheme.isEmpty {
                // `scheme:opaque`: Go leaves `URL.Path` empty.
                return .success(RequestTarget(path: [], query: GoQuery(rawQuery: rawQuery)))
            }
            return fail("invalid URI for request")
        }
        if !scheme.isEmpty, rest.starts(with: [slash, slash]) {
            // `scheme://authority/path`: the authority is dropped, unchecked.
            let afterSlashes = rest.dropFirst(2)
            let pathStart = afterSlashes.firstIndex(of: slash) ?? afterSlashes.endIndex
            rest = afterSlashes[pathStart...]
        }
        guard let path = PercentDecoding.unescape(rest, plusIsSpace: false) else {
            return fail("invalid URL escape in path")
        }
        return .success(RequestTarget(path: path, query: GoQuery(rawQuery: rawQuery)))
    }
}

/// Go's `net/url` percent-decoding (`unescape`): `%` must be followed by two hex digits.
private enum PercentDecoding {
    /// The decoded bytes, or `nil` for an invalid escape. `plusIsSpace` is query-component mode.
    static func unescape(_ input: ArraySlice<UInt8>, plusIsSpace: Bool) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = input.startIndex
        while index < input.endIndex {
            let byte = input[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < input.endIndex,
                      let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
                else {
                    return nil
                }
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// `URL.Query()`: Go's `url.ParseQuery` with its error discarded.
///
/// Pairs are separated by `&`; a pair containing a raw `;`, an empty pair, or a pair whose key or
/// value has an invalid escape is dropped; `+` is a space. A query with more than 10,000 pairs
/// (counted as the number of `&` plus one, Go's default `urlmaxqueryparams`) yields no values at all.
private struct GoQuery {
    private var pairs: [(key: [UInt8], value: [UInt8])] = []

    static let maximumParameters = 10_000

    init(rawQuery: [UInt8]) {
        let ampersand = UInt8(ascii: "&")
        guard rawQuery.lazy.filter({ $0 == ampersand }).count + 1 <= Self.maximumParameters else {
            return
        }
        for piece in rawQuery.split(separator: ampersand, omittingEmptySubsequences: false) {
            if piece.isEmpty || piece.contains(UInt8(ascii: ";")) {
                continue
            }
            let equals = piece.firstIndex(of: UInt8(ascii: "=")) ?? piece.endIndex
            let rawValue = equals < piece.endIndex ? piece[(equals + 1)...] : piece[piece.endIndex...]
            guard let key = PercentDecoding.unescape(piece[..<equals], plusIsSpace: true),
                  let value = PercentDecoding.unescape(rawValue, plusIsSpace: true)
            else {
                continue
            }
            pairs.append((key, value))
        }
    }

    var isEmpty: Bool { pairs.isEmpty }

    /// The first value given for `key`, as the `Convert_Slice_string_To_*` functions read it.
    func first(_ key: String) -> [UInt8]? {
        pairs.first(where: { RequestURIParser.bytes($0.key, equal: key) })?.value
    }
}

// MARK: - List options from the query

/// What `NewRequestInfo` takes from `metainternalversion.ListOptions` decoded from the query.
///
/// The decoding (`ParameterCodec.DecodeParameters`: url.Values to meta/v1 ListOptions to the
/// internal ListOptions) fails when `timeoutSeconds` or `limit` is not a Go int64, `labelSelector`
/// is not a valid label selector, or `fieldSelector` is not a valid field selector. Then upstream
/// reads `watch` again with `strings.ToLower` (so `watch=falſe` means watch there, though not
/// when decoding succeeds, where `strings.EqualFold` folds `ſ` to `s`) and fills no name.
/// No query parameters at all means a plain list.
private enum ListOptionsQuery {
    struct Result {
        var watch: Bool
        /// The value `fieldSelector` requires for `metadata.name`, when it requires one.
        var metadataName: [UInt8]?
    }

    static func decode(_ query: GoQuery) -> Result {
        if query.isEmpty {
            return Result(watch: false, metadataName: nil)
        }
        let watchValue = query.first("watch")
        let decodes = (query.first("timeoutSeconds").map(GoInt64.isParsable) ?? true)
            && (query.first("limit").map(GoInt64.isParsable) ?? true)
            && LabelSelectorSyntax.isValid(query.first("labelSelector") ?? [])
        if decodes, let terms = FieldSelectorTerms.parse(query.first("fieldSelector") ?? []) {
            let watch = watchValue.map { !($0 == Array("0".utf8) || foldsToFalse($0)) } ?? false
            return Result(watch: watch, metadataName: terms.requiredValue(for: "metadata.name"))
        }
        let watch = watchValue.map { !($0 == Array("0".utf8) || lowercasesToFalse($0)) } ?? false
        return Result(watch: watch, metadataName: nil)
    }

    /// `strings.EqualFold(value, "false")`: simple case folding, so `ſ` (U+017F) matches `s`.
    private static func foldsToFalse(_ value: [UInt8]) -> Bool {
        let scalars = Array(String(decoding: value, as: UTF8.self).unicodeScalars)
        let orbits: [[UInt32]] = [[0x46, 0x66], [0x41, 0x61], [0x4C, 0x6C], [0x53, 0x73, 0x17F], [0x45, 0x65]]
        return scalars.count == orbits.count && zip(scalars, orbits).allSatisfy { $1.contains($0.value) }
    }

    /// `strings.ToLower(value) == "false"`: only ASCII letters lower to ASCII `f`, `a`, `l`, `s`, `e`.
    private static func lowercasesToFalse(_ value: [UInt8]) -> Bool {
        value.count == 5 && value.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }
            == Array("false".utf8)
    }
}

/// Go's `strconv.ParseInt(value, 10, 64)` succeeding: an optional sign, at least one ASCII digit,
/// nothing else (no underscores), and within the int64 range.
private enum GoInt64 {
    static func isParsable(_ value: [UInt8]) -> Bool {
        var digits = value[...]
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return false
        }
        let significant = Array(digits.drop(while: { $0 == UInt8(ascii: "0") }))
        let limit = Array((negative ? "9223372036854775808" : "9223372036854775807").utf8)
        if significant.count != limit.count {
            return significant.count < limit.count
        }
        return !limit.lexicographicallyPrecedes(significant)
    }
}

/// `content.IsPathSegmentName`: not `.` or `..`, and no `/` or `%`.
private enum PathSegmentName {
    static func isValid(_ name: [UInt8]) -> Bool {
        !RequestURIParser.bytes(name, equal: ".") && !RequestURIParser.bytes(name, equal: "..")
            && !name.contains(UInt8(ascii: "/")) && !name.contains(UInt8(ascii: "%"))
    }
}

// MARK: - Field selectors (fields.ParseSelector)

/// The terms of a field selector, as `fields.ParseSelector` reads them.
///
/// The selector is split at unescaped commas; the raw terms are sorted byte-wise; each non-empty
/// term is split at its first operator (`!=`, `==` or `=`, tried in that order at each position);
/// the value is unescaped (`\\`, `\,`, `\=`; any other escape, a trailing `\`, or a bare `,` or `=`
/// is an error). `RequiresExactMatch` then returns the first `=`/`==` term on the field.
private struct FieldSelectorTerms {
    private var equalities: [(field: [UInt8], value: [UInt8])] = []

    static func parse(_ selector: [UInt8]) -> FieldSelectorTerms? {
        var result = FieldSelectorTerms()
        for term in splitTerms(selector).sorted(by: { $0.lexicographicallyPrecedes($1) }) where !term.isEmpty {
            guard let (field, isEquality, rawValue) = splitTerm(term), let value = unescape(rawValue) else {
                return nil
            }
            if isEquality {
                result.equalities.append((field, value))
            }
        }
        return result
    }

    func requiredValue(for field: String) -> [UInt8]? {
        equalities.first(where: { RequestURIParser.bytes($0.field, equal: field) })?.value
    }

    private static func splitTerms(_ selector: [UInt8]) -> [[UInt8]] {
        guard !selector.isEmpty else { return [] }
        var terms: [[UInt8]] = []
        var current: [UInt8] = []
        var escaped = false
        for byte in selector {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: ",") {
                terms.append(current)
                current = []
                continue
            }
            current.append(byte)
        }
        terms.append(current)
        return terms
    }

    private static func splitTerm(_ term: [UInt8]) -> (field: [UInt8], isEquality: Bool, value: [UInt8])? {
        let bang = UInt8(ascii: "!"), equals = UInt8(ascii: "=")
        for index in term.indices {
            let next = index + 1 < term.count ? term[index + 1] : nil
            if term[index] == bang, next == equals {
                return (Array(term[..<index]), false, Array(term[(index + 2)...]))
            }
            if term[index] == equals {
                let width = next == equals ? 2 : 1
                return (Array(term[..<index]), true, Array(term[(index + width)...]))
            }
        }
        return nil
    }

    private static func unescape(_ value: [UInt8]) -> [UInt8]? {
        let backslash = UInt8(ascii: "\\"), comma = UInt8(ascii: ","), equals = UInt8(ascii: "=")
        var output: [UInt8] = []
        var escaped = false
        for byte in value {
            if escaped {
                guard byte == backslash || byte == comma || byte == equals else { return nil }
                output.append(byte)
                escaped = false
            } else if byte == backslash {
                escaped = true
            } else if byte == comma || byte == equals {
                return nil
            } else {
                output.append(byte)
            }
        }
        return escaped ? nil : output
    }
}

// MARK: - Label selectors (labels.Parse)

/// Whether `labels.Parse` accepts a label selector: its lexer, recursive-descent parser and the
/// checks of `NewRequirement` (label keys, label values, value counts, integers for `<` and `>`).
private enum LabelSelectorSyntax {
    enum Token: Equatable {
        case error, endOfString, closedParenthesis, comma, doesNotExist, doubleEquals, equals
        case greaterThan, identifier, inToken, lessThan, notEquals, notIn, openParenthesis
    }

    enum Operator {
        case exists, doesNotExist, inSet, notInSet, equals, doubleEquals, notEquals, greaterThan, lessThan
    }

    static func isValid(_ selector: [UInt8]) -> Bool {
        var lexer = Lexer(input: selector)
        var parser = Parser(items: lexer.scanAll())
        return parser.parse()
    }

    private static let literalTokens: [(String, Token)] = [
        (")", .closedParenthesis), (",", .comma), ("!", .doesNotExist), ("==", .doubleEquals), ("=", .equals),
        (">", .greaterThan), ("in", .inToken), ("<", .lessThan), ("!=", .notEquals), ("notin", .notIn),
        ("(", .openParenthesis),
    ]

    /// Upstream's `string2token`: the literal tokens; anything else is an identifier.
    static func literalToken(_ literal: [UInt8]) -> Token? {
        literalTokens.first(where: { RequestURIParser.bytes(literal, equal: $0.0) })?.1
    }

    /// Upstream's byte lexer. A NUL byte reads like the end of input where a token starts.
    struct Lexer {
        var input: [UInt8]
        var position = 0

        init(input: [UInt8]) {
            self.input = input
        }

        mutating func scanAll() -> [(Token, [UInt8])] {
            var items: [(Token, [UInt8])] = []
            while true {
                let item = lex()
                items.append(item)
                if item.0 == .endOfString { return items }
            }
        }

        private mutating func read() -> UInt8 {
            guard position < input.count else { return 0 }
            position += 1
            return input[position - 1]
        }

        private mutating func unread() {
            position -= 1
        }

        private static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }

        private static func isSpecial(_ byte: UInt8) -> Bool {
            Array("=!(),><".utf8).contains(byte)
        }

        private mutating func lex() -> (Token, [UInt8]) {
            var byte = read()
            while Self.isWhitespace(byte) {
                byte = read()
            }
            if byte == 0 {
                return (.endOfString, [])
            }
            unread()
            return Self.isSpecial(byte) ? scanSpecial() : scanIdentifierOrKeyword()
        }

        private mutating func scanIdentifierOrKeyword() -> (Token, [UInt8]) {
            var buffer: [UInt8] = []
            while true {
                let byte = read()
                if byte == 0 { break }
                if Self.isSpecial(byte) || Self.isWhitespace(byte) {
                    unread()
                    break
                }
                buffer.append(byte)
            }
            return (literalToken(buffer) ?? .identifier, buffer)
        }

        private mutating func scanSpecial() -> (Token, [UInt8]) {
            var buffer: [UInt8] = []
            var last: (Token, [UInt8])?
            while true {
                let byte = read()
                if byte == 0 { break }
                guard Self.isSpecial(byte) else {
                    unread()
                    break
                }
                buffer.append(byte)
                if let token = literalToken(buffer) {
                    last = (token, buffer)
                } else if last != nil {
                    unread()
                    break
                }
            }
            return last ?? (.error, buffer)
        }
    }

    /// Upstream's parser over the scanned tokens, reduced to "does it parse and validate".
    struct Parser {
        var items: [(Token, [UInt8])]
        var position = 0

        enum Context { case keyAndOperator, values }

        private func lookahead(_ context: Context) -> (Token, [UInt8]) {
            let item = position < items.count ? items[position] : (.endOfString, [])
            return adjusted(item, context)
        }

        private mutating func consume(_ context: Context) -> (Token, [UInt8]) {
            let item = lookahead(.keyAndOperator)
            position += 1
            return adjusted(item, context)
        }

        /// In a values context, `in` and `notin` are plain identifiers.
        private func adjusted(_ item: (Token, [UInt8]), _ context: Context) -> (Token, [UInt8]) {
            if context == .values, item.0 == .inToken || item.0 == .notIn {
                return (.identifier, item.1)
            }
            return item
        }

        mutating func parse() -> Bool {
            while true {
                switch lookahead(.values).0 {
                case .identifier, .doesNotExist:
                    guard parseRequirement() else { return false }
                    switch consume(.values).0 {
                    case .endOfString:
                        return true
                    case .comma:
                        let next = lookahead(.values).0
                        if next != .identifier && next != .doesNotExist { return false }
                    default:
                        return false
                    }
                case .endOfString:
                    return true
                default:
                    return false
                }
            }
        }

        private mutating func parseRequirement() -> Bool {
            guard let (key, inferred) = parseKeyAndInferOperator() else { return false }
            if let inferred, inferred == .exists || inferred == .doesNotExist {
                return Requirement.isValid(key: key, operator: inferred, values: [])
            }
            guard let binary = parseOperator() else { return false }
            let values: Set<[UInt8]>?
            switch binary {
            case .inSet, .notInSet:
                values = parseValues()
            default:
                values = parseExactValue()
            }
            guard let values else { return false }
            return Requirement.isValid(key: key, operator: binary, values: Array(values))
        }

        private mutating func parseKeyAndInferOperator() -> ([UInt8], Operator?)? {
            var inferred: Operator?
            var (token, literal) = consume(.values)
            if token == .doesNotExist {
                inferred = .doesNotExist
                (token, literal) = consume(.values)
            }
            guard token == .identifier, LabelText.isKey(literal) else { return nil }
            let next = lookahead(.values).0
            if next == .endOfString || next == .comma, inferred != .doesNotExist {
                inferred = .exists
            }
            return (literal, inferred)
        }

        private mutating func parseOperator() -> Operator? {
            switch consume(.keyAndOperator).0 {
            case .inToken: return .inSet
            case .equals: return .equals
            case .doubleEquals: return .doubleEquals
            case .greaterThan: return .greaterThan
            case .lessThan: return .lessThan
            case .notIn: return .notInSet
            case .notEquals: return .notEquals
            default: return nil
            }
        }

        private mutating func parseValues() -> Set<[UInt8]>? {
            guard consume(.values).0 == .openParenthesis else { return nil }
            switch lookahead(.values).0 {
            case .identifier, .comma:
                guard let values = parseIdentifiersList(), consume(.values).0 == .closedParenthesis else { return nil }
                return values
            case .closedParenthesis:
                _ = consume(.values)
                return [[]]
            default:
                return nil
            }
        }

        private mutating func parseIdentifiersList() -> Set<[UInt8]>? {
            var values = Set<[UInt8]>()
            while true {
                let (token, literal) = consume(.values)
                switch token {
                case .identifier:
                    values.insert(literal)
                    switch lookahead(.values).0 {
                    case .comma: continue
                    case .closedParenthesis: return values
                    default: return nil
                    }
                case .comma:
                    if values.isEmpty { values.insert([]) }
                    let next = lookahead(.values).0
                    if next == .closedParenthesis {
                        values.insert([])
                        return values
                    }
                    if next == .comma { values.insert([]) }
                default:
                    return nil
                }
            }
        }

        private mutating func parseExactValue() -> Set<[UInt8]>? {
            let next = lookahead(.values).0
            if next == .endOfString || next == .comma {
                return [[]]
            }
            let (token, literal) = consume(.values)
            return token == .identifier ? [literal] : nil
        }
    }

    /// The checks of `labels.NewRequirement`.
    enum Requirement {
        static func isValid(key: [UInt8], operator op: Operator, values: [[UInt8]]) -> Bool {
            guard LabelText.isKey(key) else { return false }
            switch op {
            case .inSet, .notInSet:
                guard !values.isEmpty else { return false }
            case .equals, .doubleEquals, .notEquals:
                guard values.count == 1 else { return false }
            case .exists, .doesNotExist:
                guard values.isEmpty else { return false }
            case .greaterThan, .lessThan:
                guard values.count == 1, values.allSatisfy(GoInt64.isParsable) else { return false }
            }
            return values.allSatisfy(LabelText.isValue)
        }
    }
}

/// Label keys and values: `content.IsLabelKey` and `content.IsLabelValue`.
private enum LabelText {
    /// `[prefix/]name`: the prefix a DNS-1123 subdomain, the name at most 63 characters of
    /// `[-A-Za-z0-9_.]` starting and ending with an alphanumeric.
    static func isKey(_ key: [UInt8]) -> Bool {
        let parts = key.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            return isName(parts[0])
        case 2:
            return isSubdomain(parts[0]) && isName(parts[1])
        default:
            return false
        }
    }

    /// Empty, or a label name.
    static func isValue(_ value: [UInt8]) -> Bool {
        value.isEmpty || isName(value[...])
    }

    private static func isName(_ name: ArraySlice<UInt8>) -> Bool {
        guard let first = name.first, let last = name.last, name.count <= 63,
              isAlphanumeric(first), isAlphanumeric(last)
        else {
            return false
        }
        return name.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
    }

    private static func isSubdomain(_ value: ArraySlice<UInt8>) -> Bool {
        guard !value.isEmpty, value.count <= 253 else { return false }
        return value.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.first, let last = label.last else { return false }
            let lowerAlphanumeric: (UInt8) -> Bool = {
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
            }
            return lowerAlphanumeric(first) && lowerAlphanumeric(last)
                && label.allSatisfy { lowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
