import Testing
import AuditPolicy
@testable import AuditCorpus

/// The byte-level formats a generated recording must share with kube-apiserver's log
/// backend: Go's encoding/json string escaping, metav1 time formats, client-go's query
/// encoding and Go's duration text.
struct GeneratorEncodingTests {
    struct EscapeCase: Sendable, CustomStringConvertible {
        var description: String
        var input: String
        var expected: String
    }

    @Test("strings are escaped as Go's encoding/json escapes them (appendString, HTML escaping on)", arguments: [
        EscapeCase(description: "plain ASCII is copied", input: "kube-system/aws-auth", expected: #""kube-system/aws-auth""#),
        EscapeCase(description: "quote and backslash", input: #"a"b\c"#, expected: #""a\"b\\c""#),
        EscapeCase(description: #"< > & become \u003c \u003e \u0026"#, input: "<a href=x&y>", expected: #""\u003ca href=x\u0026y\u003e""#),
        EscapeCase(description: "newline, return and tab use short escapes", input: "a\nb\rc\td", expected: #""a\nb\rc\td""#),
        EscapeCase(description: "backspace and form feed use short escapes (Go 1.22+)", input: "\u{8}\u{C}", expected: #""\b\f""#),
        EscapeCase(description: #"other control characters use \u00XX"#, input: "\u{1}\u{1F}", expected: #""\u0001\u001f""#),
        EscapeCase(description: "U+2028 and U+2029 are escaped", input: "a\u{2028}b\u{2029}", expected: #""a\u2028b\u2029""#),
        EscapeCase(description: "other non-ASCII characters are written as UTF-8", input: "µs é ✓", expected: "\"µs é ✓\""),
        EscapeCase(description: "a slash is not escaped", input: "/api/v1", expected: #""/api/v1""#),
    ])
    func escaping(_ testCase: EscapeCase) {
        var writer = GoJSONWriter()
        writer.writeString(testCase.input)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == testCase.expected)
    }

    @Test("objects keep their member order; Go maps are sorted by key bytes")
    func memberOrder() {
        let value: CorpusJSON = [
            "kind": "Event", "apiVersion": "audit.k8s.io/v1",
            "annotations": .map([("z", "1"), ("authorization.k8s.io/reason", ""), ("authorization.k8s.io/decision", "allow")]),
            "n": -42, "empty": .object([]), "list": [true, .null],
        ]
        #expect(String(decoding: value.encoded, as: UTF8.self)
            == #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":"","z":"1"},"n":-42,"empty":{},"list":[true,null]}"#)
    }

    struct TimeCase: Sendable, CustomStringConvertible {
        var description: String
        var microseconds: Int64
        var microTime: String
        var time: String
    }

    @Test("MicroTime has six fractional digits, Time whole seconds, both UTC with Z (metav1 MicroTime/Time MarshalJSON)", arguments: [
        TimeCase(description: "the corpus start", microseconds: 1_793_527_200_000_000,
                 microTime: "2026-11-01T10:00:00.000000Z", time: "2026-11-01T10:00:00Z"),
        TimeCase(description: "fraction padded with zeros", microseconds: 1_793_527_200_000_042,
                 microTime: "2026-11-01T10:00:00.000042Z", time: "2026-11-01T10:00:00Z"),
        TimeCase(description: "end of a leap day", microseconds: 1_709_251_199_999_999,
                 microTime: "2024-02-29T23:59:59.999999Z", time: "2024-02-29T23:59:59Z"),
        TimeCase(description: "the epoch", microseconds: 0, microTime: "1970-01-01T00:00:00.000000Z", time: "1970-01-01T00:00:00Z"),
        TimeCase(description: "before the epoch", microseconds: -1, microTime: "1969-12-31T23:59:59.999999Z", time: "1969-12-31T23:59:59Z"),
    ])
    func timeFormats(_ testCase: TimeCase) {
        let time = CorpusTime(microseconds: testCase.microseconds)
        #expect(time.microTimeText == testCase.microTime)
        #expect(time.timeText == testCase.time)
    }

    @Test("calendar dates convert to the epoch offsets date(1) gives")
    func calendarDates() {
        #expect(CorpusTime(year: 2026, month: 11, day: 1, hour: 10).microseconds == 1_793_527_200 * CorpusTime.second)
        #expect(CorpusTime(year: 2000, month: 3, day: 1).microseconds == 951_868_800 * CorpusTime.second)
    }

    @Test("query strings are encoded as Go's url.Values.Encode: keys sorted, QueryEscape")
    func queryEncoding() {
        let query = QueryEncoding.encode([
            ("watch", "true"), ("labelSelector", "!service.kubernetes.io/headless,!service.kubernetes.io/service-proxy-name"),
            ("command", "sh"), ("command", "-c"), ("command", "cat /etc/resolv.conf && env"), ("fieldSelector", "metadata.name=x"),
        ])
        #expect(query == "command=sh&command=-c&command=cat+%2Fetc%2Fresolv.conf+%26%26+env&fieldSelector=metadata.name%3Dx"
            + "&labelSelector=%21service.kubernetes.io%2Fheadless%2C%21service.kubernetes.io%2Fservice-proxy-name&watch=true")
    }

    @Test("durations read as Go's time.Duration.String writes them", arguments: [
        (451, "7m31s"), (300, "5m0s"), (45, "45s"), (3600, "1h0m0s"), (0, "0s"),
    ])
    func durations(seconds: Int, expected: String) {
        #expect(GoDuration.text(seconds: seconds) == expected)
    }

    @Test("sub-second durations read as Go writes them", arguments: [
        (Int64(45), "45µs"), (612_305, "612.305ms"), (1_000, "1ms"), (1_500_000, "1.5s"),
    ])
    func shortDurations(microseconds: Int64, expected: String) {
        #expect(GoDuration.microseconds(microseconds) == expected)
    }

    @Test("base64 matches RFC 4648 test vectors", arguments: [
        ("", "", ""), ("f", "Zg==", "Zg"), ("fo", "Zm8=", "Zm8"), ("foo", "Zm9v", "Zm9v"), ("foob", "Zm9vYg==", "Zm9vYg"),
        ("fooba", "Zm9vYmE=", "Zm9vYmE"), ("foobar", "Zm9vYmFy", "Zm9vYmFy"),
    ])
    func base64(input: String, standard: String, url: String) {
        #expect(Base64.standard(Array(input.utf8)) == standard)
        #expect(Base64.urlEncoded(Array(input.utf8)) == url)
    }

    @Test("UUIDs are version 4, variant 1, lower-case (github.com/google/uuid New)")
    func uuids() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<100 {
            let uuid = Array(random.uuid())
            #expect(uuid.count == 36)
            #expect([uuid[8], uuid[13], uuid[18], uuid[23]] == ["-", "-", "-", "-"])
            #expect(uuid[14] == "4")
            #expect("89ab".contains(uuid[19]))
            #expect(uuid.allSatisfy { "0123456789abcdef-".contains($0) })
        }
    }

    @Test("SplitMix64 gives the reference sequence for seed 1234567 (Vigna's splitmix64.c)")
    func splitMixReference() {
        var random = SplitMix64(seed: 1_234_567)
        #expect((0..<3).map { _ in random.next() } == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }
}
