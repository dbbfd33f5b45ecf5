import Foundation
import Testing
@testable import AuditEstimate

/// The CSV and HTML outputs, without a browser: columns, quoting, figures, self-containment.
@Suite("CSV and HTML output")
struct OutputFormatTests {
    static let report = SampleReports.twoPolicies()

    static func rows() -> [[String]] {
        EstimateCSV.render(report).components(separatedBy: "\r\n").filter { !$0.isEmpty }.map(CSVText.fields)
    }

    @Test("the CSV has a fixed header and one total row per policy, with the JSON's figures")
    func totals() throws {
        let rows = Self.rows()
        #expect(rows.first == EstimateCSV.columns)
        // Issue 16: every output says which pricing model it used.
        #expect(rows.dropFirst().first.map { Array($0.prefix(3)) } == ["pricing", "", "vended-tiered us-east-1 account=0GB clusters=1"])
        let totals = rows.filter { $0.first == "total" }
        #expect(totals.map { $0[1] } == ["eks.yaml", "tuned.yaml"])
        // eks.yaml: 200 events, 2,000,000 bytes; billed 2,000,000 + 26 × 200 = 2,005,200; 24 a day
        // over one hour: 4,800 events a day.
        #expect(Array(totals[0][3...8]) == ["200", "2000000", "2005200", "1", "1", "4800"])
    }

    /// Keys are written as RFC 4180 asks: a field with a comma or a quote is quoted, quotes doubled.
    @Test("every breakdown value is a row, and odd keys are quoted")
    func breakdowns() throws {
        let rows = Self.rows()
        let users = rows.filter { $0.first == "user" && $0[1] == "eks.yaml" }
        #expect(users.map { $0[2] } == ["alice <a&b>", "system:node:ip-10-0-1-1"])
        #expect(rows.contains { $0.first == "rule" && $0[2] == "#0 (line 8) RequestResponse" })
        #expect(rows.filter { $0.first == "timeline" && $0[1] == "eks.yaml" }.count == 60)
        #expect(rows.contains { $0.first == "whatif" && $0[1] == "tuned.yaml" && $0[2] == "eks.yaml" && $0[3] == "-100" })
        #expect(rows.contains { $0.first == "suggestion" && $0[2] == "Set omitManagedFields in rule #0 (line 8)" })
        #expect(rows.allSatisfy { $0.count == EstimateCSV.columns.count })
        let quoted = EstimateCSV.render(EstimateReport(volume: EstimateVolume(
            inputs: [], rawEvents: 0, requests: 0, incompleteRequests: 0, duplicateEvents: 0, malformedLines: 0,
            span: ObservedSpan(), limits: SampleReports.twoPolicies().volume.limits,
            policies: [PolicyVolume(policy: "a,\"b\".yaml")]
        ), assumptions: EstimateAssumptions(), suggestions: SuggestionReport(policies: [])))
        #expect(quoted.contains("total,\"a,\"\"b\"\".yaml\",all,0,0,0,,,,,,,\r\n"))
    }

    @Test("the HTML page is self-contained and escapes what it shows")
    func selfContained() {
        let page = EstimateHTML.render(Self.report)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        for reference in ["<script", "<link", "src=", "url(", "@import", "href=\"http"] {
            #expect(!page.contains(reference), "\(reference)")
        }
        #expect(page.contains("alice &lt;a&amp;b&gt;"))
        #expect(!page.contains("alice <a&b>"))
        #expect(page.contains("data-chart=\"policy-1.rules\""))
        #expect(page.contains("data-metric=\"policy-1.standardTotalCostPerMonth\""))
    }
}

/// Splitting a CSV line written by `EstimateCSV` back into fields.
enum CSVText {
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
