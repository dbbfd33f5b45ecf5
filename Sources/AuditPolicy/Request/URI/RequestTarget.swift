// The request line as Go's net/http and net/url read it, for `RequestURIParser`.

/// HTTP token characters, as Go's `validMethod` (`httpguts.IsTokenRune`) checks the method.
enum HTTPToken {
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
struct RequestTarget {
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
enum PercentDecoding {
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
