import AuditPolicy

/// A decoded JSON value, for re-encoding the few Event structs whose recorded form is not the
/// one kube-apiserver writes. Bodies and unknown members are not decoded: they keep their span.
indirect enum JSONTree {
    case null
    case bool(Bool)
    /// A number, by its span in the source.
    case number(ByteSpan)
    /// A string's decoded bytes (possibly invalid UTF-8, as Go keeps them).
    case string([UInt8])
    case array([JSONTree])
    /// Members in source order (duplicates kept; readers take the last, as Go's decoder does).
    case object([(key: [UInt8], value: JSONTree)])
    /// A value left undecoded because it is deeper than the known structs.
    case unparsed(ByteSpan)

    /// The last member named `name`, as Go's decoder keeps the last duplicate.
    func member(_ name: String) -> JSONTree? {
        guard case .object(let members) = self else { return nil }
        let key = Array(name.utf8)
        return members.last { $0.key == key }?.value
    }

    /// The decoded bytes of a string value; `nil` otherwise.
    var stringBytes: [UInt8]? {
        if case .string(let bytes) = self { return bytes }
        return nil
    }
}

/// Parses JSON into `JSONTree`, down to `depth` levels; deeper values stay `.unparsed`.
struct JSONTreeParser {
    private var scanner: JSONScanner
    private var frames: [WalkFrame] = []
    private var ignored: [BodyEditCandidate] = []

    init(base: UnsafePointer<UInt8>, count: Int, position: Int) {
        scanner = JSONScanner(base: base, count: count)
        scanner.position = position
    }

    /// The members of the object at the current position that are complete, each as the span of
    /// its whole `"key":value` text, stopping at the first one the input ends in (or that is not
    /// valid JSON). For an object cut short.
    mutating func completeMembers() -> [ByteSpan] {
        var members: [ByteSpan] = []
        scanner.skipWhitespace()
        guard scanner.peek() == UInt8(ascii: "{") else { return members }
        scanner.position += 1
        while true {
            scanner.skipWhitespace()
            let start = scanner.position
            guard scanner.peek() == UInt8(ascii: "\""), (try? scanner.scanString()) != nil,
                  (try? scanner.expect(UInt8(ascii: ":"), "")) != nil else { return members }
            scanner.skipWhitespace()
            guard (try? scanner.walkValue(role: .other, recording: false, frames: &frames, candidates: &ignored)) != nil,
                  scanner.position <= scanner.end else { return members }
            let end = scanner.position
            scanner.skipWhitespace()
            // A member is complete once the byte after it (`,` or `}`) was read.
            guard scanner.peek() == UInt8(ascii: ",") || scanner.peek() == UInt8(ascii: "}") else { return members }
            members.append(ByteSpan(start: start, end: end))
            if scanner.peek() == UInt8(ascii: "}") { return members }
            scanner.position += 1
        }
    }

    /// Parses the value at the current position.
    mutating func parse(depth: Int) throws(EventScanFailure) -> JSONTree {
        scanner.skipWhitespace()
        let start = scanner.position
        if depth == 0 {
            try scanner.walkValue(role: .other, recording: false, frames: &frames, candidates: &ignored)
            return .unparsed(ByteSpan(start: start, end: scanner.position))
        }
        switch scanner.peek() {
        case UInt8(ascii: "{"):
            scanner.position += 1
            var members: [(key: [UInt8], value: JSONTree)] = []
            scanner.skipWhitespace()
            if scanner.peek() == UInt8(ascii: "}") {
                scanner.position += 1
                return .object(members)
            }
            while true {
                scanner.skipWhitespace()
                guard scanner.peek() == UInt8(ascii: "\"") else { throw scanner.failure("expected a string key") }
                let keyStart = scanner.position
                _ = try scanner.scanString()
                let key = GoJSONString.decode(UnsafeBufferPointer(start: scanner.base + keyStart, count: scanner.position - keyStart))
                try scanner.expect(UInt8(ascii: ":"), "expected ':' after object key")
                members.append((key, try parse(depth: depth - 1)))
                scanner.skipWhitespace()
                switch scanner.peek() {
                case UInt8(ascii: ","): scanner.position += 1
                case UInt8(ascii: "}"):
                    scanner.position += 1
                    return .object(members)
                default: throw scanner.failure("expected ',' or '}' after an object member")
                }
            }
        case UInt8(ascii: "["):
            scanner.position += 1
            var elements: [JSONTree] = []
            scanner.skipWhitespace()
            if scanner.peek() == UInt8(ascii: "]") {
                scanner.position += 1
                return .array(elements)
            }
            while true {
                elements.append(try parse(depth: depth - 1))
                scanner.skipWhitespace()
                switch scanner.peek() {
                case UInt8(ascii: ","): scanner.position += 1
                case UInt8(ascii: "]"):
                    scanner.position += 1
                    return .array(elements)
                default: throw scanner.failure("expected ',' or ']' after an array element")
                }
            }
        case UInt8(ascii: "\""):
            _ = try scanner.scanString()
            return .string(GoJSONString.decode(UnsafeBufferPointer(start: scanner.base + start, count: scanner.position - start)))
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            let first = scanner.peek()
            try scanner.scanLiteral()
            return first == UInt8(ascii: "n") ? .null : .bool(first == UInt8(ascii: "t"))
        default:
            return .number(try scanner.scanNumber())
        }
    }
}
