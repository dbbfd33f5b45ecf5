/// The fast reader of `explain --batch` lines: a hand-written scanner for the fixed schema of
/// `BatchRequest`, with no intermediate JSON tree.
///
/// It reads only the plain form of a request: one object whose keys are the known field names,
/// whose strings are printable ASCII without escapes, and whose values have the expected types
/// (or are null). Anything else — escapes, other bytes, unknown keys, wrong types, nesting,
/// a line `BatchRequest.parse` would refuse — gives `nil`, and the caller reads the line with
/// `BatchRequest.parse`, which gives the same result or the exact error. A differential test keeps
/// the two in agreement.
enum BatchLineScanner {
    /// The request of a line in plain form, or `nil` when the line needs the full reader.
    static func scan(_ line: UnsafeBufferPointer<UInt8>) -> BatchRequest.Parsed? {
        var cursor = Cursor(bytes: line)
        var fields = Fields()
        guard cursor.skipWhitespaceAndTake(UInt8(ascii: "{")) else { return nil }
        cursor.skipWhitespace()
        if cursor.take(UInt8(ascii: "}")) {
            return cursor.atEndAfterWhitespace() ? fields.parsed() : nil
        }
        while true {
            guard let key = cursor.key(), cursor.skipWhitespaceAndTake(UInt8(ascii: ":")) else { return nil }
            cursor.skipWhitespace()
            guard fields.read(key, from: &cursor) else { return nil }
            cursor.skipWhitespace()
            if cursor.take(UInt8(ascii: ",")) {
                cursor.skipWhitespace()
                continue
            }
            guard cursor.take(UInt8(ascii: "}")), cursor.atEndAfterWhitespace() else { return nil }
            return fields.parsed()
        }
    }

    /// The known keys; the raw value is the key's bit in `Fields.present`.
    enum Key: Int {
        case user, groups, method, uri, verb, namespace, apiGroup, apiVersion, resource, subresource, name, path, resourceRequest, panic

        /// The key spelled by `bytes`, compared byte for byte as Go's decoder does for exact matches.
        /// (Go also matches keys case-insensitively; such lines are left to the full reader.)
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            switch bytes.count {
            case 3: if Self.equal(bytes, "uri") { self = .uri } else { return nil }
            case 4:
                if Self.equal(bytes, "user") { self = .user } else if Self.equal(bytes, "verb") { self = .verb }
                else if Self.equal(bytes, "name") { self = .name } else if Self.equal(bytes, "path") { self = .path } else { return nil }
            case 5: if Self.equal(bytes, "panic") { self = .panic } else { return nil }
            case 6:
                if Self.equal(bytes, "groups") { self = .groups } else if Self.equal(bytes, "method") { self = .method } else { return nil }
            case 8: if Self.equal(bytes, "apiGroup") { self = .apiGroup } else if Self.equal(bytes, "resource") { self = .resource } else { return nil }
            case 9: if Self.equal(bytes, "namespace") { self = .namespace } else { return nil }
            case 10: if Self.equal(bytes, "apiVersion") { self = .apiVersion } else { return nil }
            case 11: if Self.equal(bytes, "subresource") { self = .subresource } else { return nil }
            case 15: if Self.equal(bytes, "resourceRequest") { self = .resourceRequest } else { return nil }
            default: return nil
            }
        }

