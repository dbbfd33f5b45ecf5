import Testing
@testable import AuditReplay

/// The JSON the AWS CLI prints for `aws logs filter-log-events` and `aws logs get-log-events`
/// (CloudWatch Logs API FilterLogEvents / GetLogEvents responses): each `events[].message`
/// is one audit event's JSON text, escaped as a JSON string.
struct InputCloudWatchTests {
    typealias Pair = InputTestFixtures.Pair

    /// `aws logs filter-log-events --log-group-name /aws/eks/demo/cluster` output, as the
    /// CLI indents it (4 spaces); messages on lines 6 and 13.
    static let filterLogEvents = #"""
    {
        "events": [
            {
                "logStreamName": "kube-apiserver-audit-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                "timestamp": 1793527200123,
                "message": "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"auditID\":\"a1\",\"requestURI\":\"/api/v1/pods?labelSelector=app\\u003dweb\\u0026x=\\u003c\"}",
                "ingestionTime": 1793527201456,
                "eventId": "37795120001230000000000000000000000000000000000000000000"
            },
            {
                "logStreamName": "kube-apiserver-audit-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                "timestamp": 1793527200124,
                "message": "{\"auditID\":\"a2\"}",
                "ingestionTime": 1793527201456,
                "eventId": "37795120001240000000000000000000000000000000000000000001"
            }
        ],
        "searchedLogStreams": [
            {
                "logStreamName": "kube-apiserver-audit-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                "searchedCompletely": true
            }
        ],
        "nextToken": "Bxkq6kVGFtq2y_MoigeqscPOdhXVbhiVtLoAmXb5jCrI7fXm2HbxhqBIi4Ikw"
    }
    """#

    @Test("filter-log-events: each message, unescaped, is a record at the message's line")
    func filterLogEventsLayout() throws {
        let records = try InputTestFixtures.read(Array(Self.filterLogEvents.utf8))
        #expect(InputTestFixtures.lines(records) == [
            Pair(line: 6, text: #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","auditID":"a1","requestURI":"/api/v1/pods?labelSelector=app\u003dweb\u0026x=\u003c"}"#),
            Pair(line: 13, text: #"{"auditID":"a2"}"#),
        ])
    }

    @Test("get-log-events: events with timestamp, message, ingestionTime; forward and backward tokens")
    func getLogEventsLayout() throws {
        let output = #"{"events":[{"timestamp":1,"message":"{\"auditID\":\"a\"}","ingestionTime":2}],"nextForwardToken":"f/1","nextBackwardToken":"b/1"}"#
        let records = try InputTestFixtures.read(Array(output.utf8))
        #expect(InputTestFixtures.lines(records) == [Pair(line: 1, text: #"{"auditID":"a"}"#)])
    }

    struct UnescapeCase: Sendable, CustomStringConvertible {
        var description: String
        /// The message as it appears between the quotes in the CLI output.
        var escaped: String
        /// The bytes of the audit event text.
        var expected: [UInt8]
    }

    @Test("message strings are unescaped as a JSON decoder does", arguments: [
        UnescapeCase(description: "quote, backslash, solidus", escaped: #"a\"b\\c\/d"#, expected: Array(#"a"b\c/d"#.utf8)),
        UnescapeCase(description: "control escapes", escaped: #"\b\f\n\r\t"#, expected: [0x08, 0x0c, 0x0a, 0x0d, 0x09]),
        UnescapeCase(description: "an escaped Go escape stays an escape", escaped: #"\\u003c"#, expected: Array(#"\u003c"#.utf8)),
        UnescapeCase(description: "\\u escape of a 2-byte character", escaped: #"\u00e9"#, expected: [0xC3, 0xA9]),
        UnescapeCase(description: "\\u escape of a 3-byte character, upper-case hex", escaped: #"\u20AC"#, expected: [0xE2, 0x82, 0xAC]),
        UnescapeCase(description: "surrogate pair joined into one 4-byte character", escaped: #"\ud83d\ude00"#, expected: [0xF0, 0x9F, 0x98, 0x80]),
        UnescapeCase(description: "lone high surrogate: U+FFFD (Go encoding/json unquote)", escaped: #"\ud83dx"#, expected: [0xEF, 0xBF, 0xBD, 0x78]),
        UnescapeCase(description: "lone low surrogate: U+FFFD", escaped: #"\ude00"#, expected: [0xEF, 0xBF, 0xBD]),
        UnescapeCase(description: "high surrogate then a non-surrogate escape: U+FFFD, then that character",
                     escaped: #"\ud83d\u0041"#, expected: [0xEF, 0xBF, 0xBD, 0x41]),
        UnescapeCase(description: "raw UTF-8 passes through", escaped: "é✓", expected: Array("é✓".utf8)),
        UnescapeCase(description: "empty message", escaped: "", expected: []),
    ])
    func unescaping(_ testCase: UnescapeCase) throws {
        let output = #"{"events":[{"message":""# + testCase.escaped + #""}]}"#
        var reader = RecordingReader(bytes: Array(output.utf8), source: "mem", format: .cloudWatchJSON)
        let batch = try #require(try reader.next())
        #expect(batch.records.count == 1)
        #expect(batch.records.first.map { Array(batch.storage[$0.range]) } == testCase.expected)
    }

    @Test("an entry without a string message is passed on whole, for the replay to report")
    func entryWithoutMessage() throws {
        let output = "{\"events\":[\n{\"timestamp\":1},\n{\"message\":null},\n{\"message\":\"{}\"}]}"
        let records = try InputTestFixtures.read(Array(output.utf8))
        #expect(InputTestFixtures.lines(records) == [
            Pair(line: 2, text: #"{"timestamp":1}"#),
            Pair(line: 3, text: #"{"message":null}"#),
            Pair(line: 4, text: "{}"),
        ])
    }

    @Test("an invalid escape in a message is an error naming the file and line")
    func invalidEscape() {
        let output = "{\"events\":[\n{\"message\":\"ok\"},\n{\"message\":\"bad \\x escape\"}]}"
        var reader = RecordingReader(bytes: Array(output.utf8), source: "logs.json")
        #expect(InputTestFixtures.readError(&reader)?.description == "logs.json:3: invalid escape '\\x' in a string")
    }

    @Test("a document without an events array is an error")
    func missingEvents() {
        var reader = RecordingReader(bytes: Array(#"{"searchedLogStreams":[]}"#.utf8), source: "logs.json", format: .cloudWatchJSON)
        #expect(InputTestFixtures.readError(&reader)?.description == "logs.json:1: the CloudWatch Logs JSON document starting here has no \"events\" array")
    }
}
