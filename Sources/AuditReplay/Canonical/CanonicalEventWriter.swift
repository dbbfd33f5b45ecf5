import AuditPolicy

/// Writes JSON the way Go's `encoding/json` encoder does.
struct CanonicalEventWriter {
    private(set) var bytes: [UInt8] = []

    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func raw<Bytes: Sequence>(_ text: Bytes) where Bytes.Element == UInt8 {
        bytes.append(contentsOf: text)
    }

    /// `,"name":` (every Event member but the first, which `raw` writes).
    mutating func member(_ name: String) {
        bytes.append(UInt8(ascii: ","))
        GoJSONString.encode(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func string(_ value: [UInt8]) {
        GoJSONString.encode(value, into: &bytes)
    }

    /// A list of strings; Go decodes `null` elements as "".
    mutating func stringList(_ elements: [JSONTree]) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(element.stringBytes ?? [])
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A struct whose fields are all optional strings, in the given order.
    mutating func structure(_ value: JSONTree, strings names: [String]) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for name in names {
            guard let text = value.member(name)?.stringBytes, !text.isEmpty else { continue }
            field(name, first: &first)
            string(text)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func field(_ name: String, first: inout Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        GoJSONString.encode(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// `authnv1.UserInfo`: username, uid, groups, extra; all omitempty.
    mutating func userInfo(_ value: JSONTree) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for name in ["username", "uid"] {
            guard let text = value.member(name)?.stringBytes, !text.isEmpty else { continue }
            field(name, first: &first)
            string(text)
        }
        if case .array(let groups)? = value.member("groups"), !groups.isEmpty {
            field("groups", first: &first)
            stringList(groups)
        }
        if case .object(let extra)? = value.member("extra"), !extra.isEmpty {
            field("extra", first: &first)
            sortedMap(extra) { writer, list in
                if case .array(let elements) = list {
                    writer.stringList(elements)
                } else {
                    writer.raw("null")
                }
            }
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// A Go map: the last of duplicate keys wins, keys sorted byte-wise.
    mutating func sortedMap(_ members: [(key: [UInt8], value: JSONTree)], value write: (inout CanonicalEventWriter, JSONTree) -> Void) {
        var latest: [[UInt8]: JSONTree] = [:]
        for (key, value) in members { latest[key] = value }
        bytes.append(UInt8(ascii: "{"))
        for (index, key) in latest.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(key)
            bytes.append(UInt8(ascii: ":"))
            if let value = latest[key] { write(&self, value) }
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// `metav1.Status`: kind, apiVersion, metadata (always), status, message, reason, details, code.
    mutating func status(_ value: JSONTree, source: UnsafePointer<UInt8>) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for name in ["kind", "apiVersion"] {
            guard let text = value.member(name)?.stringBytes, !text.isEmpty else { continue }
            field(name, first: &first)
            string(text)
        }
        field("metadata", first: &first)
        let metadata = value.member("metadata") ?? .object([])
        bytes.append(UInt8(ascii: "{"))
        var firstInMetadata = true
        for name in ["selfLink", "resourceVersion", "continue"] {
            guard let text = metadata.member(name)?.stringBytes, !text.isEmpty else { continue }
            field(name, first: &firstInMetadata)
            string(text)
        }
        if case .number(let span)? = metadata.member("remainingItemCount") {
            field("remainingItemCount", first: &firstInMetadata)
            bytes.append(contentsOf: UnsafeBufferPointer(start: source + span.start, count: span.count))
        }
        bytes.append(UInt8(ascii: "}"))
        for name in ["status", "message", "reason"] {
            guard let text = value.member(name)?.stringBytes, !text.isEmpty else { continue }
            field(name, first: &first)
            string(text)
        }
        if let details = value.member("details"), case .object = details {
            field("details", first: &first)
            statusDetails(details, source: source)
        }
        if let code = integer(value.member("code"), source: source), code != 0 {
            field("code", first: &first)
            bytes.append(contentsOf: Array(String(code).utf8))
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// `metav1.StatusDetails`: name, group, kind, uid, causes, retryAfterSeconds.
    private mutating func statusDetails(_ value: JSONTree, source: UnsafePointer<UInt8>) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for name in ["name", "group", "kind", "uid"] {
            guard let text = value.member(name)?.stringBytes, !text.isEmpty else { continue }
            field(name, first: &first)
            string(text)
        }
        if case .array(let causes)? = value.member("causes"), !causes.isEmpty {
            field("causes", first: &first)
            bytes.append(UInt8(ascii: "["))
            for (index, cause) in causes.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                structure(cause, strings: ["reason", "message", "field"])
            }
            bytes.append(UInt8(ascii: "]"))
        }
        if let seconds = integer(value.member("retryAfterSeconds"), source: source), seconds != 0 {
            field("retryAfterSeconds", first: &first)
            bytes.append(contentsOf: Array(String(seconds).utf8))
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private func integer(_ value: JSONTree?, source: UnsafePointer<UInt8>) -> Int? {
        guard case .number(let span)? = value else { return nil }
        return Int(String(decoding: UnsafeBufferPointer(start: source + span.start, count: span.count), as: UTF8.self))
    }

    /// A raw body as Go's encoder embeds a `json.Marshaler`'s output: whitespace outside strings
    /// removed, `<`, `>`, `&`, U+2028 and U+2029 escaped, every other byte kept.
    /// Upstream: Go `encoding/json`, `appendCompact` with escaping on.
    mutating func compactBody(_ body: UnsafeBufferPointer<UInt8>) {
        var inString = false
        var index = 0
        while index < body.count {
            let byte = body[index]
            if inString {
                switch byte {
                case UInt8(ascii: "\\"):
                    bytes.append(byte)
                    bytes.append(body[index + 1])
                    index += 2
                    continue
                case UInt8(ascii: "\""):
                    inString = false
                    bytes.append(byte)
                case UInt8(ascii: "<"): raw("\\u003c")
                case UInt8(ascii: ">"): raw("\\u003e")
                case UInt8(ascii: "&"): raw("\\u0026")
                case 0xE2 where index + 2 < body.count && body[index + 1] == 0x80 && body[index + 2] & 0xFE == 0xA8:
                    if body[index + 2] == 0xA8 { raw("\\u2028") } else { raw("\\u2029") }
                    index += 3
                    continue
                default:
                    bytes.append(byte)
                }
            } else {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D:
                    break
                case UInt8(ascii: "\""):
                    inString = true
                    bytes.append(byte)
                default:
                    bytes.append(byte)
                }
            }
            index += 1
        }
    }
}
