import Testing
@testable import AuditReplay

/// `EventList` documents, the webhook backend's batch format (pkg/apis/audit/v1/types.go,
/// `EventList`: TypeMeta, `metadata`, `items`), streamed element by element.
struct InputEventListTests {
    typealias Pair = InputTestFixtures.Pair

    /// A pretty-printed EventList as `kubectl`/`jq` print it; items start on lines 7 and 18.
    static let pretty = """
    {
      "kind": "EventList",
      "apiVersion": "audit.k8s.io/v1",
      "metadata": {},
      "items": [
        
        {
          "kind": "Event",
          "apiVersion": "audit.k8s.io/v1",
          "level": "Metadata",
          "auditID": "a1",
          "stage": "ResponseComplete",
          "requestURI": "/api/v1/pods?x=[1]",
          "verb": "list",
          "user": {"username": "u \\" ] }"},
          "annotations": {"k": "{["}
        },
        {"kind": "Event", "auditID": "a2"}
      ]
    }

    """

    @Test("pretty-printed: each item is one record, with the line its first byte is on")
    func prettyLineNumbers() throws {
        let records = try InputTestFixtures.read(Array(Self.pretty.utf8))
        #expect(records.map(\.line) == [7, 18])
        #expect(records.first?.text.hasPrefix("{\n      \"kind\": \"Event\"") == true)
        #expect(records.first?.text.hasSuffix("\"annotations\": {\"k\": \"{[\"}\n    }") == true)
        #expect(records.last?.text == "{\"kind\": \"Event\", \"auditID\": \"a2\"}")
    }

    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var input: String
        var expected: [(Int, String)]
    }

    @Test("layouts kube-apiserver and tools produce", arguments: [
        Case(description: "compact, as the webhook backend sends it",
             input: #"{"kind":"EventList","apiVersion":"audit.k8s.io/v1","metadata":{},"items":[{"auditID":"a"},{"auditID":"b"}]}"#,
             expected: [(1, #"{"auditID":"a"}"#), (1, #"{"auditID":"b"}"#)]),
        Case(description: "several documents one after another (one per line)",
             input: "{\"kind\":\"EventList\",\"items\":[{\"auditID\":\"a\"}]}\n{\"kind\":\"EventList\",\"items\":[{\"auditID\":\"b\"}]}\n",
             expected: [(1, #"{"auditID":"a"}"#), (2, #"{"auditID":"b"}"#)]),
        Case(description: "a bare JSON array of events (jq -s)",
             input: "[\n{\"auditID\":\"a\"},\n  {\"auditID\":\"b\"}\n]\n",
             expected: [(2, #"{"auditID":"a"}"#), (3, #"{"auditID":"b"}"#)]),
        Case(description: "items null: Go's encoding of an empty list",
             input: #"{"kind":"EventList","apiVersion":"audit.k8s.io/v1","metadata":{},"items":null}"#,
             expected: []),
        Case(description: "members after items and nested metadata are skipped",
             input: #"{"metadata":{"resourceVersion":"1","x":[{"items":[1]}]},"items":[{"auditID":"a"}],"kind":"EventList"}"#,
             expected: [(1, #"{"auditID":"a"}"#)]),
        Case(description: "an item that is not an object is passed on for the replay to report",
             input: #"{"kind":"EventList","items":[42,"text",{"auditID":"a"}]}"#,
             expected: [(1, "42"), (1, #""text""#), (1, #"{"auditID":"a"}"#)]),
    ])
    func layouts(_ testCase: Case) throws {
        let records = try InputTestFixtures.read(Array(testCase.input.utf8), format: .eventList)
        #expect(InputTestFixtures.lines(records) == testCase.expected.map { Pair(line: $0.0, text: $0.1) })
    }

    @Test("items larger than the read window and the batch size come out whole", arguments: [1, 1000, 4 << 20])
    func largeItems(batchBytes: Int) throws {
        let items = (0..<6).map { index in
            "{\"auditID\":\"\(index)\",\"requestObject\":{\"data\":\"" + String(repeating: "\\\"]}", count: index * 40_000) + "\"}}"
        }
        let document = "{\"kind\":\"EventList\",\"items\":[\n" + items.joined(separator: ",\n") + "\n]}"
        let records = try InputTestFixtures.read(Array(document.utf8), batchBytes: batchBytes)
        #expect(records.map(\.text) == items)
        #expect(records.map(\.line) == Array(2...7))
    }

    struct ErrorCase: Sendable, CustomStringConvertible {
        var description: String
        var input: String
        var expected: String
    }

    @Test("a broken document structure is an error naming the file and line", arguments: [
        ErrorCase(description: "truncated inside an item",
                  input: "{\"kind\":\"EventList\",\n\"items\":[{\"auditID\":\"a\"},\n{\"auditID\":",
                  expected: "mem:3: truncated EventList document: the input ends inside the document that starts at line 1"),
        ErrorCase(description: "no items array",
                  input: "\n{\"kind\":\"EventList\",\"metadata\":{}}",
                  expected: "mem:2: the EventList document starting here has no \"items\" array"),
        ErrorCase(description: "items is not an array",
                  input: "{\"kind\":\"EventList\",\"items\":{}}",
                  expected: "mem:1: malformed EventList document: \"items\" is not an array"),
        ErrorCase(description: "missing colon",
                  input: "{\"kind\" \"EventList\"}",
                  expected: "mem:1: malformed EventList document: expected ':' after a member name"),
        ErrorCase(description: "text after a document",
                  input: "{\"items\":[]}\nfoo",
                  expected: "mem:2: malformed EventList document: expected '{' or '[' at the start of a document"),
    ])
    func brokenDocuments(_ testCase: ErrorCase) {
        var reader = RecordingReader(bytes: Array(testCase.input.utf8), source: "mem", format: .eventList)
        #expect(InputTestFixtures.readError(&reader)?.description == testCase.expected)
    }
}
