import Testing
@testable import AuditReplay

/// JSON lines as kube-apiserver's log backend writes them (plugin/pkg/audit/log/backend.go,
/// `logEvent`: one encoded event per line), read without losing or merging lines.
struct InputJSONLinesTests {
    typealias Pair = InputTestFixtures.Pair

    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var input: String
        var expected: [(Int, String)]
    }

    @Test("lines become records with their 1-based line numbers", arguments: [
        Case(description: "two events, final newline", input: "{\"a\":1}\n{\"b\":2}\n",
             expected: [(1, "{\"a\":1}"), (2, "{\"b\":2}")]),
        Case(description: "no final newline: the last line still counts", input: "{\"a\":1}\n{\"b\":2}",
             expected: [(1, "{\"a\":1}"), (2, "{\"b\":2}")]),
        Case(description: "blank and whitespace-only lines are skipped but counted", input: "\n{\"a\":1}\n \t\n\n{\"b\":2}\n",
             expected: [(2, "{\"a\":1}"), (5, "{\"b\":2}")]),
        Case(description: "CRLF line breaks: the CR is not part of the event", input: "{\"a\":1}\r\n\r\n{\"b\":2}\r\n",
             expected: [(1, "{\"a\":1}"), (3, "{\"b\":2}")]),
        Case(description: "a line that is not JSON is passed on for the replay to report", input: "{\"a\":1}\nnot json\n{\"b\"\n",
             expected: [(1, "{\"a\":1}"), (2, "not json"), (3, "{\"b\"")]),
        Case(description: "a byte-order mark at the start is dropped", input: "\u{FEFF}{\"a\":1}\n",
             expected: [(1, "{\"a\":1}")]),
        Case(description: "empty input: no records", input: "", expected: []),
    ])
    func splitsLines(_ testCase: Case) throws {
        let records = try InputTestFixtures.read(Array(testCase.input.utf8))
        #expect(InputTestFixtures.lines(records) == testCase.expected.map { Pair(line: $0.0, text: $0.1) })
        #expect(records.allSatisfy { $0.source == "mem" })
    }

    /// Lines of varied lengths, so that batch boundaries fall inside lines, on line
    /// breaks, and inside CRLF pairs.
    static let variedLines: [String] = (1...200).map { index in
        "{\"n\":\(index),\"pad\":\"" + String(repeating: "x", count: (index * 37) % 301) + "\"}"
    }

    @Test("events spanning batch boundaries come out whole, whatever the batch size", arguments: [1, 7, 64, 1000, 4096, 1 << 20])
    func batchBoundaries(batchBytes: Int) throws {
        let text = Self.variedLines.enumerated().map { $0.offset % 3 == 0 ? $0.element + "\r\n" : $0.element + "\n" }.joined()
        let records = try InputTestFixtures.read(Array(text.utf8), batchBytes: batchBytes)
        #expect(records.map(\.text) == Self.variedLines)
        #expect(records.map(\.line) == Array(1...200))
    }

    @Test("a batch stays within batchBytes (unless one event is larger) and batches cover the input")
    func batchSizes() throws {
        let text = Self.variedLines.joined(separator: "\n") + "\n"
        var reader = RecordingReader(bytes: Array(text.utf8), source: "mem", batchBytes: 4096)
        var batchCount = 0
        var recordCount = 0
        while let batch = try reader.next() {
            batchCount += 1
            recordCount += batch.records.count
            #expect(batch.storage.count <= 4096 || batch.records.count == 1)
        }
        #expect(recordCount == 200)
        #expect(batchCount >= text.utf8.count / 4096)
    }

    @Test("a single event larger than batchBytes is read whole (the buffer grows for it)")
    func hugeEvent() throws {
        let huge = "{\"data\":\"" + String(repeating: "y", count: 3 << 20) + "\"}"
        let text = "{\"a\":1}\n" + huge + "\n{\"b\":2}\n"
        let records = try InputTestFixtures.read(Array(text.utf8), batchBytes: 64 << 10)
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(records.map(\.text.utf8.count) == [7, huge.utf8.count, 7])
        #expect(records[1].text == huge)
    }
}
