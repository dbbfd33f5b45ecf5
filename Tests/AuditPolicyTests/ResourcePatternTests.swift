import Testing
@testable import AuditPolicy

/// The one resource-pattern type: the readings kube-apiserver matches (checker.go,
/// `ruleMatchesResource`, split at every slash) and the literal first-slash parts lint looks up.
struct ResourcePatternTests {
    typealias Reading = ResourcePattern.Reading

    @Test("consolidate what imitates Go: a pattern is read at every slash, as upstream compares it", arguments: [
        ("*", [Reading(resource: nil, subresource: nil)]),
        ("pods", [Reading(resource: "pods", subresource: "")]),
        ("pods/log", [Reading(resource: "pods/log", subresource: ""), Reading(resource: "pods", subresource: "log")]),
        ("*/scale", [Reading(resource: "*/scale", subresource: ""), Reading(resource: "*", subresource: "scale"), Reading(resource: nil, subresource: "scale")]),
        ("pods/*", [Reading(resource: "pods/*", subresource: ""), Reading(resource: "pods", subresource: "*"), Reading(resource: "pods", subresource: nil)]),
        ("a/b/c", [Reading(resource: "a/b/c", subresource: ""), Reading(resource: "a", subresource: "b/c"), Reading(resource: "a/b", subresource: "c")]),
    ])
    func readings(pattern: String, expected: [Reading]) {
        #expect(ResourcePattern(pattern).readings == expected)
        // Every reading, with "any" filled in, is a request the evaluator matches with the pattern.
        for reading in expected {
            #expect(CompiledGroupResources.resourceMatches(pattern, resource: reading.resource ?? "anything", subresource: reading.subresource ?? "any"))
        }
    }

    @Test("the literal reading and the first-slash parts", arguments: [
        ("*", "*", nil as String?, Reading(resource: nil, subresource: nil)),
        ("pods", "pods", nil, Reading(resource: "pods", subresource: "")),
        ("pods/log", "pods", "log", Reading(resource: "pods", subresource: "log")),
        ("*/scale", "*", "scale", Reading(resource: nil, subresource: "scale")),
        ("a/b/c", "a", "b/c", Reading(resource: "a", subresource: "b/c")),
    ])
    func literal(pattern: String, resource: String, subresource: String?, reading: Reading) {
        let parsed = ResourcePattern(pattern)
        #expect(parsed.resource == resource)
        #expect(parsed.subresource == subresource)
        #expect(parsed.isAnyResource == (resource == "*"))
        #expect(parsed.literalReading == reading)
        #expect(parsed.readings(literal: true) == [reading])
    }
}
