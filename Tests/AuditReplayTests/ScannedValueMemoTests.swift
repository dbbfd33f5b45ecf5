import Foundation
import Testing
@testable import AuditReplay

/// The scanner remembers recent `user`, `annotations` and `responseStatus` values
/// (`ScannedValueMemo`) and reuses what it found in them: scanning a sequence of events with one
/// scanner must find exactly what a fresh scanner finds in each event.
struct ScannedValueMemoTests {
    static let head = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"a","stage":"ResponseComplete","requestURI":"/api","verb":"get","#
    static let tail = #","requestReceivedTimestamp":"2024-05-01T12:00:00.000000Z","stageTimestamp":"2024-05-01T12:00:00.000000Z"}"#

    /// Values of the remembered fields, in log-backend form or not, each met twice and in
    /// different company, so that every one is both scanned and reused.
    static let members = [
        #""user":{"username":"u","groups":["g"]}"#,
        #""user":{"username":"u","groups":["g"]},"sourceIPs":["10.0.0.1"]"#,
        #""user":{"username":"u", "groups":["g"]}"#,                      // whitespace
        #""user":{"groups":["g"],"username":"u"}"#,                       // order
        #""user":{"username":"u","groups":[]}"#,                          // empty groups
        #""user":{"username":"","groups":["g"]}"#,
        #""user":{}"#,
        #""user":null"#,
        #""user":{"username":"\u0075"}"#,                                 // escape
        #""annotations":{"a":"1","b":"2"}"#,
        #""annotations":{"b":"2","a":"1"}"#,                              // key order
        #""annotations":{}"#,                                             // empty: absent
        #""annotations":{"audit.k8s.io/truncated":"true"}"#,
        #""annotations":{"a":"1" }"#,                                     // whitespace
        #""annotations":null"#,
        #""responseStatus":{"metadata":{},"code":200}"#,
        #""responseStatus":{"metadata":{},"code":404}"#,
        #""responseStatus":{"code":200}"#,                               // no metadata
        #""responseStatus":{"metadata":{},"status":"Failure","code":0}"#, // zero code
        #""responseStatus":{}"#,
        #""user":{"username":"u","groups":["g"]},"annotations":{"a":"1","b":"2"},"responseStatus":{"metadata":{},"code":200}"#,
    ]

    static func fields(_ scanner: inout EventScanner, _ line: String) -> String {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            do throws(EventScanFailure) {
                let event = try scanner.scan(buffer)
                return "\(event) \(scanner.decoded)"
            } catch {
                return "failure: \(error.reason)"
            }
        }
    }

    @Test("a warm scanner finds what a fresh one finds, event after event")
    func reusedValuesMatchFreshScans() {
        let lines = (Self.members + Self.members.reversed() + Self.members).map { Self.head + $0 + Self.tail }
        var warm = EventScanner()
        for line in lines {
            var fresh = EventScanner()
            #expect(Self.fields(&warm, line) == Self.fields(&fresh, line), "\(line)")
        }
    }

    @Test("a remembered value only matches where its bytes are whole: a longer value is scanned")
    func prefixOfLongerValue() {
        var warm = EventScanner()
        let short = Self.head + #""user":{"username":"u"}"# + Self.tail
        let cut = Self.head + #""user":{"username":"u"#
        _ = Self.fields(&warm, short)
        var fresh = EventScanner()
        #expect(Self.fields(&warm, cut) == Self.fields(&fresh, cut))
        #expect(Self.fields(&warm, cut).hasPrefix("failure"))
    }
}
