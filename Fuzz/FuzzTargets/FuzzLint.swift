import AuditLint
import AuditPolicy
import Foundation

/// Every lint check on any policy bytes, and every output format of the result.
public func fuzzLint(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = PolicySource(name: "fuzz.yaml", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let result = Linter().lint(source)
    _ = LintTextReport.render([result])
    _ = GitHubAnnotations.lines(for: result, artifact: .relative("fuzz.yaml"))
    let encoder = JSONEncoder()
    _ = try? encoder.encode(LintJSONReport(results: [result], failOn: .warning))
    _ = try? encoder.encode(SARIFReport(results: [(result, .relative("fuzz.yaml"))], rules: LintRules.all.map(\.description), toolVersion: "fuzz"))
    return 0
}
