import AuditLint
import AuditPolicy
import Foundation
import Testing

/// JSON, SARIF 2.1.0 (as GitHub code scanning reads it) and GitHub workflow commands.
struct OutputFormatTests {
    static let policy = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    rules:
      - level: None
        verbs: ["GET"]
      - level: Metadata
    """

    func encode<T: Encodable>(_ value: T) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("SARIF: version, driver rules with help and levels, results with rule IDs and regions")
    func sarif() throws {
        let result = try LintTestSupport.lint(Self.policy, name: "policies/p.yaml")
        let rules = LintRules.all.map(\.description)
        let log = try encode(SARIFReport(results: [(result, .relative("policies/p.yaml"))], rules: rules, toolVersion: "0.1.0"))
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "auditsim")
        let driverRules = try #require(driver["rules"] as? [[String: Any]])
        #expect(driverRules.count == rules.count)
        let ap201 = try #require(driverRules.first { $0["id"] as? String == "AP201" })
        #expect((ap201["shortDescription"] as? [String: Any])?["text"] as? String == rules.first { $0.id == "AP201" }?.summary)
        #expect(((ap201["help"] as? [String: Any])?["markdown"] as? String)?.hasPrefix("# AP201") == true)
        #expect((ap201["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        let results = try #require(run["results"] as? [[String: Any]])
        let finding = try #require(results.first { $0["ruleId"] as? String == "AP201" })
        #expect(finding["level"] as? String == "error")
        #expect(finding["ruleIndex"] as? Int == rules.firstIndex { $0.id == "AP201" })
        let location = try #require((finding["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "policies/p.yaml")
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 5 && region["startColumn"] as? Int == 13 && region["endColumn"] as? Int == 18)
        let infoLevels = Set(results.compactMap { $0["level"] as? String })
        #expect(infoLevels.isSubset(of: ["error", "warning", "note"]))
    }

    @Test("GitHub workflow commands: kind, position, title, escaped message")
    func github() throws {
        let result = try LintTestSupport.lint(Self.policy)
        let lines = GitHubAnnotations.lines(for: result, artifact: .relative("dir/p,1.yaml"))
        let line = try #require(lines.first { $0.contains("title=AP201") })
        #expect(line.hasPrefix("::error file=dir/p%2C1.yaml,line=5,col=13,endColumn=18,title=AP201::verb \"GET\" is not lower case"))
        #expect(line.contains("%0Ahelp: write `get`"))
        #expect(!line.contains("\n"))
        #expect(lines.contains { $0.hasPrefix("::warning ") })
    }

    @Test("JSON: counts, findings with positions, failure threshold")
    func json() throws {
        let result = try LintTestSupport.lint(Self.policy)
        let report = try encode(LintJSONReport(results: [result], failOn: .error))
        #expect(report["failed"] as? Bool == true && report["failOn"] as? String == "error")
        let file = try #require((report["files"] as? [[String: Any]])?.first)
        #expect(file["accepted"] as? Bool == true && file["errors"] as? Int == 1)
        let findings = try #require(file["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["id"] as? String == "AP201" && $0["line"] as? Int == 5 && $0["endColumn"] as? Int == 18 })
    }

    @Test("text: compiler-style line, snippet with caret under the span, help, summary")
    func text() throws {
        let result = try LintTestSupport.lint(Self.policy)
        let text = LintTextReport.render([result])
        #expect(text.contains("""
        policy.yaml:5:13: error[AP201]: verb "GET" is not lower case; verbs are compared exactly, so rules[0] (line 4) never matches it
         5 |     verbs: ["GET"]
           |             ^^^^^
          help: write `get`
        """))
        #expect(text.contains("\npolicy.yaml: 1 error, "))
        #expect(text.hasSuffix("; kube-apiserver 1.36 accepts it\n"))
    }
}
