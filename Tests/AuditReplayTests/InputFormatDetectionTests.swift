import Testing
@testable import AuditReplay

/// Which reader a file gets when `--input-format` is `auto`, from its first bytes.
struct InputFormatDetectionTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var prefix: String
        var expected: InputFormat
    }

    @Test("the first bytes decide the format", arguments: [
        Case(description: "an audit Event line (kind first, as the log backend writes it)",
             prefix: #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata"}"#, expected: .jsonLines),
        Case(description: "an event without kind", prefix: #"{"level":"Metadata","auditID":"x"}"# + "\n", expected: .jsonLines),
        Case(description: "a compact EventList", prefix: #"{"kind":"EventList","apiVersion":"audit.k8s.io/v1","items":[]}"#, expected: .eventList),
        Case(description: "a pretty EventList", prefix: "{\n  \"kind\" : \"EventList\",\n", expected: .eventList),
        Case(description: "an EventList with items before kind", prefix: #"{"metadata":{},"items":[{"#, expected: .eventList),
        Case(description: "a bare array of events", prefix: "\n[{\"kind\":\"Event\"}]", expected: .eventList),
        Case(description: "aws logs filter-log-events output", prefix: "{\n    \"events\": [\n        {\n", expected: .cloudWatchJSON),
        Case(description: "an S3 export line", prefix: "2026-11-01T10:00:00.123Z {\"kind\":\"Event\"}\n", expected: .cloudWatchS3),
        Case(description: "a number that is not a timestamp", prefix: "12345 {}\n", expected: .jsonLines),
        Case(description: "text that is not JSON", prefix: "hello\n", expected: .jsonLines),
        Case(description: "empty", prefix: "", expected: .jsonLines),
        Case(description: "whitespace only", prefix: " \n\t", expected: .jsonLines),
        Case(description: "an object cut off before any member decides", prefix: #"{"apiVersion":"audit.k8s.io/v1","met"#, expected: .jsonLines),
    ])
    func detects(_ testCase: Case) {
        let bytes = Array(testCase.prefix.utf8)
        #expect(bytes.withUnsafeBytes { InputFormat.detect(in: $0) } == testCase.expected)
    }

    @Test("forcing a format overrides detection")
    func forcedFormat() throws {
        let eventList = #"{"kind":"EventList","items":[{"auditID":"a"}]}"#
        let asLines = try InputTestFixtures.read(Array(eventList.utf8), format: .jsonLines)
        #expect(asLines.map(\.text) == [eventList])
        let detected = try InputTestFixtures.read(Array(eventList.utf8))
        #expect(detected.map(\.text) == [#"{"auditID":"a"}"#])
    }

    @Test("the format names are the documented --input-format values")
    func names() {
        #expect(InputFormat.allCases.map(\.rawValue) == ["auto", "jsonl", "eventlist", "cloudwatch-json", "cloudwatch-s3"])
    }
}
