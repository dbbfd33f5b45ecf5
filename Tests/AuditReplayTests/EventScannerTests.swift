import AuditPolicy
import Foundation
import Testing
@testable import AuditReplay

/// The fast scanner: JSON validation as Go's decoder does it, and the log-backend form check.
@Suite("Event scanner")
struct EventScannerTests {
    static func scan(_ text: String) -> Result<ScannedEvent, EventScanFailure> {
        var scanner = EventScanner()
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(EventScanFailure) -> ScannedEvent in try scanner.scan(buffer) }
        }
    }

    static let minimal = #"{"auditID":"a","verb":"get","requestReceivedTimestamp":"2024-05-01T12:00:00.000000Z","stageTimestamp":"2024-05-01T12:00:00.000000Z""#

    /// Each case: a member added to a minimal event, and whether the event stays in log-backend
    /// form (Go's encoder would write the same bytes for it).
    @Test("members that Go writes differently make the event non-canonical", arguments: [
        (#","requestURI":"/a?b=1\u0026c=2""#, true),
        (#","requestURI":"/a?b=1&c=2""#, false),                     // Go escapes & as \u0026
        (#","userAgent":"a\/b""#, false),                            // Go never writes \/
        (#","userAgent":"caf\u00e9""#, false),                       // Go writes é raw
        (#","userAgent":"tab\there""#, true),
        (#","userAgent":"bell\u0007""#, true),
        (#","userAgent":"esc\u001b""#, true),
        (#","userAgent":"esc\u001B""#, false),                      // Go's hex digits are lower-case
        (#","annotations":{"a":"1","b":"2"}"#, true),
        (#","annotations":{"b":"2","a":"1"}"#, false),               // Go sorts map keys
        (#","annotations":{}"#, true),                                // empty map: absent, as Go omits it
        (#","user":{"username":"u","groups":["g"]}"#, true),
        (#","user":{"groups":["g"],"username":"u"}"#, false),        // UserInfo field order
        (#","user":{"username":"u","groups":[]}"#, false),           // Go omits empty groups
        (#","objectRef":{"resource":"pods","namespace":"n"}"#, true),
        (#","objectRef":{"namespace":"n","resource":"pods"}"#, false),
        (#","objectRef":{"resource":"pods","extra":"x"}"#, false),    // unknown members are dropped
        (#","responseStatus":{"metadata":{},"code":200}"#, true),
        (#","responseStatus":{"code":200}"#, false),                 // Go always writes metadata
        (#","requestObject":{"a":"<b>"}"#, false),                   // bodies: Go escapes <, >, &
        (#","requestObject":{"a":"\/ ok"}"#, true),                  // ... and keeps other escapes
        (#","requestObject":{"a": 1}"#, false),                      // bodies are compacted
        (#","verb":"get""#, false),                                   // duplicate member: last wins
    ])
    func canonicalForm(member: String, canonical: Bool) throws {
        let event = try Self.scan(Self.minimal + member + "}").get()
        #expect(event.isCanonical == canonical)
    }

    @Test("timestamps must be RFC 3339 with six fractional digits in UTC to be canonical", arguments: [
        ("2024-05-01T12:00:00.000000Z", true),
        ("2024-05-01T12:00:00Z", false),
        ("2024-05-01T12:00:00.123+02:00", false),
        ("2024-05-01 12:00:00.38", false),
    ])
    func timestamps(value: String, canonical: Bool) throws {
        let text = #"{"auditID":"a","verb":"get","requestReceivedTimestamp":""# + value + #"","stageTimestamp":"2024-05-01T12:00:00.000000Z"}"#
        let event = try Self.scan(text).get()
        #expect(event.isCanonical == canonical)
    }

    @Test("the spans cover each value exactly")
    func spans() throws {
        let text = Self.minimal + #","requestObject":{"x":[1,2,{"y":null}]},"level":"Request","stage":"ResponseStarted","responseStatus":{"metadata":{},"code":404}}"#
        let event = try Self.scan(text).get()
        let bytes = Array(text.utf8)
        func value(_ span: ByteSpan) -> String { String(decoding: bytes[span.start..<span.end], as: UTF8.self) }
        #expect(value(event.auditID) == #""a""#)
        #expect(value(event.requestObject) == #"{"x":[1,2,{"y":null}]}"#)
        #expect(event.level == .request)
        #expect(event.stage == .responseStarted)
        #expect(event.responseCode == 404)
        #expect(!event.responseObject.isPresent)
    }

    @Test("managedFields are found in an object, in list items and in table rows, nowhere else")
    func managedFieldsCandidates() throws {
        let body = #"{"metadata":{"name":"a","managedFields":[1]},"items":[{"metadata":{"managedFields":[2],"name":"b"}}],"rows":[{"object":{"metadata":{"managedFields":[3]}}}],"spec":{"metadata":{"managedFields":[4]}}}"#
        var scanner = EventScanner()
        let text = Self.minimal + #","responseObject":"# + body + "}"
        let bytes = Array(text.utf8)
        let event = try bytes.withUnsafeBufferPointer { buffer throws(EventScanFailure) in try scanner.scan(buffer) }
        let found = scanner.candidates[event.responseObjectEdits].filter { $0.kind == .managedFields }
        #expect(found.count == 3)
        let removed = BodyCuts.ranges(of: scanner.candidates[event.responseObjectEdits], selecting: .managedFields)
        var result = bytes
        for range in removed.reversed() { result.removeSubrange(range) }
        let expectedBody = #"{"metadata":{"name":"a"},"items":[{"metadata":{"name":"b"}}],"rows":[{"object":{"metadata":{}}}],"spec":{"metadata":{"managedFields":[4]}}}"#
        #expect(String(decoding: result, as: UTF8.self) == Self.minimal + #","responseObject":"# + expectedBody + "}")
    }

    @Test("removing several members of one object leaves exactly one comma between the others", arguments: [
        (#"{"creationTimestamp":null,"managedFields":[]}"#, "{}"),
        (#"{"creationTimestamp":null,"a":1,"managedFields":[]}"#, #"{"a":1}"#),
        (#"{"a":1,"creationTimestamp":null,"managedFields":[],"b":2}"#, #"{"a":1,"b":2}"#),
        (#"{"creationTimestamp":null,"managedFields":[],"b":2}"#, #"{"b":2}"#),
    ])
    func commas(metadata: String, expected: String) throws {
        var scanner = EventScanner()
        let text = Self.minimal + #","responseObject":{"metadata":"# + metadata + "}}"
        let bytes = Array(text.utf8)
        let event = try bytes.withUnsafeBufferPointer { buffer throws(EventScanFailure) in try scanner.scan(buffer) }
        let removed = BodyCuts.ranges(of: scanner.candidates[event.responseObjectEdits], selecting: [.managedFields, .nullCreationTimestamp])
        var result = bytes
        for range in removed.reversed() { result.removeSubrange(range) }
        #expect(String(decoding: result, as: UTF8.self) == Self.minimal + #","responseObject":{"metadata":"# + expected + "}}")
    }

    @Test("nesting deeper than Go's limit of 10000 is refused")
    func depthLimit() {
        let deep = String(repeating: "[", count: 10_001) + String(repeating: "]", count: 10_001)
        let result = Self.scan(Self.minimal + #","requestObject":"# + deep + "}")
        #expect(throws: EventScanFailure.self) { try result.get() }
        let fine = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: Never.self) { try Self.scan(Self.minimal + #","requestObject":"# + fine + "}").get() }
    }

    /// The fields read by bytes (kind, apiVersion, verb, level, stage) must read as their decoded
    /// values would: escaped spellings included.
    @Test("kind, apiVersion, verb, level and stage are read as Go decodes them", arguments: [
        (#","kind":"Event""#, "accepted"),
        (#","kind":"Ev\u0065nt""#, "accepted"),
        (#","kind":"Evnt""#, #"kind is "Evnt""#),
        (#","kind":null"#, "accepted"),
        (#","apiVersion":"audit.k8s.io/v1""#, "accepted"),
        (#","apiVersion":"audit.k8s.io\/v1beta1""#, "accepted"),
        (#","apiVersion":"v1""#, #"apiVersion is "v1""#),
        (#","verb":"create""#, "create"),
        (#","verb":"cr\u0065ate""#, "create"),
        (#","verb":"patch""#, "patch"),
        (#","verb":"patches""#, "other"),
        (#","verb":"""#, "verb is missing"),
        (#","verb":null"#, "verb is missing"),
        (#","level":"None""#, "level None"),
        (#","level":"Metadata""#, "level Metadata"),
        (#","level":"Request""#, "level Request"),
        (#","level":"RequestResponse""#, "level RequestResponse"),
        (#","level":"Requests""#, "level unknown"),
        (#","stage":"RequestReceived""#, "stage RequestReceived"),
        (#","stage":"ResponseStarted""#, "stage ResponseStarted"),
        (#","stage":"ResponseComplete""#, "stage ResponseComplete"),
        (#","stage":"Panic""#, "stage Panic"),
        (#","stage":"ResponseStartex""#, "stage unknown"),
    ])
    func fieldsReadByBytes(member: String, expected: String) {
        let text = #"{"auditID":"a","requestReceivedTimestamp":"2024-05-01T12:00:00.000000Z","stageTimestamp":"2024-05-01T12:00:00.000000Z""#
            + (member.contains(#""verb""#) ? "" : #","verb":"get""#) + member + "}"
        switch Self.scan(text) {
        case .failure(let failure):
            #expect(failure.reason.contains(expected), "\(failure.reason)")
        case .success(let event):
            if expected.hasPrefix("level ") {
                #expect(expected == "level " + (event.level.map { "\($0.rawValue)" } ?? "unknown"))
            } else if expected.hasPrefix("stage ") {
                #expect(expected == "stage " + (event.stage.map { "\($0.rawValue)" } ?? "unknown"))
            } else if member.contains(#""verb""#) {
                let kind = switch event.verbKind { case .create: "create"; case .patch: "patch"; case .other: "other" }
                #expect(kind == expected)
            } else {
                #expect(expected == "accepted")
            }
        }
    }
}
