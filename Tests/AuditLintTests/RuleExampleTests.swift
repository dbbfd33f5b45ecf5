import AuditLint
import AuditPolicy
import Testing

/// Every check's documented examples are executable: the "reported" policy triggers the check and
/// the "not reported" one does not (as SwiftLint runs its rule descriptions).
struct RuleExampleTests {
    static let rules = LintRules.all.map(\.description)

    @Test("the bad example triggers the check", arguments: rules)
    func badExampleTriggers(_ rule: RuleDescription) throws {
        let result = try LintTestSupport.lint(rule.badExample, configuration: rule.exampleConfiguration, corpus: rule.exampleCorpus)
        #expect(LintTestSupport.ids(result).contains(rule.id), "\(rule.id) not reported; got \(LintTestSupport.ids(result))")
    }

    @Test("the good example does not trigger the check", arguments: rules)
    func goodExampleIsClean(_ rule: RuleDescription) throws {
        let result = try LintTestSupport.lint(rule.goodExample, configuration: rule.exampleConfiguration, corpus: rule.exampleCorpus)
        let own = result.findings.filter { $0.code == rule.id }
        #expect(own.isEmpty, "\(rule.id) reported on its good example: \(own.map(\.message))")
    }

    @Test("IDs are unique, in their category's range, and documented")
    func identifiersAndDocumentation() {
        var seen = Set<String>()
        for rule in Self.rules {
            #expect(seen.insert(rule.id).inserted, "duplicate ID \(rule.id)")
            #expect(rule.id.count == 5 && rule.id.hasPrefix("AP"), "malformed ID \(rule.id)")
            let hundreds = rule.id.dropFirst(2).first
            let expected: Character = switch rule.category {
            case .loading: "0"
            case .traps: "1"
            case .neverMatches: "2"
            case .identities: "3"
            case .ruleOrder: "4"
            case .volume: "5"
            case .sensitiveData: "6"
            case .coverage: "7"
            }
            #expect(hundreds == expected, "\(rule.id) is not in the range of \(rule.category)")
            #expect(!rule.summary.isEmpty && !rule.rationale.isEmpty && !rule.fix.isEmpty && !rule.name.isEmpty)
        }
    }
}

extension RuleDescription: CustomTestStringConvertible {
    public var testDescription: String { "\(id) \(name)" }
}
