import AuditPolicy
import CScan
import Foundation

/// Finds the fields of one recorded audit event without decoding it fully.
///
/// The scanner validates the whole JSON text, checks the type of every Event field the way Go's
/// decoder would (a string where a string is expected, an object for `user`, ...), records the
/// span of each field's value, decodes the few values the policy needs, and tells whether the
/// values are already exactly in kube-apiserver's log-backend form (`ScannedEvent.isCanonical`).
/// Unknown members are validated and ignored, as Go's decoder ignores them.
struct EventScanner {
    private var frames: [WalkFrame] = []
    /// Removable body members found by every scan since the last `removeAllCandidates()`;
    /// `ScannedEvent.requestObjectEdits` and `responseObjectEdits` index into it.
    private(set) var candidates: [BodyEditCandidate] = []
    /// The decoded values of the last event scanned.
    private(set) var decoded = DecodedEventFields()
    /// Recent `user` values: whether each is in log-backend form, and where its name and groups
    /// are (from the value's first byte).
    private var users = ScannedValueMemo<(name: ByteSpan, groups: ByteSpan)>()
    /// Recent `annotations` values: whether each is in log-backend form, and whether it has
    /// `audit.k8s.io/truncated`.
    private var annotationValues = ScannedValueMemo<(wasTruncated: Bool, isEmpty: Bool)>()
    /// Recent `responseStatus` values: whether each is in log-backend form, and its code.
    private var statuses = ScannedValueMemo<Int?>()

    init() {
        frames.reserveCapacity(64)
    }

    /// Forgets the recorded candidates (when a new batch starts).
    mutating func removeAllCandidates() {
        candidates.removeAll(keepingCapacity: true)
    }

    /// Forgets the candidates recorded after the first `count`.
    mutating func truncateCandidates(to count: Int) {
        candidates.removeSubrange(count...)
    }

