import Foundation
import Testing
@testable import AuditReplay

/// Issue 14, "Input": `RecordingContent.cloudTrailEvents` splits each CloudTrail form into
/// one record per event, with the line it starts at, whatever the batch size.
struct InputCloudTrailTests {
    typealias Fixtures = InputTestFixtures

    static func read(_ text: String, batchBytes: Int = 4 << 20) throws -> [Fixtures.Pair] {
        let directory = try Fixtures.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try Fixtures.write(Array(text.utf8), to: "trail.json", in: directory)
        var reader = try RecordingReader(paths: [path], content: .cloudTrailEvents, batchBytes: batchBytes)
        return Fixtures.lines(try Fixtures.readAll(&reader).records)
    }

    @Test(arguments: [1, 4 << 20])
    func s3LogFileRecordsArePassedOnOneByOne(batchBytes: Int) throws {
        let text = "{\"Records\":[\n  {\"eventName\":\"A\"},\n  {\"eventName\":\"B\",\"x\":\"]}\"}\n]}\n"
        #expect(try Self.read(text, batchBytes: batchBytes) == [
            .init(line: 2, text: "{\"eventName\":\"A\"}"), .init(line: 3, text: "{\"eventName\":\"B\",\"x\":\"]}\"}"),
        ])
    }

    @Test func lookupEventsStringsAreUnescaped() throws {
        let text = #"{"Events":[{"EventId":"1","CloudTrailEvent":"{\"eventName\":\"A\",\"q\":\"\\\"\"}"}],"NextToken":"t"}"#
        #expect(try Self.read(text) == [.init(line: 1, text: #"{"eventName":"A","q":"\""}"#)])
    }

    @Test func jsonLinesAreReadLineByLine() throws {
        #expect(try Self.read("{\"eventName\":\"A\"}\n{\"eventName\":\"B\"}\n").map(\.line) == [1, 2])
    }

    @Test func aLogFileWithoutItsRecordsArrayIsAnInputError() throws {
        let directory = try Fixtures.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try Fixtures.write(Array("{\"Records\":[{\"eventName\":\"A\"}".utf8), to: "cut.json", in: directory)
        var reader = try RecordingReader(paths: [path], content: .cloudTrailEvents)
        #expect(Fixtures.readError(&reader)?.reason.contains("truncated CloudTrail log file") == true)
    }
}
