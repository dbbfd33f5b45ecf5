import Testing
@testable import AuditReplay

/// Strings and timestamps the way Go's encoding/json and metav1.MicroTime write them.
@Suite("Go encoding")
struct GoEncodingTests {
    /// Each case: raw bytes, and how Go's encoder (HTML escaping on, Go 1.22+) writes them.
    @Test("Go string escaping", arguments: [
        (Array("plain".utf8), #""plain""#),
        (Array("a\"b\\c".utf8), #""a\"b\\c""#),
        (Array("<a>&".utf8), #""\u003ca\u003e\u0026""#),
        ([0x08, 0x0C, 0x0A, 0x0D, 0x09], #""\b\f\n\r\t""#),
        ([0x01, 0x1F, 0x7F], "\"\\u0001\\u001f\u{7F}\""),
        (Array("\u{2028}\u{2029}".utf8), #""\u2028\u2029""#),
        (Array("é€😀".utf8), "\"é€😀\""),
        ([0x61, 0xFF, 0x62], #""a\ufffdb""#),          // each invalid byte becomes \ufffd
        ([0xE2, 0x82], #""\ufffd\ufffd""#),              // a truncated sequence: one per byte
        ([0xED, 0xA0, 0x80], #""\ufffd\ufffd\ufffd""#),  // an encoded surrogate is invalid
    ])
    func encode(bytes: [UInt8], expected: String) {
        var output: [UInt8] = []
        GoJSONString.encode(bytes, into: &output)
        #expect(String(decoding: output, as: UTF8.self) == expected)
    }

    /// Each case: a JSON string, and the bytes Go's decoder makes of it.
    @Test("Go string decoding", arguments: [
        (#""a\/b""#, Array("a/b".utf8)),
        (#""\u00e9""#, Array("é".utf8)),
        (#""\ud83d\ude00""#, Array("😀".utf8)),
        (#""\ud83d""#, Array("\u{FFFD}".utf8)),          // a lone surrogate is U+FFFD
        (#""\ud83dx""#, Array("\u{FFFD}x".utf8)),
    ])
    func decode(json: String, expected: [UInt8]) {
        let bytes = Array(json.utf8)
        let decoded = bytes.withUnsafeBufferPointer { GoJSONString.decode($0) }
        #expect(decoded == expected)
    }

    @Test("timestamps are written in UTC with six fractional digits", arguments: [
        ("2024-05-01T12:00:00Z", #""2024-05-01T12:00:00.000000Z""#),
        ("2024-05-01T12:00:00.5Z", #""2024-05-01T12:00:00.500000Z""#),
        ("2024-05-01T12:00:00.1234567Z", #""2024-05-01T12:00:00.123456Z""#),  // Go truncates
        ("2024-05-01T00:30:00+01:00", #""2024-04-30T23:30:00.000000Z""#),
        ("2024-02-29 23:59:59.999999", #""2024-02-29T23:59:59.999999Z""#),
        ("1969-12-31T23:59:59Z", #""1969-12-31T23:59:59.000000Z""#),
    ])
    func timestamps(text: String, expected: String) throws {
        let time = try #require(MicroTime.parse(Array(text.utf8)))
        #expect(String(decoding: time.quotedBytes, as: UTF8.self) == expected)
    }

    @Test("unreadable times are refused", arguments: ["yesterday", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-05-01T12:00:00.Z", "2024-05-01"])
    func badTimestamps(text: String) {
        #expect(MicroTime.parse(Array(text.utf8)) == nil)
    }
}
