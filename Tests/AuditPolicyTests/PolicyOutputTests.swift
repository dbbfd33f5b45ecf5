import Testing
@testable import AuditPolicy

/// Issue 9, "renderers live in the libraries next to their reports": the text reports of
/// `auditsim explain` and `auditsim check`, line by line, escaped for a terminal; and issue 15,
/// "a 5 MB user name": long input strings are clipped where reports print them.
@Suite("Policy text reports")
struct PolicyOutputTests {
    static let policyText = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    rules:
    - level: None
      users: ["system:kube-proxy"]
    - level: Metadata
      resources:
      - group: ""
        resources: ["secrets"]
    """

    static func explanation(policyName: String = "p.yaml", user: String = "alice") throws -> (String, ExplanationJSON) {
        let loaded = PolicyReader.read(PolicySource(name: policyName, text: policyText))
        let policy = try loaded.compile()
        let request = RequestAttributes(user: UserInfo(name: user, groups: ["system:authenticated"]), verb: "get", namespace: "default",
                                        apiVersion: "v1", resource: "secrets", name: "db", isResourceRequest: true)
        let explanation = Explanation(policy: policy, request: request)
        return (ExplanationText.render(explanation, policy: policy, loaded: loaded), ExplanationJSON(explanation, policy: policy, loaded: loaded))
    }

    @Test("the explain text report names the request, the decision, the quoted rule and the earlier rules")
    func explainTextLines() throws {
        let (text, json) = try Self.explanation()
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == [
            "request        get secrets db -n default",
            "api            core/v1",
            "user           as alice (groups: system:authenticated)",
            "policy         p.yaml (kube-apiserver \(KubernetesVersion.latest))",
            "level          Metadata",
            "stages         RequestReceived, ResponseComplete",
            "rule           #1 at p.yaml:6:3",
            "  6 | - level: Metadata",
            "  7 |   resources:",
            "  8 |   - group: \"\"",
            "  9 |     resources: [\"secrets\"]",
            "",
            "earlier rules that do not match:",
            "  #0 (line 4): user \"alice\" is not one of [\"system:kube-proxy\"]",
        ])
        #expect(json.level == .metadata)
        #expect(json.stages == [.requestReceived, .responseComplete])
        #expect(json.rule?.line == 6)
    }

    @Test("the explain text report escapes control and bidirectional characters of input strings", arguments: ["\u{1B}]0;x\u{07}", "\u{202E}"])
    func explainTextEscapes(_ hostile: String) throws {
        let (text, _) = try Self.explanation(policyName: "p\(hostile).yaml", user: "al\(hostile)ice")
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{07}" })
        #expect(text.contains("policy         p\(TerminalEscaping.escaped(hostile)).yaml"))
        #expect(text.contains("as al\(TerminalEscaping.escaped(hostile))ice"))
    }

    @Test("the check text report prints each diagnostic and whether kube-apiserver accepts the policy")
    func checkTextLines() throws {
        let refused = PolicyReader.read(PolicySource(name: "bad\u{202E}.yaml", text: "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Everything\n"))
        let accepted = PolicyReader.read(PolicySource(name: "good.yaml", text: Self.policyText))
        var lines: [String] = []
        let text = PolicyCheckText(version: .latest, showSnippets: false)
        try text.write(refused, to: { lines.append($0) })
        try text.write(accepted, to: { lines.append($0) })
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("bad\\u202e.yaml:4:10: error: "))
        #expect(lines[1] == "bad\\u202e.yaml: refused by kube-apiserver \(KubernetesVersion.latest)")
        #expect(lines[2] == "good.yaml: accepted by kube-apiserver \(KubernetesVersion.latest)")
        let json = PolicyCheckJSON(results: [refused, accepted], version: .latest)
        #expect(json.files.map(\.accepted) == [false, true])
        #expect(json.files[0].diagnostics.first?.severity == .error)
    }

    @Test("issue 15: a long value is clipped with an ellipsis and its size; a short one is kept", arguments: [
        (String(repeating: "u", count: 200), String(repeating: "u", count: 200)),
        (String(repeating: "u", count: 201), String(repeating: "u", count: 200) + "… (201 bytes)"),
        (String(repeating: "é", count: 150), String(repeating: "é", count: 150)),
        (String(repeating: "é", count: 250), String(repeating: "é", count: 200) + "… (500 bytes)"),
    ])
    func longValuesClipped(_ value: String, _ shown: String) {
        #expect(DisplayClipping.clipped(value) == shown)
    }

    @Test("issue 15: a 1 MB user name prints as a few hundred bytes in the request printer and in explain")
    func megabyteUserNameClipped() throws {
        let name = String(repeating: "u", count: 1_000_000)
        let request = RequestAttributes(user: UserInfo(name: name, groups: [name]), verb: "get", namespace: name, resource: "secrets",
                                        name: name, isResourceRequest: true)
        #expect(RequestDescription.text(request).utf8.count < 2_000)
        let (text, _) = try Self.explanation(user: name)
        #expect(text.utf8.count < 2_000)
        #expect(text.contains("… (1000000 bytes)"))
    }
}
