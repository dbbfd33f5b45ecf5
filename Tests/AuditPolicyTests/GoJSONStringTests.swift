import Testing
@testable import AuditPolicy

/// The one Go JSON string escaper and unescaper (encoding/json `appendString`, `unquoteBytes`).
@Suite("Go JSON strings")
struct GoJSONStringTests {
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

    /// Each case: raw text, and how Go's encoder writes it with `SetEscapeHTML(false)`.
    @Test("without HTML escaping, < > & stay as they are and the rest is escaped as before", arguments: [
        ("<a>&", #""<a>&""#),
        ("a\"b\nc", #""a\"b\nc""#),
        ("\u{2028}", #""\u2028""#),
    ])
    func encodeWithoutHTMLEscaping(text: String, expected: String) {
        #expect(GoJSONString.quoted(text, escapingHTML: false) == expected)
    }

    @Test("unescaping keeps invalid UTF-8 when asked and replaces it by default")
    func invalidUTF8Policy() throws {
        let inner: [UInt8] = [0x61, 0xFF, 0x5C, 0x6E, 0x62]  // a, an invalid byte, \n, b
        var kept: [UInt8] = []
        var replaced: [UInt8] = []
        try inner.withUnsafeBytes { bytes in
            try GoJSONString.unescape(bytes, invalidUTF8: .keep, appendingTo: &kept)
            try GoJSONString.unescape(bytes, appendingTo: &replaced)
        }
        #expect(kept == [0x61, 0xFF, 0x0A, 0x62])
        #expect(replaced == [0x61, 0xEF, 0xBF, 0xBD, 0x0A, 0x62])
    }

    @Test("an escape JSON does not allow is refused with its offset", arguments: [
        (#"ab\x"#, 2), (#"\u12"#, 0), (#"abc\"#, 3),
    ])
    func invalidEscapes(inner: String, offset: Int) {
        var output: [UInt8] = []
        let failure = Array(inner.utf8).withUnsafeBytes { bytes -> GoJSONString.InvalidEscape? in
            do throws(GoJSONString.InvalidEscape) {
                try GoJSONString.unescape(bytes, appendingTo: &output)
                return nil
            } catch {
                return error
            }
        }
        #expect(failure?.offset == offset)
    }
}
