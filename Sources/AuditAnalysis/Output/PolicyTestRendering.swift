import AuditPolicy

/// Text, JSON and JUnit XML renderings of policy test results (`auditsim test`). Text escapes
/// every line for a terminal.
public struct PolicyTestRendering: Sendable {
    let results: [PolicyTestRunner.Result]
    let suite: PolicyTestSuite
    let policy: AnalysisPolicy

    /// The renderings of `results` of `suite` run on `policy`.
    public init(results: [PolicyTestRunner.Result], suite: PolicyTestSuite, policy: AnalysisPolicy) {
        self.results = results
        self.suite = suite
        self.policy = policy
    }

    private var failed: Int { results.filter { !$0.passed }.count }

    private func decisionText(_ result: PolicyTestRunner.Result) -> String {
        "\(policy.ruleText(result.decision.ruleIndex)): \(AnalysisText.decision(result.decision)); stages \(result.stages.isEmpty ? "none" : result.stages.map(\.rawValue).joined(separator: ", "))"
    }

    /// The text report.
    public var text: String {
        var lines: [String] = []
        for result in results {
            let location = "\(suite.fileName):\(result.testCase.location.line)"
            if result.passed {
                lines.append("PASS  \(result.testCase.name)")
            } else {
                lines.append("FAIL  \(result.testCase.name)  (\(location))")
                for failure in result.failures { lines.append("      \(failure)") }
                lines.append("      decided by \(decisionText(result))")
                lines.append("      request: \(RequestDescription.text(result.testCase.request))")
            }
        }
        lines.append("")
        lines.append("\(results.count - failed) passed, \(failed) failed (\(policy.name), kube-apiserver \(policy.compiled.kubernetesVersion))")
        return lines.map(TerminalEscaping.escaped).joined(separator: "\n") + "\n"
    }

    /// `test --format json`.
    public struct JSONReport: Encodable, Sendable {
        public struct Case: Encodable, Sendable {
            public var name: String
            public var line: Int
            public var passed: Bool
            public var failures: [String]
            public var request: RequestAttributes
            public var level: Level
            public var stages: [Stage]
            public var omitManagedFields: Bool
            public var rule: Int?
            public var ruleLine: Int?
            public var ruleName: String?
        }

        public var policy: String
        public var tests: String
        public var passed: Int
        public var failed: Int
        public var cases: [Case]
    }

    /// The JSON report.
    public var json: JSONReport {
        let names = policy.loaded.policy.map { RuleNames(policy: $0, source: policy.loaded.source) }
        return JSONReport(
            policy: policy.name, tests: suite.fileName, passed: results.count - failed, failed: failed,
            cases: results.map { result in
                JSONReport.Case(
                    name: result.testCase.name, line: result.testCase.location.line, passed: result.passed, failures: result.failures,
                    request: result.testCase.request, level: result.decision.level, stages: result.stages,
                    omitManagedFields: result.decision.omitManagedFields, rule: result.decision.ruleIndex,
                    ruleLine: result.decision.ruleIndex.flatMap(policy.line(ofRule:)),
                    ruleName: result.decision.ruleIndex.flatMap { names?.name(of: $0) }
                )
            }
        )
    }

    /// JUnit XML as CI systems (GitHub Actions reporters, GitLab, Jenkins) read it.
    public var junit: String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites name=\"auditsim test\" tests=\"\(results.count)\" failures=\"\(failed)\" errors=\"0\">",
            "  <testsuite name=\"\(Self.escape(suite.fileName))\" tests=\"\(results.count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"0\">",
        ]
        for result in results {
            let attributes = "name=\"\(Self.escape(result.testCase.name))\" classname=\"\(Self.escape(policy.name))\" file=\"\(Self.escape(suite.fileName))\" line=\"\(result.testCase.location.line)\""
            if result.passed {
                lines.append("    <testcase \(attributes)/>")
            } else {
                lines.append("    <testcase \(attributes)>")
                let details = (result.failures + ["decided by \(decisionText(result))", "request: \(RequestDescription.text(result.testCase.request))"]).joined(separator: "\n")
                lines.append("      <failure message=\"\(Self.escape(result.failures.joined(separator: "; ")))\" type=\"PolicyTestFailure\">\(Self.escape(details))</failure>")
                lines.append("    </testcase>")
            }
        }
        lines.append("  </testsuite>")
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes text for XML attributes and content; drops characters XML 1.0 cannot hold.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            default:
                let value = scalar.value
                if value == 0x9 || value == 0xD || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