        private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
            word.withUTF8Buffer { $0.elementsEqual(bytes) }
        }

        /// The keys that cannot be given together with `method` and `uri`.
        static let resourceFields: UInt32 = [Key.verb, .namespace, .apiGroup, .apiVersion, .resource, .subresource, .name, .path, .resourceRequest]
            .reduce(0) { $0 | $1.bit }

        var bit: UInt32 { 1 << UInt32(rawValue) }
    }

    /// The values read so far; a key given twice keeps its last value, as Go's decoder does
    /// (`encoding/json`, decode.go, `object`).
    struct Fields {
        /// The keys seen, null values included (`BatchRequest.parse` treats a null key as given).
        var present: UInt32 = 0
        /// The string fields; `nil` for missing or null.
        var user: String?, method: String?, uri: String?, verb: String?, namespace: String?, apiGroup: String?
        var apiVersion: String?, resource: String?, subresource: String?, name: String?, path: String?
        var groups: [String]?
        var resourceRequest: Bool?
        var panic: Bool?

        /// Reads the value of `key` at the cursor; `false` when it is not of the plain form.
        mutating func read(_ key: Key, from cursor: inout Cursor) -> Bool {
            present |= key.bit
            if cursor.takeNull() {
                switch key {
                case .groups: groups = nil
                case .resourceRequest: resourceRequest = nil
                case .panic: panic = nil
                default: setString(key, nil)
                }
                return true
            }
            switch key {
            case .groups:
                guard let list = cursor.stringArray() else { return false }
                groups = list
            case .resourceRequest:
                guard let value = cursor.bool() else { return false }
                resourceRequest = value
            case .panic:
                guard let value = cursor.bool() else { return false }
                panic = value
            default:
                guard let text = cursor.string() else { return false }
                setString(key, text)
            }
            return true
        }

        private mutating func setString(_ key: Key, _ text: String?) {
            switch key {
            case .user: user = text
            case .method: method = text
            case .uri: uri = text
            case .verb: verb = text
            case .namespace: namespace = text
            case .apiGroup: apiGroup = text
            case .apiVersion: apiVersion = text
            case .resource: resource = text
            case .subresource: subresource = text
            case .name: name = text
            case .path: path = text
            case .groups, .resourceRequest, .panic: break
            }
        }

        /// The request, as `BatchRequest.parse` makes it; `nil` for a line it would refuse.
        func parsed() -> BatchRequest.Parsed? {
            var userInfo: UserInfo?
            if let user {
                userInfo = UserInfo(name: user, groups: groups ?? [])
            } else if groups != nil {
                return nil
            }
            let outcome: RequestOutcome = panic == true ? .panicked : .completed
            if let method {
                guard let uri, present & Key.resourceFields == 0 else { return nil }
                return try? BatchRequest.parsedURI(method: method, uri: uri, user: userInfo, outcome: outcome)
            }
            if present & Key.uri.bit != 0 { return nil }
            let resource = resource ?? ""
            let attributes = RequestAttributes(
                user: userInfo, verb: verb ?? "", namespace: namespace ?? "", apiGroup: apiGroup ?? "",
                apiVersion: apiVersion ?? "", resource: resource, subresource: subresource ?? "", name: name ?? "",
                path: path ?? "", isResourceRequest: resourceRequest ?? !resource.isEmpty
            )
            return BatchRequest.Parsed(attributes: attributes, outcome: outcome)
        }
    }

    /// A position in the line's bytes.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        @inline(__always)
        mutating func skipWhitespace() {
            // JSON whitespace: space, tab, line feed, carriage return.
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        @inline(__always)
        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func skipWhitespaceAndTake(_ byte: UInt8) -> Bool {
            skipWhitespace()
            return take(byte)
        }

        mutating func atEndAfterWhitespace() -> Bool {
            skipWhitespace()
            return position == bytes.count
        }

        /// The bytes of a plain string (printable ASCII, no escapes) at the cursor.
        mutating func plainString() -> UnsafeBufferPointer<UInt8>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    return UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)])
                }
                // Escapes, control characters and bytes outside ASCII need the full reader.
                guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
                position += 1
            }
            return nil
        }

        mutating func key() -> Key? {
            guard let text = plainString() else { return nil }
            return Key(text)
        }

        mutating func string() -> String? {
            guard let text = plainString() else { return nil }
            return String(decoding: text, as: UTF8.self)
        }

        mutating func stringArray() -> [String]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var items: [String] = []
            skipWhitespace()
            if take(UInt8(ascii: "]")) { return items }
            while true {
                guard let item = string() else { return nil }
                items.append(item)
                skipWhitespace()
                if take(UInt8(ascii: "]")) { return items }
                guard take(UInt8(ascii: ",")) else { return nil }
                skipWhitespace()
            }
        }

        mutating func bool() -> Bool? {
            if word("true") { return true }
            if word("false") { return false }
            return nil
        }

        mutating func takeNull() -> Bool { word("null") }

        private mutating func word(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard bytes.count - position >= count else { return false }
            let matches = text.withUTF8Buffer { $0.elementsEqual(UnsafeBufferPointer(rebasing: bytes[position..<(position + count)])) }
            if matches { position += count }
            return matches
        }
    }
}
