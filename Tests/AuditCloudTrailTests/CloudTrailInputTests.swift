import AuditCloudTrail
import AuditReplay
import Foundation
import Testing

/// Issue 14, "Input": S3 log files (plain, gzip, the AWSLogs tree), lookup-events output, JSON
/// lines, events of other services, and malformed records.
struct CloudTrailInputTests {
    typealias F = TrailFixtures

    static var records: [[String: Any]] { [
        F.eks("2026-11-02T09:00:00Z", "CreateCluster", F.logging(["audit"], enabled: true)),
        F.event("2026-11-02T09:30:00Z", "s3.amazonaws.com", "GetObject"),
        F.eks("2026-11-02T09:40:00Z", "DescribeCluster"),
        F.eks("2026-11-03T10:00:00Z", "UpdateClusterConfig", F.logging(["audit"], enabled: false)),
    ] }

    /// What every input form of `records` must give.
    static func expectSameTrail(_ report: CloudTrailReport) {
        #expect(report.trail.events == 4)
        #expect(report.trail.followed == 2)
        #expect(report.trail.otherServices == 1)
        #expect(report.trail.otherCalls == 1)
        #expect(report.clusters.map(\.key.name) == ["prod"])
        #expect(report.loggingGaps.count == 1)
    }

    @Test func s3LogFilesInTheAWSLogsTreeAreReadGzippedOrNot() throws {
        let prefix = "AWSLogs/111122223333/CloudTrail/us-west-2/2026/11/"
        let first = F.logFile(Array(Self.records[..<2]))
        let second = F.logFile(Array(Self.records[2...]))
        for gzip in [false, true] {
            let report = try F.report(trail: [prefix + "02/a.json.gz": first, prefix + "03/b.json.gz": second], gzip: gzip)
            Self.expectSameTrail(report)
            #expect(report.trail.files.count == 2)
        }
    }

    @Test func lookupEventsOutputIsUnwrapped() throws {
        let wrapped = Self.records.enumerated().map { index, record in
            ["EventId": "\(index)", "EventName": record["eventName"]!, "CloudTrailEvent": F.json(record)] as [String: Any]
        }
        let report = try F.report(trail: ["lookup.json": F.json(["Events": wrapped, "NextToken": "x"])])
        Self.expectSameTrail(report)
    }

    @Test func lakeJSONLinesAndAthenaLowercaseColumnsAreRead() throws {
        let lines = Self.records.map(F.json)
        Self.expectSameTrail(try F.report(trail: ["lake.jsonl": lines.joined(separator: "\n") + "\n"]))
        // Athena's CloudTrail table: lowercase columns, request parameters as a JSON string.
        let athena = Self.records.map { record in
            var row: [String: Any] = [:]
            for (key, value) in record { row[key.lowercased()] = key == "requestParameters" ? F.json(value) : value }
            return F.json(row)
        }
        Self.expectSameTrail(try F.report(trail: ["athena.jsonl": athena.joined(separator: "\n") + "\n"]))
    }

    @Test func malformedRecordsAreCountedWithTheirLocation() throws {
        let lines = ["not json", F.json(["eventTime": "2026-11-02T09:00:00Z"]), F.json(Self.records[0])]
        let report = try F.report(trail: ["lake.jsonl": lines.joined(separator: "\n") + "\n"])
        #expect(report.trail.events == 1)
        #expect(report.trail.malformed.count == 2)
        #expect(report.trail.malformed.shown.map(\.line) == [1, 2])
        #expect(report.trail.malformed.shown[1].reason.contains("eventSource"))
    }

    @Test func aRecordOverTheInputLimitIsSkippedAndCountedWithItsLocation() throws {
        let huge = F.eks("2026-11-02T09:30:00Z", "TagResource", ["tags": ["padding": String(repeating: "x", count: 4_096)]])
        let root = try F.directory(["t.json": Array(F.logFile([Self.records[0], huge, Self.records[3]]).utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try CloudTrailAnalysis.run(trailPaths: [root.path], maxEventBytes: 1_024)
        #expect(report.trail.events == 2)
        #expect(report.trail.malformed.count == 1)
        #expect(report.trail.malformed.shown.first?.kind == .oversize)
        #expect(report.loggingGaps.count == 1)
    }

    @Test func textOutputEscapesControlCharactersFromTheTrail() throws {
        let record = F.eks("2026-11-02T09:00:00Z", "CreateCluster", by: "arn:aws:iam::1:user/\u{1B}[2Jevil", cluster: "prod\u{1B}]0;title\u{07}")
        let text = CloudTrailText.render(try F.report(trail: ["a.json": F.logFile([record])]))
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{07}"))
        #expect(text.contains("evil"))
    }

    @Test func aTrailWithoutAnyEventIsAnInputError() throws {
        #expect(throws: InputError.self) { try F.report(trail: ["empty.json": "{\"Records\":[]}"]) }
    }

    @Test func reportJSONHasTheSchemaKeysAndNullForOpenSpans() throws {
        let report = try F.report(trail: ["a.json": F.logFile(Self.records)])
        let encoder = JSONEncoder()
        let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(report)) as? [String: Any])
        #expect(object["schema"] as? String == "auditsim-cloudtrail/1")
        for key in ["clusters", "loggingGaps", "accessChanges", "nodeIdentities", "findings"] { #expect(object[key] is [Any], "\(key)") }
        let gap = try #require((object["loggingGaps"] as? [[String: Any]])?.first)
        #expect(gap["from"] as? String == "2026-11-03T10:00:00Z")
        #expect(gap["to"] is NSNull)
        #expect(gap["enabledBy"] is NSNull)
        let cluster = try #require((object["clusters"] as? [[String: Any]])?.first)
        let logging = try #require(cluster["logging"] as? [String: [[String: Any]]])
        #expect(Set(logging.keys) == ["api", "audit", "authenticator", "controllerManager", "scheduler"])
        #expect(logging["audit"]?.first?["to"] as? String == "2026-11-03T10:00:00Z")
    }
}
