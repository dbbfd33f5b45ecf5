import Testing
@testable import AuditReplay

/// Timestamps the way metav1.MicroTime writes them.
@Suite("Go encoding")
struct GoEncodingTests {
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