    /// Scans one event.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(EventScanFailure) -> ScannedEvent {
        let candidateMark = candidates.count
        do {
            return try scanEvent(bytes)
        } catch {
            candidates.removeSubrange(candidateMark...)
            frames.removeAll(keepingCapacity: true)
            throw error
        }
    }

    private mutating func scanEvent(_ bytes: UnsafeBufferPointer<UInt8>) throws(EventScanFailure) -> ScannedEvent {
        guard let base = bytes.baseAddress else { throw EventScanFailure(reason: "empty line: not an audit event") }
        // Spans are 32-bit offsets.
        guard bytes.count < Int(UInt32.max) else { throw EventScanFailure(reason: "the event is larger than 4 GiB") }
        var scanner = JSONScanner(base: base, count: bytes.count)
        // Whitespace around the event does not change any value.
        scanner.skipWhitespace()
        scanner.sawWhitespace = false
        guard scanner.position < scanner.end else { throw EventScanFailure(reason: "empty line: not an audit event") }
        guard scanner.peek() == UInt8(ascii: "{") else { throw try notAnObject(&scanner) }

        var event = ScannedEvent()
        decoded = DecodedEventFields()
        var seen: UInt32 = 0
        scanner.position += 1
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.position += 1
        } else {
            while true {
                scanner.skipWhitespace()
                guard scanner.peek() == UInt8(ascii: "\"") else {
                    throw scanner.failure(scanner.position < scanner.end ? "expected a string key" : "unexpected end of input")
                }
                let keyStart = scanner.position
                let keyTraits = try scanner.scanString()
                let field = Self.field(named: UnsafeBufferPointer(start: base + keyStart, count: scanner.position - keyStart), traits: keyTraits)
                try scanner.expect(UInt8(ascii: ":"), "expected ':' after object key")
                scanner.skipWhitespace()
                if let field {
                    let bit = UInt32(1) << UInt32(field.rawValue)
                    // Go's decoder keeps the last of duplicate members; the slow path does that.
                    if seen & bit != 0 { event.isCanonical = false }
                    seen |= bit
                    try scanField(field, &scanner, &event)
                } else {
                    try scanner.walkValue(role: .other, recording: false, frames: &frames, candidates: &candidates)
                }
                scanner.skipWhitespace()
                switch scanner.peek() {
                case UInt8(ascii: ","):
                    scanner.position += 1
                    continue
                case UInt8(ascii: "}"):
                    scanner.position += 1
                default:
                    throw scanner.failure(scanner.position < scanner.end ? "expected ',' or '}' after an object member" : "unexpected end of input")
                }
                break
            }
        }
        if scanner.sawWhitespace { event.isCanonical = false }
        scanner.skipWhitespace()
        guard scanner.position == scanner.end else { throw scanner.failure("extra data after the event object") }

        guard event.auditID.count > 2 else { throw EventScanFailure(reason: "not an audit event: auditID is missing") }
        // A string of more than its two quotes decodes to a non-empty one.
        guard event.verb.count > 2 else { throw EventScanFailure(reason: "not an audit event: verb is missing") }
        event.hasUser = decoded.hasUser
        event.verbKind = Self.string(scanner, event.verb, is: "create") ? .create : Self.string(scanner, event.verb, is: "patch") ? .patch : .other
        // kube-apiserver always writes both timestamps; the slow path fills a missing one in.
        if !event.requestReceivedTimestamp.isPresent || !event.stageTimestamp.isPresent { event.isCanonical = false }
        return event
    }

    /// The failure for a line that is not a JSON object: a syntax error, or valid JSON of the
    /// wrong kind.
    private mutating func notAnObject(_ scanner: inout JSONScanner) throws(EventScanFailure) -> EventScanFailure {
        let kind: String = switch scanner.peek() {
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        default: "a number"
        }
        var ignored: [BodyEditCandidate] = []
        try scanner.walkValue(role: .other, recording: false, frames: &frames, candidates: &ignored)
        scanner.skipWhitespace()
        guard scanner.position == scanner.end else { return scanner.failure("extra data after the JSON value") }
        return EventScanFailure(reason: "not an audit event: the line is \(kind), not a JSON object")
    }

    private static func field(named quoted: UnsafeBufferPointer<UInt8>, traits: StringTraits) -> EventField? {
        if traits.contains(.escapes) || traits.contains(.nonASCII) {
            return EventField.named(String(decoding: GoJSONString.decode(quoted), as: UTF8.self))
        }
        return EventField.named(UnsafeBufferPointer(rebasing: quoted[1..<(quoted.count - 1)]))
    }

    // MARK: - Fields

    private mutating func scanField(_ field: EventField, _ scanner: inout JSONScanner, _ event: inout ScannedEvent) throws(EventScanFailure) {
        switch field {
        case .kind:
            let span = try Self.copiedString(&scanner, field: FieldName("kind"), event: &event)
            guard span.isPresent, !Self.string(scanner, span, is: "Event") else { return }
            let value = Self.decode(scanner, span)
            guard value == "Event" else { throw EventScanFailure(reason: "not an audit event: kind is \"\(value)\", not \"Event\"") }
        case .apiVersion:
            let span = try Self.copiedString(&scanner, field: FieldName("apiVersion"), event: &event)
            guard span.isPresent, !Self.string(scanner, span, startsWith: "audit.k8s.io/") else { return }
            let value = Self.decode(scanner, span)
            guard value.hasPrefix("audit.k8s.io/") else {
                throw EventScanFailure(reason: "not an audit event: apiVersion is \"\(value)\", not audit.k8s.io/v1")
            }
        case .level:
            let span = try Self.copiedString(&scanner, field: FieldName("level"), event: &event)
            event.level = span.isPresent ? Self.level(scanner, span) : nil
        case .stage:
            let span = try Self.copiedString(&scanner, field: FieldName("stage"), event: &event)
            event.stage = span.isPresent ? Self.stage(scanner, span) : nil
        case .auditID:
            event.auditID = try Self.copiedString(&scanner, field: FieldName("auditID"), event: &event)
        case .requestURI:
            event.requestURI = try Self.copiedString(&scanner, field: FieldName("requestURI"), event: &event)
        case .verb:
            event.verb = try Self.copiedString(&scanner, field: FieldName("verb"), event: &event)
            decoded.verbSpan = event.verb
        case .userAgent:
            event.userAgent = try Self.copiedString(&scanner, field: FieldName("userAgent"), event: &event)
        case .user:
            if let (span, known) = Self.reuse(users, &scanner, &event) {
                event.user = span
                decoded.userNameSpan = known.name.shifted(by: span.start)
                decoded.userGroupsSpan = known.groups.shifted(by: span.start)
                return
            }
            let start = scanner.position
            decoded.userNameSpan = .absent
            decoded.userGroupsSpan = .absent
            var user = ByteSpan.absent
            let isCanonical = try scanAlone(&scanner, &event) { scanner, this, alone throws(EventScanFailure) in
                user = try this.scanUser(&scanner, field: FieldName("user"), event: &alone, recording: true)
            }
            event.user = user
            users.remember(
                UnsafeBufferPointer(start: scanner.base + start, count: scanner.position - start),
                .init(isCanonical: isCanonical, found: (decoded.userNameSpan.shifted(by: -start), decoded.userGroupsSpan.shifted(by: -start)))
            )
        case .impersonatedUser:
            event.impersonatedUser = try scanUser(&scanner, field: FieldName("impersonatedUser"), event: &event, recording: false)
        case .authenticationMetadata:
            event.authenticationMetadata = try scanStruct(&scanner, field: FieldName("authenticationMetadata"), event: &event, members: Self.authenticationMetadataMembers) { scanner, _, _, event throws(EventScanFailure) in
                _ = try Self.copiedString(&scanner, field: FieldName("authenticationMetadata", "impersonationConstraint"), event: &event, nested: true)
            }
        case .sourceIPs:
            var ignored: [String]? = nil
            event.sourceIPs = try Self.stringArray(&scanner, field: FieldName("sourceIPs"), event: &event, decodingInto: &ignored)
        case .objectRef:
            decoded.objectReferenceSpans = nil
            event.objectRef = try scanObjectReference(&scanner, event: &event)
        case .responseStatus:
            if let (span, code) = Self.reuse(statuses, &scanner, &event) {
                event.responseStatus = span
                event.responseCode = code
                return
            }
            let start = scanner.position
            var status = ByteSpan.absent
            var code: Int?
            let isCanonical = try scanAlone(&scanner, &event) { scanner, this, alone throws(EventScanFailure) in
                alone.responseCode = nil
                status = try this.scanStatus(&scanner, event: &alone)
                code = alone.responseCode
            }
            event.responseStatus = status
            event.responseCode = code
            statuses.remember(UnsafeBufferPointer(start: scanner.base + start, count: scanner.position - start), .init(isCanonical: isCanonical, found: code))
        case .requestObject:
            (event.requestObject, event.requestObjectEdits) = try scanBody(&scanner, event: &event)
        case .responseObject:
            (event.responseObject, event.responseObjectEdits) = try scanBody(&scanner, event: &event)
        case .requestReceivedTimestamp:
            event.requestReceivedTimestamp = try Self.timestamp(&scanner, field: FieldName("requestReceivedTimestamp"), event: &event)
        case .stageTimestamp:
            event.stageTimestamp = try Self.timestamp(&scanner, field: FieldName("stageTimestamp"), event: &event)
        case .annotations:
            if let (span, known) = Self.reuse(annotationValues, &scanner, &event) {
                // An empty map is written as none: its span is absent.
                event.annotations = known.isEmpty ? .absent : span
                event.wasTruncatedWhenRecorded = known.wasTruncated
                return
            }
            let start = scanner.position
            var annotations = ByteSpan.absent
            var wasTruncated = false
            let isCanonical = try scanAlone(&scanner, &event) { scanner, this, alone throws(EventScanFailure) in
                alone.wasTruncatedWhenRecorded = false
                annotations = try this.scanAnnotations(&scanner, event: &alone)
                wasTruncated = alone.wasTruncatedWhenRecorded
            }
            event.annotations = annotations
            event.wasTruncatedWhenRecorded = wasTruncated
            annotationValues.remember(
                UnsafeBufferPointer(start: scanner.base + start, count: scanner.position - start),
                .init(isCanonical: isCanonical, found: (wasTruncated, !annotations.isPresent))
            )
        }
    }

    /// A remembered value of `memo` at the scanner's position: its span (the scanner moves past
    /// it) and what its scan found; the event is marked when the value is not in log-backend form.
    @inline(__always)
    private static func reuse<Found>(_ memo: ScannedValueMemo<Found>, _ scanner: inout JSONScanner, _ event: inout ScannedEvent) -> (span: ByteSpan, found: Found)? {
        let start = scanner.position
        guard let (count, known) = memo.match(scanner.base + start, available: scanner.end - start) else { return nil }
        if !known.isCanonical { event.isCanonical = false }
        scanner.position += count
        return (ByteSpan(start: start, end: start + count), known.found)
    }

    /// Runs `scan` over one field's value as if it were a whole event of its own, and returns
    /// whether the value itself is in log-backend form (its strings, order and spacing), which
    /// `ScannedValueMemo` keeps; the event is marked accordingly.
    private mutating func scanAlone(
        _ scanner: inout JSONScanner, _ event: inout ScannedEvent,
        _ scan: (inout JSONScanner, inout EventScanner, inout ScannedEvent) throws(EventScanFailure) -> Void
    ) throws(EventScanFailure) -> Bool {
        var alone = event
        alone.isCanonical = true
        let sawWhitespace = scanner.sawWhitespace
        scanner.sawWhitespace = false
        try scan(&scanner, &self, &alone)
        let isCanonical = alone.isCanonical && !scanner.sawWhitespace
        scanner.sawWhitespace = sawWhitespace || scanner.sawWhitespace
        if !isCanonical { event.isCanonical = false }
        return isCanonical
    }

    // MARK: - Strings

    /// The level a quoted value names (compared byte for byte, as Go compares strings).
    private static func level(_ scanner: JSONScanner, _ span: ByteSpan) -> Level? {
        // Each level has its own length.
        let level: Level
        switch span.count {
        case 10: level = .metadata
        case 6: level = .none
        case 9: level = .request
        case 17: level = .requestResponse
        default: return nil
        }
        return bytes(scanner, span, quoted: EventSynthesizer.literal(level)) ? level : nil
    }

    private static func stage(_ scanner: JSONScanner, _ span: ByteSpan) -> Stage? {
        // The two lengths tell the usual stages apart; the rest is one comparison each.
        switch span.count {
        case 17: return bytes(scanner, span, quoted: EventSynthesizer.literal(Stage.requestReceived)) ? .requestReceived
            : bytes(scanner, span, quoted: EventSynthesizer.literal(Stage.responseStarted)) ? .responseStarted : nil
        case 18: return bytes(scanner, span, quoted: EventSynthesizer.literal(Stage.responseComplete)) ? .responseComplete : nil
        case 7: return bytes(scanner, span, quoted: EventSynthesizer.literal(Stage.panic)) ? .panic : nil
        default: return nil
        }
    }

    /// Whether the quoted string in `span` is exactly `literal` (byte for byte, as Go compares).
    @inline(__always)
    private static func bytes(_ scanner: JSONScanner, _ span: ByteSpan, quoted literal: StaticString) -> Bool {
        span.count == literal.utf8CodeUnitCount + 2 && memcmp(scanner.base + span.start + 1, literal.utf8Start, literal.utf8CodeUnitCount) == 0
    }

    /// Whether the string in `span` decodes to `literal`: its bytes when it has no escape, else
    /// its decoded value.
    private static func string(_ scanner: JSONScanner, _ span: ByteSpan, is literal: StaticString) -> Bool {
        if bytes(scanner, span, quoted: literal) { return true }
        guard hasBackslash(scanner, span) else { return false }
        return decode(scanner, span).utf8.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Whether the string in `span` decodes to one that starts with `prefix`.
    private static func string(_ scanner: JSONScanner, _ span: ByteSpan, startsWith prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        if span.count >= count + 2, memcmp(scanner.base + span.start + 1, prefix.utf8Start, count) == 0 { return true }
        guard hasBackslash(scanner, span) else { return false }
        return decode(scanner, span).utf8.starts(with: UnsafeBufferPointer(start: prefix.utf8Start, count: count))
    }

    private static func hasBackslash(_ scanner: JSONScanner, _ span: ByteSpan) -> Bool {
        memchr(scanner.base + span.start, Int32(UInt8(ascii: "\\")), span.count) != nil
    }

    /// A type error as Go's decoder reports it, in words.
    private static func typeMismatch(_ scanner: JSONScanner, field: FieldName, expected: String) -> EventScanFailure {
        let found: String = switch scanner.peek() {
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        default: "a number"
        }
        return EventScanFailure(offset: scanner.position, reason: "not an audit event: \(field) is \(found), not \(expected)")
    }

    /// Consumes `null` if it is next.
    private static func consumeNull(_ scanner: inout JSONScanner) throws(EventScanFailure) -> Bool {
        guard scanner.peek() == UInt8(ascii: "n") else { return false }
        try scanner.scanLiteral()
        return true
    }

    /// Scans a string (or `null`) whose value the synthesizer copies; returns its span, absent
    /// for `null` or the empty string (Go writes `""` for required fields itself and omits empty
    /// optional ones). Marks the event non-canonical unless Go would write the same bytes.
    private static func copiedString(_ scanner: inout JSONScanner, field: FieldName, event: inout ScannedEvent, nested: Bool = false) throws(EventScanFailure) -> ByteSpan {
        if try consumeNull(&scanner) {
            if nested { event.isCanonical = false }
            return .absent
        }
        guard scanner.peek() == UInt8(ascii: "\"") else { throw typeMismatch(scanner, field: field, expected: "a string") }
        let start = scanner.position
        let traits = try scanner.scanString()
        let span = ByteSpan(start: start, end: scanner.position)
        if !isGoEncoded(scanner, span, traits) { event.isCanonical = false }
        if span.count == 2 {
            // Go omits empty optional strings inside structs.
            if nested { event.isCanonical = false }
            return .absent
        }
        return span
    }

    /// Whether the string in `span` is exactly what Go's encoder writes for its decoded value.
    private static func isGoEncoded(_ scanner: JSONScanner, _ span: ByteSpan, _ traits: StringTraits) -> Bool {
        if traits.contains(.unescapedHTML) || traits.contains(.foreignEscape) { return false }
        if traits.contains(.nonASCII) {
            return GoJSONString.isValidUTF8(UnsafeBufferPointer(start: scanner.base + span.start + 1, count: span.count - 2))
        }
        return true
    }

    private static func decode(_ scanner: JSONScanner, _ span: ByteSpan) -> String {
        GoJSONString.decodeString(scanner.base, span)
    }

    /// Scans an array of strings (or `null`); returns its span, absent for `null` or `[]`
    /// (Go omits empty slices marked omitempty).
    private static func stringArray(_ scanner: inout JSONScanner, field: FieldName, event: inout ScannedEvent, decodingInto values: inout [String]?) throws(EventScanFailure) -> ByteSpan {
        if try consumeNull(&scanner) { return .absent }
        guard scanner.peek() == UInt8(ascii: "[") else { throw typeMismatch(scanner, field: field, expected: "an array of strings") }
        let start = scanner.position
        scanner.position += 1
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "]") {
            scanner.position += 1
            return .absent
        }
        while true {
            scanner.skipWhitespace()
            if try consumeNull(&scanner) {
                // Go decodes null into a string element as "" and writes "".
                event.isCanonical = false
                values?.append("")
            } else {
                guard scanner.peek() == UInt8(ascii: "\"") else { throw typeMismatch(scanner, field: field.element, expected: "a string") }
                let elementStart = scanner.position
                let traits = try scanner.scanString()
                let span = ByteSpan(start: elementStart, end: scanner.position)
                if !isGoEncoded(scanner, span, traits) { event.isCanonical = false }
                if values != nil {
                    values?.append(GoJSONString.decodeString(UnsafeBufferPointer(start: scanner.base + span.start, count: span.count), traits: traits))
                }
            }
            scanner.skipWhitespace()
            switch scanner.peek() {
            case UInt8(ascii: ","): scanner.position += 1
            case UInt8(ascii: "]"):
                scanner.position += 1
                return ByteSpan(start: start, end: scanner.position)
            default:
                throw scanner.failure(scanner.position < scanner.end ? "expected ',' or ']' after an array element" : "unexpected end of input")
            }
        }
    }

    private static func timestamp(_ scanner: inout JSONScanner, field: FieldName, event: inout ScannedEvent) throws(EventScanFailure) -> ByteSpan {
        if try consumeNull(&scanner) { return .absent }
        guard scanner.peek() == UInt8(ascii: "\"") else { throw typeMismatch(scanner, field: field, expected: "a time string") }
        let start = scanner.position
        _ = try scanner.scanString()
        let span = ByteSpan(start: start, end: scanner.position)
        let bytes = UnsafeBufferPointer(start: scanner.base + start, count: span.count)
        if !MicroTime.isCanonical(bytes) {
            event.isCanonical = false
            guard MicroTime.parse(GoJSONString.decode(bytes)) != nil else {
                throw EventScanFailure(offset: start, reason: "not an audit event: \(field) is not an RFC 3339 time")
            }
        }
        return span
    }

    // MARK: - Objects with known members

    // The members of the Event's structs, in the order Go writes them (their declaration order).
    private static let userMembers: [StaticString] = ["username", "uid", "groups", "extra"]
    private static let objectReferenceMembers: [StaticString] = ["resource", "namespace", "name", "uid", "apiGroup", "apiVersion", "resourceVersion", "subresource"]
    private static let statusMembers: [StaticString] = ["kind", "apiVersion", "metadata", "status", "message", "reason", "details", "code"]
    private static let statusDetailsMembers: [StaticString] = ["name", "group", "kind", "uid", "causes", "retryAfterSeconds"]
    private static let statusCauseMembers: [StaticString] = ["reason", "message", "field"]
    private static let authenticationMetadataMembers: [StaticString] = ["impersonationConstraint"]

    /// Scans an object whose members Go decodes into a struct with fields `members`, in the
    /// order Go writes them; `member` scans the value of the member at the given index.
    /// Returns the object's span (absent for `null`). Unknown members, members out of order
    /// and duplicate members make the event non-canonical.
    private mutating func scanStruct(
        _ scanner: inout JSONScanner,
        field: FieldName,
        event: inout ScannedEvent,
        members: [StaticString],
        member: (inout JSONScanner, inout EventScanner, Int, inout ScannedEvent) throws(EventScanFailure) -> Void
    ) throws(EventScanFailure) -> ByteSpan {
        if try Self.consumeNull(&scanner) { return .absent }
        guard scanner.peek() == UInt8(ascii: "{") else { throw Self.typeMismatch(scanner, field: field, expected: "an object") }
        let start = scanner.position
        scanner.position += 1
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.position += 1
            return ByteSpan(start: start, end: scanner.position)
        }
        var lastIndex = -1
        while true {
            scanner.skipWhitespace()
            guard scanner.peek() == UInt8(ascii: "\"") else {
                throw scanner.failure(scanner.position < scanner.end ? "expected a string key" : "unexpected end of input")
            }
            let keyStart = scanner.position
            let keyTraits = try scanner.scanString()
            let key = UnsafeBufferPointer(start: scanner.base + keyStart, count: scanner.position - keyStart)
            try scanner.expect(UInt8(ascii: ":"), "expected ':' after object key")
            scanner.skipWhitespace()
            let index = Self.memberIndex(key, traits: keyTraits, in: members, expected: lastIndex + 1)
            if let index {
                if index <= lastIndex { event.isCanonical = false }
                lastIndex = index
                try member(&scanner, &self, index, &event)
            } else {
                event.isCanonical = false
                var ignored: [BodyEditCandidate] = []
                try scanner.walkValue(role: .other, recording: false, frames: &frames, candidates: &ignored)
            }
            scanner.skipWhitespace()
            switch scanner.peek() {
            case UInt8(ascii: ","):
                scanner.position += 1
            case UInt8(ascii: "}"):
                scanner.position += 1
                return ByteSpan(start: start, end: scanner.position)
            default:
                throw scanner.failure(scanner.position < scanner.end ? "expected ',' or '}' after an object member" : "unexpected end of input")
            }
        }
    }

    /// The index of the member `quoted` names; the `expected` one (the next in Go's order) is tried
    /// first, as members of log-backend events always come in that order.
    private static func memberIndex(_ quoted: UnsafeBufferPointer<UInt8>, traits: StringTraits, in members: [StaticString], expected: Int) -> Int? {
        if traits.contains(.escapes) {
            let decoded = GoJSONString.decode(quoted)
            return decoded.withUnsafeBufferPointer { buffer in
                members.firstIndex { Self.equals($0, buffer[...]) }
            }
        }
        let name = quoted[1..<(quoted.count - 1)]
        var index = expected
        for _ in 0..<members.count {
            if index >= members.count { index = 0 }
            if Self.equals(members[index], name) { return index }
            index += 1
        }
        return nil
    }

    @inline(__always)
    private static func equals(_ literal: StaticString, _ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard literal.utf8CodeUnitCount == bytes.count else { return false }
        let start = literal.utf8Start
        var offset = 0
        for byte in bytes {
            if start[offset] != byte { return false }
            offset += 1
        }
        return true
    }

    /// `authnv1.UserInfo`: username, uid, groups, extra (a map of string lists). With
    /// `recording`, where the name and groups are goes to `decoded`.
    private mutating func scanUser(_ scanner: inout JSONScanner, field: FieldName, event: inout ScannedEvent, recording: Bool) throws(EventScanFailure) -> ByteSpan {
        try scanStruct(&scanner, field: field, event: &event, members: Self.userMembers) { scanner, this, index, event throws(EventScanFailure) in
            switch index {
            case 0:
                let span = try Self.copiedString(&scanner, field: field.member("username"), event: &event, nested: true)
                if recording { this.decoded.userNameSpan = span }
            case 1:
                _ = try Self.copiedString(&scanner, field: field.member("uid"), event: &event, nested: true)
            case 2:
                var ignored: [String]? = nil
                let span = try Self.stringArray(&scanner, field: field.member("groups"), event: &event, decodingInto: &ignored)
                if !span.isPresent { event.isCanonical = false }
                if recording { this.decoded.userGroupsSpan = span }
            default:
                let span = try this.scanStringMap(&scanner, field: field.member("extra"), event: &event, valuesAreLists: true)
                if !span.isPresent { event.isCanonical = false }
            }
        }
    }

    /// `audit.ObjectReference`: resource, namespace, name, uid, apiGroup, apiVersion,
    /// resourceVersion, subresource, all optional strings.
    private mutating func scanObjectReference(_ scanner: inout JSONScanner, event: inout ScannedEvent) throws(EventScanFailure) -> ByteSpan {
        var spans = ObjectReferenceSpans()
        let members = Self.objectReferenceMembers
        let span = try scanStruct(&scanner, field: FieldName("objectRef"), event: &event, members: members) { scanner, _, index, event throws(EventScanFailure) in
            let value = try Self.copiedString(&scanner, field: FieldName("objectRef", members[index]), event: &event, nested: true)
            switch index {
            case 0: spans.resource = value
            case 1: spans.namespace = value
            case 2: spans.name = value
            case 4: spans.apiGroup = value
            case 5: spans.apiVersion = value
            case 7: spans.subresource = value
            default: break
            }
        }
        if span.isPresent { decoded.objectReferenceSpans = spans }
        return span
    }

    /// `metav1.Status` as the audit code copies it: metadata (always written, `{}`), status,
    /// message, reason, details, code.
    private mutating func scanStatus(_ scanner: inout JSONScanner, event: inout ScannedEvent) throws(EventScanFailure) -> ByteSpan {
        var sawMetadata = false
        let members = Self.statusMembers
        let span = try scanStruct(&scanner, field: FieldName("responseStatus"), event: &event, members: members) { scanner, this, index, event throws(EventScanFailure) in
            switch index {
            case 2:
                sawMetadata = true
                guard scanner.peek() == UInt8(ascii: "{") else {
                    if try !Self.consumeNull(&scanner) { throw Self.typeMismatch(scanner, field: FieldName("responseStatus", "metadata"), expected: "an object") }
                    event.isCanonical = false
                    return
                }
                let start = scanner.position
                var ignored: [BodyEditCandidate] = []
                try scanner.walkValue(role: .other, recording: false, frames: &this.frames, candidates: &ignored)
                // The audit code never copies list metadata; anything but {} is re-encoded.
                if scanner.position - start != 2 { event.isCanonical = false }
            case 6:
                let details = try this.scanStatusDetails(&scanner, event: &event)
                if !details.isPresent { event.isCanonical = false }
            case 7:
                event.responseCode = try Self.int32(&scanner, field: FieldName("responseStatus", "code"), event: &event)
            default:
                _ = try Self.copiedString(&scanner, field: FieldName("responseStatus", members[index]), event: &event, nested: true)
            }
        }
        if span.isPresent, !sawMetadata { event.isCanonical = false }
        return span
    }

    /// `metav1.StatusDetails`: name, group, kind, uid, causes, retryAfterSeconds.
    private mutating func scanStatusDetails(_ scanner: inout JSONScanner, event: inout ScannedEvent) throws(EventScanFailure) -> ByteSpan {
        let members = Self.statusDetailsMembers
        return try scanStruct(&scanner, field: FieldName("responseStatus", "details"), event: &event, members: members) { scanner, this, index, event throws(EventScanFailure) in
            switch index {
            case 4:
                if try Self.consumeNull(&scanner) {
                    event.isCanonical = false
                    return
                }
                guard scanner.peek() == UInt8(ascii: "[") else {
                    throw Self.typeMismatch(scanner, field: FieldName("responseStatus", "details", "causes"), expected: "an array")
                }
                scanner.position += 1
                scanner.skipWhitespace()
                if scanner.peek() == UInt8(ascii: "]") {
                    scanner.position += 1
                    event.isCanonical = false
                    return
                }
                while true {
                    let cause = try this.scanStruct(&scanner, field: FieldName("responseStatus", "details", "causes").element, event: &event, members: Self.statusCauseMembers) { scanner, _, index, event throws(EventScanFailure) in
                        _ = try Self.copiedString(&scanner, field: FieldName("responseStatus", "details", "causes").element, event: &event, nested: true)
                    }
                    if !cause.isPresent { event.isCanonical = false }
                    scanner.skipWhitespace()
                    switch scanner.peek() {
                    case UInt8(ascii: ","): scanner.position += 1
                    case UInt8(ascii: "]"):
                        scanner.position += 1
                        return
                    default:
                        throw scanner.failure(scanner.position < scanner.end ? "expected ',' or ']' after an array element" : "unexpected end of input")
                    }
                }
            case 5:
                _ = try Self.int32(&scanner, field: FieldName("responseStatus", "details", "retryAfterSeconds"), event: &event)
            default:
                _ = try Self.copiedString(&scanner, field: FieldName("responseStatus", "details", members[index]), event: &event, nested: true)
            }
        }
    }

    /// An `int32` member (or `null`); zero is omitted by Go, so it makes the event non-canonical.
    private static func int32(_ scanner: inout JSONScanner, field: FieldName, event: inout ScannedEvent) throws(EventScanFailure) -> Int? {
        if try consumeNull(&scanner) {
            event.isCanonical = false
            return nil
        }
        let first = scanner.peek()
        guard first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else {
            throw typeMismatch(scanner, field: field, expected: "an integer")
        }
        let span = try scanner.scanNumber()
        var value = 0
        var negative = false
        for offset in span.start..<span.end {
            let byte = scanner.base[offset]
            if byte == UInt8(ascii: "-") {
                negative = true
                continue
            }
            guard byte &- UInt8(ascii: "0") < 10, value <= Int(Int32.max) else {
                throw EventScanFailure(offset: span.start, reason: "not an audit event: \(field) is not a 32-bit integer")
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        if negative { value = -value }
        guard value >= Int(Int32.min), value <= Int(Int32.max) else {
            throw EventScanFailure(offset: span.start, reason: "not an audit event: \(field) is not a 32-bit integer")
        }
        if value == 0 { event.isCanonical = false }
        return value
    }

    /// A `map[string]string` (annotations) or `map[string][]string` (user extra); Go writes map
    /// keys sorted, and omits an empty map. Returns the span, absent for `null` or `{}`.
    private mutating func scanStringMap(_ scanner: inout JSONScanner, field: FieldName, event: inout ScannedEvent, valuesAreLists: Bool) throws(EventScanFailure) -> ByteSpan {
        if try Self.consumeNull(&scanner) { return .absent }
        guard scanner.peek() == UInt8(ascii: "{") else { throw Self.typeMismatch(scanner, field: field, expected: "an object") }
        let start = scanner.position
        scanner.position += 1
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.position += 1
            return .absent
        }
        var previousKey = ByteSpan.absent
        while true {
            scanner.skipWhitespace()
            guard scanner.peek() == UInt8(ascii: "\"") else {
                throw scanner.failure(scanner.position < scanner.end ? "expected a string key" : "unexpected end of input")
            }
            let keyStart = scanner.position
            let keyTraits = try scanner.scanString()
            let key = ByteSpan(start: keyStart, end: scanner.position)
            if !Self.isGoEncoded(scanner, key, keyTraits) || keyTraits.contains(.escapes)
                || (previousKey.isPresent && !Self.isAscending(scanner, previousKey, key)) {
                // Escaped keys are compared after decoding; the slow path sorts them.
                event.isCanonical = false
            }
            previousKey = key
            if !valuesAreLists, key.count == 24, Self.bytes(scanner, key, equal: "\"audit.k8s.io/truncated\"") {
                event.wasTruncatedWhenRecorded = true
            }
            try scanner.expect(UInt8(ascii: ":"), "expected ':' after object key")
            scanner.skipWhitespace()
            if valuesAreLists {
                var ignored: [String]? = nil
                if scanner.peek() == UInt8(ascii: "[") && scanner.end - scanner.position >= 2 && scanner.base[scanner.position + 1] == UInt8(ascii: "]") {
                    // An empty list inside a map is written as [] by Go: keep it.
                    scanner.position += 2
                } else {
                    _ = try Self.stringArray(&scanner, field: field.value, event: &event, decodingInto: &ignored)
                }
            } else {
                if try Self.consumeNull(&scanner) {
                    // Go decodes null into a string map value as "" and writes "".
                    event.isCanonical = false
                } else {
                    guard scanner.peek() == UInt8(ascii: "\"") else { throw Self.typeMismatch(scanner, field: field.value, expected: "a string") }
                    let valueStart = scanner.position
                    let traits = try scanner.scanString()
                    if !Self.isGoEncoded(scanner, ByteSpan(start: valueStart, end: scanner.position), traits) { event.isCanonical = false }
                }
            }
            scanner.skipWhitespace()
            switch scanner.peek() {
            case UInt8(ascii: ","):
                scanner.position += 1
            case UInt8(ascii: "}"):
                scanner.position += 1
                return ByteSpan(start: start, end: scanner.position)
            default:
                throw scanner.failure(scanner.position < scanner.end ? "expected ',' or '}' after an object member" : "unexpected end of input")
            }
        }
    }

    private mutating func scanAnnotations(_ scanner: inout JSONScanner, event: inout ScannedEvent) throws(EventScanFailure) -> ByteSpan {
        try scanStringMap(&scanner, field: FieldName("annotations"), event: &event, valuesAreLists: false)
    }

    /// Whether key `a` sorts strictly before key `b`, byte by byte (Go's map key order).
    private static func isAscending(_ scanner: JSONScanner, _ a: ByteSpan, _ b: ByteSpan) -> Bool {
        // Compare the bytes between the quotes.
        let left = UnsafeBufferPointer(start: scanner.base + a.start + 1, count: a.count - 2)
        let right = UnsafeBufferPointer(start: scanner.base + b.start + 1, count: b.count - 2)
        return left.lexicographicallyPrecedes(right)
    }

    private static func bytes(_ scanner: JSONScanner, _ span: ByteSpan, equal literal: StaticString) -> Bool {
        UnsafeBufferPointer(start: scanner.base + span.start, count: span.count)
            .elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    // MARK: - Bodies

    /// `requestObject` or `responseObject`: any JSON value, kept verbatim (compacted) by Go.
    /// Returns its span (absent for `null`) and the range of its removable members.
    private mutating func scanBody(_ scanner: inout JSONScanner, event: inout ScannedEvent) throws(EventScanFailure) -> (ByteSpan, Range<Int>) {
        if try Self.consumeNull(&scanner) { return (.absent, 0..<0) }
        let start = scanner.position
        let firstCandidate = candidates.count
        scanner.walkedStringTraits = []
        try scanner.walkValue(role: .root, recording: true, frames: &frames, candidates: &candidates)
        // Go compacts the raw body and escapes <, >, &, U+2028 and U+2029 in it, nothing else
        // (encoding/json, `compact` with HTML escaping, applied to a Marshaler's output).
        if scanner.walkedStringTraits.contains(.unescapedHTML) { event.isCanonical = false }
        return (ByteSpan(start: start, end: scanner.position), firstCandidate..<candidates.count)
    }
}
